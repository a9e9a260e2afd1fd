lessonsSearch.terms("ve","{\"version\":[1,2,4,74,6,38],\"version_major\":[1,1,4,16],\"versions\":[1,2,4,10,6,6]}");
