lessonsSearch.terms("po",{"point":[1,1,4,6],"pool":[1,7,1,32,2,44,3,24,4,22,5,85,6,26,7,28],"pools":[1,4,1,16,3,1,6,6,7,6],"poolsizes":[1,1,5,12],"poolsizing":[1,2,5,4,7,2]});
