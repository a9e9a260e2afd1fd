lessonsSearch.terms("me",{"means":[1,1,4,6],"meanwhile":[1,1,5,4],"measurement":[1,1,7,2],"measurements":[1,1,5,4],"measures":[1,1,2,6],"media":[1,2,5,4,7,2],"memory":[1,2,2,20,5,4]});
