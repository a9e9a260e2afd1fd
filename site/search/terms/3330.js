lessonsSearch.terms("30","{\"30\":[1,1,40,6,20]}",["30",['27,"Threads","","version) in zip(servers, threadVersions) { print(server, version ?? \\"nil\\") } ThreadPool: 2.30 s"']]);
