lessonsSearch.terms("ef","{\"effect\":[1,1,8,5,4]}",["effect",['23,"Sizing your Pool","","pool gets when you give none. Question Change the pool size and look at the effect on the run time."']]);
