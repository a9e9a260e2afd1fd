lessonsSearch.terms("86","{\"86\":[1,1,7,2]}");
