lessonsSearch.terms("91","{\"91\":[1,1,5,4]}");
