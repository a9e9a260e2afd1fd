lessonsSearch.terms("du","{\"durations\":[1,1,5,12]}");
