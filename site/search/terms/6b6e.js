lessonsSearch.terms("kn","{\"knowing\":[1,1,5,4]}");
