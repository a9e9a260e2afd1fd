lessonsSearch.terms("51","{\"51\":[1,1,8,5,4]}",["51",['23,"Sizing your Pool","","s pool of 3: 2.51 s pool of 4: 2.31 s pool of 5: 2.01 s Pool size vs runtime time (s) falls from"']]);
