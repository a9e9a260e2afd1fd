lessonsSearch.terms("ge","{\"generally\":[1,1,5,4],\"get\":[1,2,4,10,6,20],\"gets\":[1,2,4,6,5,4]}");
