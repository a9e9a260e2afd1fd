lessonsSearch.terms("31","{\"31\":[1,3,4,10,5,4,6,6]}");
