lessonsSearch.terms("31","{\"31\":[1,3,12,4,6,5,4,6,6]}",["31",['19,"When to parallelise","","https://usegalaxy.eu 25.0 https://usegalaxy.fr 24.1 https://usegalaxy.be nil ran · 2.31 s The same"']]);
