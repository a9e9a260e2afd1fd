lessonsSearch.terms("pl","{\"plain\":[0,1,3,18,1,1,6,6]}");
