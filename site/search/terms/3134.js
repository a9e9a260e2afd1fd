lessonsSearch.terms("14","{\"14\":[1,1,3,92]}");
