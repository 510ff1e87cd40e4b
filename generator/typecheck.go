package generator

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"sync"
)

// checkTrees type-checks the parsed files of package pkg.
//
// The generated code imports only a couple of standard packages, and loading
// those from source or export data costs far more than generating the code
// (tens of milliseconds to seconds). So they are stood in for by stubs that
// declare exactly the functions the generator calls, with the standard
// signatures; an emitter that calls anything else fails this check, and
// the tests, until the stub is extended.
func checkTrees(pkg string, fset *token.FileSet, trees []*ast.File) error {
	conf := types.Config{Importer: stubImporter{}}
	_, err := conf.Check(pkg, fset, trees, nil)
	return err
}

// stubSources are the standard-library declarations generated code may use.
var stubSources = map[string]string{
	"errors":  "package errors\n\nfunc New(text string) error { return nil }\n",
	"strconv": "package strconv\n\nfunc Itoa(i int) string { return \"\" }\n",
}

var (
	stubsOnce sync.Once
	stubs     map[string]*types.Package
	stubsErr  error
)

type stubImporter struct{}

func (stubImporter) Import(path string) (*types.Package, error) {
	stubsOnce.Do(func() {
		stubs = make(map[string]*types.Package)
		for path, src := range stubSources {
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, path+".go", src, 0)
			if err != nil {
				stubsErr = err
				return
			}
			pkg, err := (&types.Config{}).Check(path, fset, []*ast.File{f}, nil)
			if err != nil {
				stubsErr = err
				return
			}
			stubs[path] = pkg
		}
	})
	if stubsErr != nil {
		return nil, stubsErr
	}
	if pkg, ok := stubs[path]; ok {
		return pkg, nil
	}
	return nil, fmt.Errorf("generated code imports %q, which the type check has no stub for", path)
}
