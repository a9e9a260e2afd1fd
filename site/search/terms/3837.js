lessonsSearch.terms("87","{\"87\":[1,1,7,2]}");
