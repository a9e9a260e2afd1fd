lessonsSearch.terms("lc","{\"lc\":[1,2,5,142,7,102]}");
