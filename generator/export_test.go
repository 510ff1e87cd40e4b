package generator

// TypeCheck exposes the type check to the external tests, which run it on
// whole outputs: Generate checks only the skeleton and the first entries
// of each table, and the tests are what show that the rest follows.
var TypeCheck = typeCheck
