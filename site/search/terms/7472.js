lessonsSearch.terms("tr",{"travel":[1,1,2,6],"trial":[1,1,7,2],"true":[1,1,7,2],"try":[1,6,2,12,3,16,4,32,5,8,6,32,7,20]});
