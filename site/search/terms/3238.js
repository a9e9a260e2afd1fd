lessonsSearch.terms("28","{\"283146\":[1,1,7,2]}");
