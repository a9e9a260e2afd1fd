lessonsSearch.terms("16","{\"16\":[1,1,2,6]}");
