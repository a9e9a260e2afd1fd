lessonsSearch.terms("fe","{\"fetching\":[1,1,6,6],\"fetchversion\":[1,3,4,16,5,8,6,20],\"few\":[1,2,2,12,7,2],\"fewer\":[1,2,5,8,7,2]}");
