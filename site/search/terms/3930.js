lessonsSearch.terms("90","{\"90\":[1,1,6,6]}");
