lessonsSearch.terms("12",{"12":[1,1,3,16],"12px":[1,2,5,4,7,2]});
