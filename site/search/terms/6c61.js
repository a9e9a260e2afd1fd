lessonsSearch.terms("la","{\"label\":[1,2,5,4,7,2],\"large\":[1,1,4,6],\"larger\":[1,1,5,4],\"last\":[1,3,3,8,4,6,5,4],\"later\":[1,1,3,8]}");
