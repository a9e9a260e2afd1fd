lessonsSearch.terms("26","{\"26\":[1,2,20,4,10,5,8]}",["26",['19,"When to parallelise","","https://usegalaxy.be 4.26 s https://usegalaxy.org 25.0 https://usegalaxy.org.au 24.2"']]);
