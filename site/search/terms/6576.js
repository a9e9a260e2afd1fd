lessonsSearch.terms("ev",{"eval":[0,1,2,18],"even":[1,2,5,4,7,2],"evenly":[1,1,5,4],"ever":[1,1,7,2],"every":[0,2,2,18,3,18,1,3,1,16,2,6,3,16],"everything":[1,2,2,6,7,2]});
