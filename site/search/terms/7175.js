lessonsSearch.terms("qu","{\"question\":[0,1,2,18,1,4,3,8,5,4,6,6,7,2],\"queue\":[1,1,2,6],\"quick\":[1,1,5,8]}");
