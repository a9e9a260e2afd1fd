lessonsSearch.terms("93","{\"93\":[1,1,5,4]}");
