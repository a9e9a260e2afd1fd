lessonsSearch.terms("8","{\"8\":[1,3,124,3,8,5,62,7,2]}",["8",['23,"Sizing your Pool","","4.26 at Pool Size 1 to 2.01 at Pool Size 5. #cell-8-chart-1 { --lc-color-0: #0072B2; --lc-color-1:"']]);
