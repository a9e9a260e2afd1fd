lessonsSearch.terms("45","{\"45\":[1,1,12,6,6]}",["45",['27,"Threads","","data { print(server, version ?? \\"nil\\") } after 0.30 s: https://usegalaxy.eu after 0.45 s:"']]);
