lessonsSearch.terms("i","{\"i\":[1,1,8,5,4]}",["i",['23,"Sizing your Pool","","Input/Output (I/O)-bound work the pool can be much larger than the number of cores, since nearly all"']]);
