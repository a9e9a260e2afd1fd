lessonsSearch.terms("gu","{\"guard\":[1,1,4,6]}");
