lessonsSearch.terms("e8","{\"e88bc4\":[1,2,5,4,7,2]}");
