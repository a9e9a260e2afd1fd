lessonsSearch.terms("ba","{\"back\":[1,4,2,6,3,8,6,6,7,2],\"bar\":[1,2,5,4,7,2],\"batch\":[1,1,6,6]}");
