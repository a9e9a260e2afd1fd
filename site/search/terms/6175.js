lessonsSearch.terms("au","{\"au\":[1,2,4,22,6,20],\"auto\":[1,2,5,4,7,2]}");
