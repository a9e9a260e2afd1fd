lessonsSearch.terms("sc","{\"scheme\":[1,2,5,4,7,2],\"scribble\":[1,1,2,6],\"scripts\":[0,1,3,18]}");
