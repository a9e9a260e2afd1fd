lessonsSearch.terms("ki","{\"killed\":[1,1,2,6],\"kills\":[1,1,7,2]}");
