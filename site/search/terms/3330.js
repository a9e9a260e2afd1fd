lessonsSearch.terms("30","{\"30\":[1,1,52,6,26]}",["30",['27,"Threads","","version) in zip(servers, threadVersions) { print(server, version ?? \\"nil\\") } ThreadPool: 2.30 s"']]);
