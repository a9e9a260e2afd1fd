lessonsSearch.terms("31","{\"31\":[1,3,40,4,10,5,4,6,20]}",["31",['27,"Threads","","version) in zip(servers, threadVersions) { print(server, version ?? \\"nil\\") } ThreadPool: 2.31 s"']]);
