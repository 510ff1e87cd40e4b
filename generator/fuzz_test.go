package generator_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gatewaygen/gatewaygen/generator"
	"github.com/gatewaygen/gatewaygen/internal/output"
	"github.com/gatewaygen/gatewaygen/model"
	"github.com/gatewaygen/gatewaygen/parser"
)

// FuzzPipeline runs the whole pipeline on arbitrary documents: any spec the
// parser and the model accept must generate code that type-checks and that
// gofmt leaves as it is, and any refusal must be a positioned user error,
// never an internal one.
func FuzzPipeline(f *testing.F) {
	for _, pattern := range []string{"../specs/*.md", "testdata/*.md", "../parser/testdata/*", "../cmd/gatewaygen/testdata/*.md"} {
		paths, _ := filepath.Glob(pattern)
		for _, p := range paths {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, err := parser.Parse("fuzz.md", src)
		if err != nil {
			return
		}
		spec, err := model.Build([]*model.Document{doc}, nil)
		if err != nil {
			return
		}
		files, err := generator.Generate(spec, generator.Config{})
		if err != nil {
			var list model.ErrorList
			if strings.Contains(err.Error(), "internal error") || !errors.As(err, &list) {
				t.Fatalf("Generate failed on a valid spec: %v", err)
			}
			return
		}
		for _, f := range files {
			if !output.IsGenerated(f.Content) {
				t.Fatalf("%s lacks the generated header", f.Name)
			}
		}
		if err := checkOutput("gateway", files); err != nil {
			t.Fatalf("the whole output does not type-check or is not gofmt-formatted: %v", err)
		}
	})
}
