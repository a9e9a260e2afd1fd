lessonsSearch.terms("ow","{\"own\":[1,1,2,12]}");
