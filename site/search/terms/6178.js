lessonsSearch.terms("ax","{\"axis\":[1,2,5,4,7,2]}");
