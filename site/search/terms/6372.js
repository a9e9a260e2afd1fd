lessonsSearch.terms("cr","{\"crashes\":[1,2,2,6,7,2]}");
