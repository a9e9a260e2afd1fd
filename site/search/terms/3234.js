lessonsSearch.terms("24","{\"24\":[1,2,52,4,22,6,26]}",["24",['27,"Threads","","ProcessPool: 2.31 s (earlier) https://usegalaxy.org 25.0 https://usegalaxy.org.au 24.2"']]);
