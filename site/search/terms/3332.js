lessonsSearch.terms("32","{\"32\":[1,2,12,4,6,6,6]}",["32",['19,"When to parallelise","","print(server, version ?? \\"nil\\") } 2.32 s https://usegalaxy.org 25.0 https://usegalaxy.org.au 24.2"']]);
