lessonsSearch.terms("op","{\"opacity\":[1,2,8,5,4,7,2]}",["opacity",['23,"Sizing your Pool","","currentColor; stroke-opacity: 0.15; stroke-width: 1; fill: none; } #cell-8-chart-1 .lc-series-0 {"']]);
