lessonsSearch.terms("gl","{\"global\":[1,3,2,6,4,6,6,6]}");
