lessonsSearch.terms("mu","{\"much\":[1,1,5,8],\"multiprocessing\":[1,3,0,1,1,16,2,20],\"must\":[1,2,3,8,7,6]}");
