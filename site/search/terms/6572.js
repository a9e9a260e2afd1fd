lessonsSearch.terms("er","{\"error\":[1,2,24,4,10,6,12]}",["error",['27,"Threads","","decimals: 2)) s:\\", url) data.append((url, version)) case .failure(let error): print(\\"a request"']]);
