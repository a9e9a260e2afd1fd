lessonsSearch.terms("ty","{\"typical\":[1,1,12,4,6]}",["typical",['19,"When to parallelise","","Typical examples are slow requests to several web servers, and heavy computations. The last point"']]);
