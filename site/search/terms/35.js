lessonsSearch.terms("5","{\"5\":[1,4,2,20,3,8,5,54,7,20]}",'{"5":[23,"Sizing your Pool","","Start from 1 and go up to 5, the number of servers in our list. Solution The cell below does this,"]}');
