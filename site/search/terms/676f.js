lessonsSearch.terms("go","{\"go\":[1,1,5,4],\"goes\":[0,1,3,18],\"good\":[1,1,4,6]}");
