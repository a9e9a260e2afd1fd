lessonsSearch.terms("6","{\"6\":[1,1,3,8]}");
