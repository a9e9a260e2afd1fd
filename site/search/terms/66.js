lessonsSearch.terms("f","{\"f\":[1,1,2,26]}");
