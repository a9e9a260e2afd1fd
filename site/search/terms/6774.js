lessonsSearch.terms("gt","{\"gtn\":[0,2,1,22,3,36,1,1,1,16]}");
