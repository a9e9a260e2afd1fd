lessonsSearch.terms("ag","{\"again\":[0,1,3,18],\"agenda\":[0,1,1,22,1,1,1,16]}");
