lessonsSearch.terms("ms","{\"ms\":[0,2,2,18,3,18,1,3,2,20,4,6,7,2]}");
