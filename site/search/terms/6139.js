lessonsSearch.terms("a9","{\"a99bff\":[1,2,5,4,7,2]}");
