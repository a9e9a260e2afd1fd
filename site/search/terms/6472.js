lessonsSearch.terms("dr","{\"drawn\":[1,2,5,4,7,2],\"drives\":[1,1,5,4]}");
