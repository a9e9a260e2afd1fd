lessonsSearch.terms("zi","{\"zip\":[1,2,12,4,6,6,6]}",["zip",['19,"When to parallelise","","pool.map(servers, fetchVersion) } data = zip(servers, versions).map { ($0, $1) } let processPoolTime"']]);
