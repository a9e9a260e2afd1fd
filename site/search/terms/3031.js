lessonsSearch.terms("01","{\"01\":[1,2,16,5,8,7,2]}",["01",['23,"Sizing your Pool","","s pool of 3: 2.46 s pool of 4: 2.31 s pool of 5: 2.01 s Pool size vs runtime time (s) falls from"']]);
