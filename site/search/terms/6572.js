lessonsSearch.terms("er","{\"error\":[1,2,4,10,6,12]}");
