lessonsSearch.terms("gr","{\"greet\":[0,1,3,36],\"greeting\":[0,1,2,74],\"greets\":[0,1,3,18],\"grid\":[1,2,5,4,7,2],\"group\":[1,1,3,8],\"grows\":[1,2,5,4,7,2]}");
