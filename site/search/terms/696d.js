lessonsSearch.terms("im","{\"imapunordered\":[1,1,6,12],\"import\":[1,1,2,12]}");
