lessonsSearch.terms("js","{\"json\":[1,1,20,4,10]}",["json",['19,"When to parallelise","","HTTP.get(url + \\"/api/version\\", timeout: 2) let version = try response.json(as:"']]);
