lessonsSearch.terms("8a","{\"8a6d00\":[1,2,5,4,7,2]}");
