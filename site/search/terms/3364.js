lessonsSearch.terms("3d","{\"3dd6a3\":[1,2,5,4,7,2]}");
