lessonsSearch.terms("ov","{\"over\":[1,5,32,1,16,2,6,3,8,4,6,7,8]}",["over",['7,"","","a pool of worker threads or processes spreads work over the cores of a machine, and how to tell"']]);
