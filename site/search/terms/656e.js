lessonsSearch.terms("en","{\"end\":[1,3,1,16,3,8,7,2]}");
