lessonsSearch.terms("kn","{\"knowing\":[1,1,8,5,4]}",["knowing",['23,"Sizing your Pool","","learn by profiling it or from knowing what it does. fetchVersion does almost no computation: it"']]);
