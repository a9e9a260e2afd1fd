lessonsSearch.terms("41","{\"41\":[1,1,7,2]}");
