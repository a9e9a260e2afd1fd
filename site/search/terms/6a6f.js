lessonsSearch.terms("jo","{\"job\":[1,1,12,6,6]}",["job",['27,"Threads","","more than the job needs: threads do it as well, and they start faster. ThreadPool has the same"']]);
