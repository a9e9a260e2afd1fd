lessonsSearch.terms("tw","{\"two\":[1,2,2,12,7,2]}");
