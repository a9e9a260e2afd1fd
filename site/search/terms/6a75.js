lessonsSearch.terms("ju","{\"jumps\":[1,1,7,2]}");
