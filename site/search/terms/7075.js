lessonsSearch.terms("pu","{\"pure\":[1,3,2,6,4,16,7,2],\"purpose\":[1,1,2,6]}");
