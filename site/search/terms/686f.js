lessonsSearch.terms("ho","{\"hold\":[1,2,2,6,6,6],\"how\":[1,4,1,32,3,16,4,6,5,8],\"however\":[1,1,2,6]}");
