lessonsSearch.terms("56","{\"56b4e9\":[1,2,8,5,4,7,2]}",["56b4e9",['23,"Sizing your Pool","","(prefers-color-scheme: dark) { #cell-8-chart-1 { --lc-color-0: #56B4E9; --lc-color-1: #F0A04B;"']]);
