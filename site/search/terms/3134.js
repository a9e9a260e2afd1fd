lessonsSearch.terms("14","{\"14\":[1,1,8,5,4]}",["14",['21,"Sizing your Pool","","Pool size vs runtime ProcessPool 2 2.5 3 3.5 4 4.5 1 2 3 4 5 Pool Size time (s) ran · 14 s"']]);
