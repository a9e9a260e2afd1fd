lessonsSearch.terms("af","{\"after\":[0,1,2,18,1,4,3,8,4,6,6,38,7,6]}");
