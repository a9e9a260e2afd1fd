lessonsSearch.terms("up","{\"up\":[1,4,16,2,6,4,6,5,8,7,6]}",["up",['23,"Sizing your Pool","","Start from 1 and go up to 5, the number of servers in our list. Solution The cell below does this,"']]);
