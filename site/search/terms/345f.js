lessonsSearch.terms("4_","{\"4_000_000\":[1,1,7,2]}");
