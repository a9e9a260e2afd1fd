lessonsSearch.terms("en","{\"end\":[1,3,32,1,16,3,8,7,2]}",["end",['7,"","","site was built; the box at the end of the page says on which machine, and whether the Galaxy servers"']]);
