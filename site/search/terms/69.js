lessonsSearch.terms("i","{\"i\":[1,1,5,4]}");
