lessonsSearch.terms("62","{\"62\":[1,1,7,2]}",'{"62":[31,"Computing in parallel (Swift only)","","2.62 s Now the same work on pools of 1 worker up to one per CPU this program may use, once with"]}');
