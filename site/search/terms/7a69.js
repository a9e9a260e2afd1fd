lessonsSearch.terms("zi","{\"zip\":[1,2,4,6,6,6]}");
