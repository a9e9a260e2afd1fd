lessonsSearch.terms("ex","{\"example\":[0,1,1,22,1,1,3,8],\"examples\":[1,2,2,6,4,6],\"execution\":[1,1,2,6],\"exists\":[0,1,4,26],\"expensive\":[1,1,2,6],\"extra\":[1,1,5,4]}");
