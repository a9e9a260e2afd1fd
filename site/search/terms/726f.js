lessonsSearch.terms("ro","{\"room\":[1,1,5,4]}");
