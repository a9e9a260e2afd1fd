lessonsSearch.terms("py","{\"python\":[1,5,1,16,2,20,3,8,6,6,7,10]}");
