lessonsSearch.terms("br","{\"break\":[1,1,7,2]}");
