lessonsSearch.terms("ow","{\"own\":[1,1,24,2,12]}",["own",['11,"Threads vs Processes","","and starting one is cheap. A process is a running program with memory of its own: two processes"']]);
