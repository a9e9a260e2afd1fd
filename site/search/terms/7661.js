lessonsSearch.terms("va",{"value":[1,1,6,6],"values":[0,2,1,22,2,1],"var":[0,1,2,18,1,3,4,10,5,58,7,54],"variable":[0,1,2,18],"vary":[1,2,5,4,7,2]});
