lessonsSearch.terms("mo",{"modelled":[1,1,2,6],"moment":[1,2,3,8,5,4],"more":[1,4,2,6,3,8,5,4,6,6],"most":[1,3,3,8,4,6,5,4],"mostly":[1,1,7,2],"move":[1,2,4,6,5,4]});
