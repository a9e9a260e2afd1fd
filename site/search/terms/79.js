lessonsSearch.terms("y","{\"y\":[1,2,5,8,7,10]}");
