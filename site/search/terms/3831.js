lessonsSearch.terms("81","{\"81\":[1,1,2,6]}");
