lessonsSearch.terms("5",{"5":[1,4,2,20,3,8,5,54,7,20]});
