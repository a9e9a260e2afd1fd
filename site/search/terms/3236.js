lessonsSearch.terms("26","{\"26\":[1,2,4,10,5,8]}");
