lessonsSearch.terms("f","{\"f\":[1,1,52,2,26]}",["f",['11,"Threads vs Processes","","its argument alone and changes nothing outside itself. Printing is allowed. func f(_ x: Int) -> Int"']]);
