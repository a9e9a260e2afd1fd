lessonsSearch.terms("yo",{"you":[0,1,2,18,1,5,3,16,4,10,5,8,6,6,7,2],"your":[1,2,1,16,5,1],"yourself":[0,1,3,18]});
