lessonsSearch.terms("ax","{\"axis\":[1,2,8,5,4,7,2]}",["axis",['23,"Sizing your Pool","","15px; font-weight: 600; } #cell-8-chart-1 .lc-label { font-size: 13px; } #cell-8-chart-1 .lc-axis {"']]);
