lessonsSearch.terms("ur","{\"url\":[1,2,76,4,26,6,38]}",["url",['27,"Threads","","pool.imapUnordered(servers) { url in (url, try fetchVersion(url)) } for outcome in completed {"']]);
