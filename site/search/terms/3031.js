lessonsSearch.terms("01","{\"01\":[1,1,5,8]}");
