lessonsSearch.terms("31","{\"31\":[1,3,88,4,10,5,4,6,44]}",["31",['27,"Threads","","version) in zip(servers, threadVersions) { print(server, version ?? \\"nil\\") } ThreadPool: 2.31 s"']]);
