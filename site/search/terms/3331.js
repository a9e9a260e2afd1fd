lessonsSearch.terms("31","{\"31\":[1,3,24,5,4,6,12,7,2]}",["31",['27,"Threads","","after 2.30 s: https://usegalaxy.be 2.31 s https://usegalaxy.eu 25.0 https://usegalaxy.org 25.0"']]);
