lessonsSearch.terms("sp","{\"speed\":[1,1,4,6],\"speedup\":[1,1,7,38],\"spends\":[1,1,5,4],\"split\":[1,1,7,6],\"spread\":[1,2,3,8,4,6],\"spreads\":[1,1,1,16]}");
