lessonsSearch.terms("vs","{\"vs\":[1,3,1,16,2,1,5,12]}");
