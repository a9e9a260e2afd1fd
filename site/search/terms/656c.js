lessonsSearch.terms("el","{\"element\":[1,2,3,8,6,6],\"else\":[1,3,4,6,5,4,7,2]}");
