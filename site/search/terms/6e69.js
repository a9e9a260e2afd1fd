lessonsSearch.terms("ni","{\"nil\":[1,2,4,42,6,26]}");
