lessonsSearch.terms("37","{\"37\":[1,1,7,2]}");
