lessonsSearch.terms("ni","{\"nil\":[1,2,84,4,42,6,26]}",["nil",['19,"When to parallelise","","within 2 seconds counts as no answer: the server\'s version is then nil. let servers = ["']]);
