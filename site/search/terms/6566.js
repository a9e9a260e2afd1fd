lessonsSearch.terms("ef","{\"effect\":[1,1,5,4]}");
