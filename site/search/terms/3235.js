lessonsSearch.terms("25",{"25":[1,4,2,6,4,22,6,26,7,2]});
