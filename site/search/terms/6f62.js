lessonsSearch.terms("ob","{\"obvious\":[1,1,12,4,6]}",["obvious",['19,"When to parallelise","","part is obvious: each request waits for a distant server. To speed it up we first move that part"']]);
