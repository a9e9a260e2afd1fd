lessonsSearch.terms("75","{\"75\":[1,1,7,6]}");
