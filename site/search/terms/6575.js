lessonsSearch.terms("eu","{\"eu\":[1,2,4,22,6,20]}");
