lessonsSearch.terms("un","{\"under\":[0,1,2,18,1,1,5,4],\"unit\":[1,1,5,4],\"units\":[1,1,7,2],\"unless\":[1,1,2,6],\"unlike\":[1,1,4,6],\"until\":[1,1,3,8]}");
