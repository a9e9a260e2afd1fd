lessonsSearch.terms("ar","{\"are\":[1,6,2,12,3,24,4,6,5,8,6,12,7,6],\"argument\":[1,1,2,6],\"arrives\":[1,1,2,6]}");
