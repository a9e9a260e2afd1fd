lessonsSearch.terms("fi",{"figure":[0,1,3,18],"fill":[1,2,5,38,7,28],"find":[1,1,7,6],"finish":[1,1,5,4],"finishes":[1,1,2,6],"first":[0,1,0,1,1,3,2,6,4,6,5,4],"five":[1,3,2,6,4,6,5,4]});
