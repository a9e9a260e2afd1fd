lessonsSearch.terms("by","{\"by\":[1,4,1,16,2,6,5,8,7,10],\"bye\":[0,1,2,18]}");
