lessonsSearch.terms("up","{\"up\":[1,4,2,6,4,6,5,8,7,6]}");
