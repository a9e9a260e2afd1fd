lessonsSearch.terms("a9","{\"a99bff\":[1,2,8,5,4,7,2]}",["a99bff",['23,"Sizing your Pool","","--lc-color-2: #3DD6A3; --lc-color-3: #E88BC4; --lc-color-4: #F0E442; --lc-color-5: #A99BFF; } }"']]);
