lessonsSearch.terms("sl","{\"sleep\":[1,2,2,6,3,8],\"sleeps\":[1,1,3,8],\"slow\":[1,2,4,10,5,8],\"slower\":[1,2,6,6,7,2],\"slowest\":[1,2,4,6,5,4]}");
