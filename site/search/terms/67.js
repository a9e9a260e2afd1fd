lessonsSearch.terms("g","{\"g\":[1,1,48,3,24]}",["g",['15,"Pools & Parallelism","","task prints the clock and then sleeps for one second. There are 12 tasks and 4 workers. func g(_ x:"']]);
