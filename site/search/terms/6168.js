lessonsSearch.terms("ah","{\"ahead\":[0,1,4,26]}");
