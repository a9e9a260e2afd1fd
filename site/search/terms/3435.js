lessonsSearch.terms("45","{\"45\":[1,3,3,30,5,4,6,6]}");
