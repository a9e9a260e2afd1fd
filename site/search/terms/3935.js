lessonsSearch.terms("95","{\"95\":[1,2,8,5,4,7,2]}",["95",['21,"Sizing your Pool","","Pool size vs runtime ProcessPool 2 2.5 3 3.5 4 4.5 1 2 3 4 5 Pool Size time (s) ran · 13.95 s"']]);
