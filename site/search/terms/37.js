lessonsSearch.terms("7","{\"7\":[1,2,3,8,7,2]}");
