lessonsSearch.terms("gu","{\"guard\":[1,1,12,4,6]}",["guard",['19,"When to parallelise","","no version; any other failure stops the program. guard case HTTPError.timeout = error else { throw"']]);
