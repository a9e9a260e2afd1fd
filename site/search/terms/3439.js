lessonsSearch.terms("49","{\"49\":[1,1,2,6]}");
