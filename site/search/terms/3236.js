lessonsSearch.terms("26","{\"26\":[1,1,16,5,8]}",["26",['23,"Sizing your Pool","","chart.add(\\"ProcessPool\\", x: poolSizes, y: durations) chart.show() pool of 1: 4.26 s pool of 2: 2.91"']]);
