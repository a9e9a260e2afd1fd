lessonsSearch.terms("ad","{\"add\":[1,2,5,4,7,8],\"address\":[1,1,4,6],\"adds\":[1,2,2,6,5,4]}");
