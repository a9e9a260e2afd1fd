lessonsSearch.terms("jo","{\"job\":[1,1,6,6]}");
