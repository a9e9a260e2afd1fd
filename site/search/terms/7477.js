lessonsSearch.terms("tw","{\"two\":[1,2,24,2,12,7,2]}",["two",['11,"Threads vs Processes","","and starting one is cheap. A process is a running program with memory of its own: two processes"']]);
