lessonsSearch.terms("9","{\"9\":[1,2,2,12,3,8]}");
