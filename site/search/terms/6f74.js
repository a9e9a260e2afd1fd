lessonsSearch.terms("ot","{\"other\":[0,1,1,22,1,3,4,10,5,4,7,14],\"others\":[1,2,5,4,6,6]}");
