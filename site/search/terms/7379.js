lessonsSearch.terms("sy","{\"system\":[1,2,5,4,7,2]}");
