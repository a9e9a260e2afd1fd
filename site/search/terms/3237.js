lessonsSearch.terms("27","{\"27\":[1,1,20,4,10]}",["27",['19,"When to parallelise","","https://usegalaxy.be 4.27 s https://usegalaxy.org 25.0 https://usegalaxy.org.au 24.2"']]);
