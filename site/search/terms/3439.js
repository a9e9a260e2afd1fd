lessonsSearch.terms("49","{\"49\":[1,1,12,2,6]}",["49",['11,"Threads vs Processes","","36, 49, 64, 81] ran · 3.28 ms The five workers take tasks from a shared queue as fast as they can:"']]);
