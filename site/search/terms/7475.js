lessonsSearch.terms("tu","{\"turns\":[1,1,5,4],\"tutorial\":[0,1,1,22,1,1,1,46]}");
