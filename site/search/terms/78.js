lessonsSearch.terms("x","{\"x\":[1,4,2,20,3,16,5,8,7,10]}");
