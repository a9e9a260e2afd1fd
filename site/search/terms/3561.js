lessonsSearch.terms("5a","{\"5a4fcf\":[1,2,5,4,7,2]}");
