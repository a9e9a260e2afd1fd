lessonsSearch.terms("b0","{\"b0417f\":[1,2,5,4,7,2]}");
