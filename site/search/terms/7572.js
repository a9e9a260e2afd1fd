lessonsSearch.terms("ur","{\"url\":[1,2,4,26,6,38]}");
