lessonsSearch.terms("3","{\"3\":[1,4,68,2,6,3,16,5,34,7,24]}",["3",['23,"Sizing your Pool","","s pool of 3: 2.51 s pool of 4: 2.31 s pool of 5: 2.01 s Pool size vs runtime time (s) falls from"']]);
