lessonsSearch.terms("d5","{\"d55e00\":[1,2,5,4,7,2]}",'{"d55e00":[23,"Sizing your Pool","","#D55E00; --lc-color-2: #007A5A; --lc-color-3: #B0417F; --lc-color-4: #8A6D00; --lc-color-5: #5A4FCF;"]}');
