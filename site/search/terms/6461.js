lessonsSearch.terms("da","{\"dark\":[1,2,5,4,7,2],\"data\":[1,2,4,36,6,20],\"day\":[1,1,3,8]}");
