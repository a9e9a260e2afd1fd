lessonsSearch.terms("nu","{\"number\":[1,3,2,12,5,8,7,2],\"numbers\":[1,2,5,4,7,6]}");
