lessonsSearch.terms("36","{\"36\":[1,1,2,6]}");
