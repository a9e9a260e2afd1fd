lessonsSearch.terms("he",{"heavy":[1,2,4,6,5,4],"height":[1,2,5,4,7,2],"held":[1,1,7,2],"hello":[0,2,2,36,3,36],"help":[1,1,2,6],"helpers":[1,1,2,6],"here":[1,3,4,6,5,4,7,2]});
