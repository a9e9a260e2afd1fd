lessonsSearch.terms("id","{\"ideal\":[1,1,7,14],\"idle\":[1,1,7,2]}");
