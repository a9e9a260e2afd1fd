lessonsSearch.terms("vs","{\"vs\":[1,3,1,16,2,1,5,12]}",'{"vs":[10,"Threads vs Processes","","A thread is one line of execution inside a program. All the threads of a program share its memory,"]}');
