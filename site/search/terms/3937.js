lessonsSearch.terms("97","{\"97\":[1,1,2,6]}");
