lessonsSearch.terms("pe","{\"per\":[1,2,5,4,7,2],\"perfect\":[1,1,7,2]}");
