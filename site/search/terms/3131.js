lessonsSearch.terms("11","{\"11\":[1,1,16,3,8]}",["11",['15,"Pools & Parallelism","","3, 4, 5, 6, 7, 8, 9, 10, 11] ran · 3.01 s clockTime() prints the time of day to the millisecond. A"']]);
