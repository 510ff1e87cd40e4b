// Command scale runs the lookup benchmarks of package bench on a package
// generated from a synthetic spec, by default of 10,000 events and 1,000
// opcodes. Such a package is too large to commit, so it is generated into a
// temporary module, with bench/lookup_test.go beside it, and benchmarked
// there with go test; the output is go test's.
//
// Usage:
//
//	go run ./bench/scale [-events 10000] [-count 10] [-benchtime 1s]
package main

import (
	"bytes"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"

	"github.com/gatewaygen/gatewaygen/generator"
	"github.com/gatewaygen/gatewaygen/internal/synth"
	"github.com/gatewaygen/gatewaygen/model"
	"github.com/gatewaygen/gatewaygen/parser"
)

func main() {
	events := flag.Int("events", 10_000, "the number of events of the synthetic spec; it has a tenth as many opcodes")
	count := flag.Int("count", 10, "how many times to run the benchmarks")
	benchtime := flag.String("benchtime", "1s", "go test's -benchtime")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("scale: ")

	_, self, _, ok := runtime.Caller(0)
	if !ok {
		log.Fatal("cannot find the source of package bench")
	}
	lookup, err := os.ReadFile(filepath.Join(filepath.Dir(self), "..", "lookup_test.go"))
	if err != nil {
		log.Fatal(err)
	}

	dir, err := os.MkdirTemp("", "gatewaygen-scale-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	module := "example.com/events" + strconv.Itoa(*events)
	write := func(name string, content []byte) {
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			log.Fatal(err)
		}
		if err := os.WriteFile(name, content, 0o644); err != nil {
			log.Fatal(err)
		}
	}
	write(filepath.Join(dir, "go.mod"), []byte("module "+module+"\n\ngo 1.24\n"))
	for _, f := range generate(*events) {
		write(filepath.Join(dir, "gateway", f.Name), f.Content)
	}
	lookup = bytes.Replace(lookup, []byte(`"github.com/gatewaygen/gatewaygen/generated/gateway"`), []byte(`"`+module+`/gateway"`), 1)
	write(filepath.Join(dir, "bench", "lookup_test.go"), lookup)

	// The test binary runs count times with -count 1, so that each run of
	// the baseline is next to the run it is compared with (see the bench
	// target of the Makefile).
	test := filepath.Join(dir, "bench.test")
	run(dir, "go", "test", "-c", "-o", test, "./bench")
	for range *count {
		run(filepath.Join(dir, "bench"), test, "-test.run", "^$", "-test.bench", ".", "-test.benchmem", "-test.benchtime", *benchtime)
	}
}

// run runs a command in dir, with its output going to this one's.
func run(dir, name string, args ...string) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		log.Fatalf("%s: %v", filepath.Base(name), err)
	}
}

// generate returns the package generated from a synthetic spec.
func generate(events int) []generator.File {
	name := fmt.Sprintf("synthetic-%d.md", events)
	doc, err := parser.Parse(name, synth.Markdown(events, events/10))
	if err != nil {
		log.Fatal(err)
	}
	spec, err := model.Build([]*model.Document{doc}, nil)
	if err != nil {
		log.Fatal(err)
	}
	files, err := generator.Generate(spec, generator.Config{})
	if err != nil {
		log.Fatal(err)
	}
	return files
}
