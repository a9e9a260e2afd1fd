lessonsSearch.terms("f0",{"f0a04b":[1,2,5,4,7,2],"f0e442":[1,2,5,4,7,2]});
