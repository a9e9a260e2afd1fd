lessonsSearch.terms("11","{\"11\":[1,1,3,8]}");
