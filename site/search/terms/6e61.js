lessonsSearch.terms("na","{\"name\":[0,1,3,54],\"naming\":[0,2,1,22,2,1]}");
