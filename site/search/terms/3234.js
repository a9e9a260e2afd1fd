lessonsSearch.terms("24","{\"24\":[1,2,4,22,6,26]}");
