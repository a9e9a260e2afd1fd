lessonsSearch.terms("56","{\"56b4e9\":[1,2,5,4,7,2]}");
