lessonsSearch.terms("5a","{\"5a4fcf\":[1,2,5,4,7,2]}",'{"5a4fcf":[23,"Sizing your Pool","","#D55E00; --lc-color-2: #007A5A; --lc-color-3: #B0417F; --lc-color-4: #8A6D00; --lc-color-5: #5A4FCF;"]}');
