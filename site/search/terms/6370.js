lessonsSearch.terms("cp","{\"cpu\":[1,2,5,4,7,2],\"cpus\":[1,1,7,16]}");
