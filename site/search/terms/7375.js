lessonsSearch.terms("su","{\"submit\":[1,1,6,6],\"submits\":[1,1,6,6],\"success\":[1,1,6,6],\"such\":[1,1,5,4],\"sum\":[1,1,4,6]}");
