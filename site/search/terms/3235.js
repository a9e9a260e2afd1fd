lessonsSearch.terms("25","{\"25\":[1,4,52,2,6,4,22,6,26,7,2]}",["25",['27,"Threads","","ProcessPool: 2.31 s (earlier) https://usegalaxy.org 25.0 https://usegalaxy.org.au 24.2"']]);
