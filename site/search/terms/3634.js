lessonsSearch.terms("64","{\"64\":[1,1,2,6]}");
