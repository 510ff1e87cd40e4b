package generator

import (
	"go/ast"
	"go/parser"
	"go/token"
)

// TypeCheck type-checks whole generated files as one package, for the
// external tests: Generate checks only the skeletons and the first entries
// of each declaration, and the tests are what show that the rest follows.
func TypeCheck(pkg string, files []File) error {
	fset := token.NewFileSet()
	var trees []*ast.File
	for _, f := range files {
		tree, err := parser.ParseFile(fset, f.Name, f.Content, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		trees = append(trees, tree)
	}
	return checkTrees(pkg, fset, trees)
}
