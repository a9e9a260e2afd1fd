lessonsSearch.terms("if","{\"if\":[0,1,2,18,1,1,7,8]}");
