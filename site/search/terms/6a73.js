lessonsSearch.terms("js","{\"json\":[1,1,4,10]}");
