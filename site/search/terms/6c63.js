lessonsSearch.terms("lc","{\"lc\":[1,2,284,5,142,7,102]}",["lc",['23,"Sizing your Pool","","4.26 at Pool Size 1 to 2.01 at Pool Size 5. #cell-8-chart-1 { --lc-color-0: #0072B2; --lc-color-1:"']]);
