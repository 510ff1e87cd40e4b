package bench

import (
	"bytes"
	"flag"
	"os"
	"path"
	"path/filepath"
	"testing"

	"github.com/gatewaygen/gatewaygen/generator"
	"github.com/gatewaygen/gatewaygen/model"
	"github.com/gatewaygen/gatewaygen/parser"
	"github.com/gatewaygen/gatewaygen/specs"
)

var update = flag.Bool("update", false, "regenerate bench/strgateway")

// strgatewayConfig is the config of bench/strgateway: the default specs'
// events as strings and their intents, as a library would have them (the
// issue's example config).
var strgatewayConfig = generator.Config{
	Package: "strgateway",
	Tables: map[string]generator.TableConfig{
		"events":  {Type: "EventType", Prefix: "EventType", Representation: generator.RepresentationString},
		"intents": {Type: "Intents", Prefix: "Intent", Underlying: "int64", List: "AllIntents"},
	},
	Only: []string{"events", "intents"},
}

// TestStrgatewayFresh checks that bench/strgateway, the package the
// benchmarks of events as strings use, is what the generator makes of the
// default specs; "go test ./bench -run TestStrgatewayFresh -update"
// regenerates it.
func TestStrgatewayFresh(t *testing.T) {
	var docs []*model.Document
	for _, name := range specs.Default {
		src, err := specs.FS.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := parser.Parse(path.Join(specs.Dir, name), src)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, doc)
	}
	spec, err := model.Build(docs, nil)
	if err != nil {
		t.Fatal(err)
	}
	files, err := generator.Generate(spec, strgatewayConfig)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		name := filepath.Join("strgateway", f.Name)
		if *update {
			if err := os.WriteFile(name, f.Content, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if got, err := os.ReadFile(name); err != nil || !bytes.Equal(got, f.Content) {
			t.Errorf("%s is not what the generator makes of the default specs (%v): run go test ./bench -run TestStrgatewayFresh -update", name, err)
		}
	}
}
