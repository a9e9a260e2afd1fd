lessonsSearch.terms("16","{\"16\":[1,1,12,2,6]}",["16",['11,"Threads vs Processes","","9 through f: try withProcessPool(5) { pool in print(try pool.map(0..\\u003c10, f)) } [0, 1, 4, 9, 16, 25,"']]);
