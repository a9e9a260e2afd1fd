lessonsSearch.terms("bo",{"body":[1,1,7,6],"both":[1,3,2,12,6,6,7,2],"bound":[1,2,5,4,7,2],"box":[1,2,1,16,7,2]});
