lessonsSearch.terms("d5","{\"d55e00\":[1,2,5,4,7,2]}");
