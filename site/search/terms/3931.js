lessonsSearch.terms("91","{\"91\":[1,1,8,5,4]}",["91",['23,"Sizing your Pool","","chart.add(\\"ProcessPool\\", x: poolSizes, y: durations) chart.show() pool of 1: 4.26 s pool of 2: 2.91"']]);
