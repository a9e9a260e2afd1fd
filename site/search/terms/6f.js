lessonsSearch.terms("o","{\"o\":[1,1,5,4]}");
