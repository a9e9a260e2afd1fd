lessonsSearch.terms("pi","{\"pipes\":[1,1,7,2]}");
