lessonsSearch.terms("ah","{\"ahead\":[0,1,52,4,26]}",["ahead",['18,"What the REPL is not","","Comment: Why compile? Swift is compiled; a REPL exists but a page built ahead of time needs no"']]);
