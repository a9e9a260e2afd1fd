lessonsSearch.terms("ro","{\"room\":[1,1,8,5,4]}",["room",['23,"Sizing your Pool","","per core, or one fewer, to leave room for the program that drives the pool and for whatever else the"']]);
