lessonsSearch.terms("ke","{\"keep\":[1,2,2,6,7,8],\"keeps\":[1,2,5,4,6,6]}");
