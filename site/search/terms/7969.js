lessonsSearch.terms("yi","{\"yields\":[1,1,6,6]}");
