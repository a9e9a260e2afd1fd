lessonsSearch.terms("g","{\"g\":[1,1,3,24]}");
