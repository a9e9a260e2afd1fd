lessonsSearch.terms("hi","{\"hides\":[1,1,5,4]}");
