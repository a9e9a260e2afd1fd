lessonsSearch.terms("as","{\"as\":[1,6,2,20,3,16,4,26,5,4,6,32,7,8],\"asks\":[1,1,4,6],\"asleep\":[1,1,5,4],\"asyncresult\":[1,1,6,6]}");
