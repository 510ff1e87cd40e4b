package generator_test

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/importer"
	"go/parser"
	"go/token"
	gotypes "go/types"
	"sync"

	"github.com/gatewaygen/gatewaygen/generator"
)

// The standard packages generated code imports, loaded once for every
// check: a fuzzer checks thousands of outputs.
var (
	stdOnce     sync.Once
	stdImporter gotypes.Importer
	stdMu       sync.Mutex // importers are not safe for concurrent use
)

// checkOutput type-checks the whole of files as package pkg and checks
// that gofmt leaves each of them unchanged.
func checkOutput(pkg string, files []generator.File) error {
	fset := token.NewFileSet()
	var trees []*ast.File
	for _, f := range files {
		formatted, err := format.Source(f.Content)
		if err != nil {
			return fmt.Errorf("%s: %v", f.Name, err)
		}
		if !bytes.Equal(formatted, f.Content) {
			return fmt.Errorf("gofmt changes %s", f.Name)
		}
		tree, err := parser.ParseFile(fset, f.Name, f.Content, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		trees = append(trees, tree)
	}
	stdOnce.Do(func() { stdImporter = importer.ForCompiler(token.NewFileSet(), "source", nil) })
	stdMu.Lock()
	defer stdMu.Unlock()
	conf := gotypes.Config{Importer: stdImporter}
	_, err := conf.Check(pkg, fset, trees, nil)
	return err
}
