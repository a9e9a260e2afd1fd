lessonsSearch.terms("gi","{\"gil\":[1,2,2,12,7,6],\"give\":[1,3,2,6,5,4,7,2],\"gives\":[1,1,5,4]}");
