lessonsSearch.terms("ov","{\"over\":[1,5,1,16,2,6,3,8,4,6,7,8]}");
