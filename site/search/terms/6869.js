lessonsSearch.terms("hi","{\"hides\":[1,1,8,5,4]}",["hides",['23,"Sizing your Pool","","one gives up: one slow server hides the gains made on the others. var poolSizes: [Int] = [] var"']]);
