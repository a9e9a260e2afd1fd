lessonsSearch.terms("bi","{\"bigger\":[1,1,7,2]}");
