lessonsSearch.terms("ht","{\"http\":[1,2,2,6,4,10],\"httperror\":[1,1,4,10],\"https\":[1,2,4,106,6,96]}");
