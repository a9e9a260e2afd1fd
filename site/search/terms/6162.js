lessonsSearch.terms("ab","{\"about\":[1,4,3,8,4,6,5,4,6,6],\"above\":[0,1,2,18]}");
