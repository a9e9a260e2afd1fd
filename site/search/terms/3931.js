lessonsSearch.terms("91","{\"91\":[1,2,12,5,4,6,6]}",["91",['27,"Threads","","https://usegalaxy.org after 0.60 s: https://usegalaxy.fr after 0.91 s: https://usegalaxy.org.au"']]);
