lessonsSearch.terms("8","{\"8\":[1,2,3,8,5,62]}");
