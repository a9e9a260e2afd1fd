lessonsSearch.terms("wr","{\"write\":[0,2,2,18,3,18],\"writes\":[1,1,3,16],\"written\":[1,1,2,6],\"wrong\":[1,1,7,6]}");
