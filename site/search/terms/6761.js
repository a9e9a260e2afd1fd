lessonsSearch.terms("ga","{\"gain\":[1,1,5,4],\"gains\":[1,2,1,16,5,8],\"galaxy\":[1,2,1,16,4,10],\"galaxyversion\":[1,1,4,16]}");
