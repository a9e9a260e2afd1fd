lessonsSearch.terms("30","{\"30\":[1,1,40,6,20]}",["30",['27,"Threads","","data { print(server, version ?? \\"nil\\") } after 0.30 s: https://usegalaxy.eu after 0.45 s:"']]);
