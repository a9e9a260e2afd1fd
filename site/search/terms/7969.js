lessonsSearch.terms("yi","{\"yields\":[1,1,12,6,6]}",["yields",['27,"Threads","","Each element it yields is a Result, so one failed request can be reported without losing the others:"']]);
