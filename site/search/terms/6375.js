lessonsSearch.terms("cu","{\"currentcolor\":[1,2,5,12,7,8],\"customer\":[1,1,3,8]}");
