lessonsSearch.terms("ob","{\"obvious\":[1,1,4,6]}");
