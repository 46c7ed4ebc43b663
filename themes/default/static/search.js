// search client placeholder
