lessonsSearch.terms("73","{\"73\":[1,1,12,2,6]}",["73",['11,"Threads vs Processes","","36, 49, 64, 81] ran · 3.73 ms The five workers take tasks from a shared queue as fast as they can:"']]);
