lessonsSearch.terms("ty","{\"typical\":[1,1,4,6]}");
