package generator

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
)

// This file reads the real Go files that the generator copies, as they
// are, into its output (internal/namehash, internal/framescan): they do not
// depend on the spec, and as plain Go they are tested where they live.

// verbatimCode returns the declarations of source, a file of package pkg,
// without its package doc and clause.
func verbatimCode(source, pkg string) string {
	_, decls, ok := strings.Cut(source, "\npackage "+pkg+"\n")
	if !ok {
		panic("generator/internal/" + pkg + "/" + pkg + ".go has no package clause")
	}
	return strings.TrimLeft(decls, "\n")
}

// verbatimDecls lists the names that source, a file of package pkg,
// declares in the package's scope (its methods' are not), which a package
// that has them cannot declare again.
func verbatimDecls(source, pkg string) []string {
	f, err := parser.ParseFile(token.NewFileSet(), pkg+".go", source, parser.SkipObjectResolution)
	if err != nil {
		panic("generator/internal/" + pkg + "/" + pkg + ".go does not parse: " + err.Error())
	}
	var names []string
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil {
				names = append(names, d.Name.Name)
			}
		case *ast.GenDecl:
			for _, spec := range d.Specs {
				switch spec := spec.(type) {
				case *ast.TypeSpec:
					names = append(names, spec.Name.Name)
				case *ast.ValueSpec:
					for _, n := range spec.Names {
						names = append(names, n.Name)
					}
				}
			}
		}
	}
	return names
}
