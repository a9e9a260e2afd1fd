lessonsSearch.terms("01","{\"01\":[1,2,16,3,8,5,8]}",["01",['15,"Pools & Parallelism","","3, 4, 5, 6, 7, 8, 9, 10, 11] ran · 3.01 s clockTime() prints the time of day to the millisecond. A"']]);
