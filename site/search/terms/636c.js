lessonsSearch.terms("cl","{\"claims\":[1,1,2,6],\"classic\":[1,1,3,8],\"client\":[1,1,2,6],\"climb\":[1,1,7,2],\"clock\":[1,3,2,6,3,8,7,2],\"clocktime\":[1,1,3,16],\"closure\":[1,2,2,12,7,2]}");
