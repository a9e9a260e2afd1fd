lessonsSearch.terms("te","{\"tell\":[1,2,1,16,3,8],\"text\":[1,2,5,4,7,2]}");
