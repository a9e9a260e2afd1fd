lessonsSearch.terms("30","{\"30\":[1,1,6,26]}");
