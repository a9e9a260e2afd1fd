lessonsSearch.terms("3",{"3":[1,4,3,16,5,34,6,12,7,24]});
