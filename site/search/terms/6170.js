lessonsSearch.terms("ap","{\"api\":[1,1,4,16],\"appear\":[1,2,3,8,6,6],\"append\":[1,4,4,10,5,8,6,6,7,8],\"appended\":[1,1,4,6],\"applies\":[1,1,2,6],\"applyasync\":[1,1,6,6]}");
