lessonsSearch.terms("n","{\"n\":[1,1,7,16]}");
