lessonsSearch.terms("ui","{\"ui\":[1,2,8,5,4,7,2]}",["ui",['23,"Sizing your Pool","","color: inherit; font-family: system-ui, sans-serif; max-width: 100%; height: auto; } @media"']]);
