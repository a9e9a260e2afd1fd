lessonsSearch.terms("43","{\"43\":[1,1,3,30]}");
