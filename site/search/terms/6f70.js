lessonsSearch.terms("op","{\"opacity\":[1,2,5,4,7,2]}");
