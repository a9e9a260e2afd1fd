lessonsSearch.terms("mi","{\"middle\":[1,1,3,8],\"millisecond\":[1,1,3,8]}");
