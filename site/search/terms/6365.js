lessonsSearch.terms("ce","{\"cell\":[0,2,2,36,3,18,1,2,5,66,7,44],\"central\":[1,1,5,4]}");
