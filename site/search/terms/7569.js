lessonsSearch.terms("ui","{\"ui\":[1,2,5,4,7,2]}");
