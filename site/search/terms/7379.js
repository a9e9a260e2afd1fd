lessonsSearch.terms("sy","{\"system\":[1,2,8,5,4,7,2]}",["system",['23,"Sizing your Pool","","color: inherit; font-family: system-ui, sans-serif; max-width: 100%; height: auto; } @media"']]);
