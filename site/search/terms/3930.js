lessonsSearch.terms("90","{\"90\":[1,1,12,6,6]}",["90",['27,"Threads","","https://usegalaxy.org after 0.60 s: https://usegalaxy.fr after 0.90 s: https://usegalaxy.org.au"']]);
