lessonsSearch.terms("de","{\"decimals\":[1,4,4,10,5,4,6,26,7,8],\"declared\":[0,1,2,18],\"decodable\":[1,1,4,6],\"depends\":[1,1,5,4]}");
