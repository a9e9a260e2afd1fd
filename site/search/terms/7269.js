lessonsSearch.terms("ri","{\"right\":[1,1,7,2],\"rises\":[1,1,7,8]}");
