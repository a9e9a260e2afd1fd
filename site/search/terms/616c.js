lessonsSearch.terms("al",{"all":[1,4,2,6,4,10,5,4,7,2],"allowed":[1,1,2,6],"almost":[1,2,3,8,5,4],"alone":[1,1,2,6],"already":[1,1,2,6],"also":[0,1,3,18,1,1,5,8],"always":[1,1,4,6]});
