//go:build ignore

// Copy writes the files of package gfm from the goldmark module that go.mod
// requires, changing only the package clause: go generate runs it after an
// upgrade of goldmark, and TestMatchesUpstream runs it into a temporary
// directory to check that the copies are current.
//
// Usage:
//
//	go run copy.go [-o dir]
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// files are the files copied, by their path in the goldmark module.
var files = []string{"extension/table.go", "extension/strikethrough.go", "extension/footnote.go", "LICENSE"}

func main() {
	out := flag.String("o", ".", "the directory to write the files to")
	flag.Parse()
	if err := copyFiles(*out); err != nil {
		fmt.Fprintln(os.Stderr, "copy:", err)
		os.Exit(1)
	}
}

func copyFiles(out string) error {
	dir, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/yuin/goldmark").Output()
	if err != nil {
		return fmt.Errorf("go list -m github.com/yuin/goldmark: %v", err)
	}
	for _, file := range files {
		data, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(dir)), file))
		if err != nil {
			return err
		}
		if strings.HasSuffix(file, ".go") {
			data = bytes.Replace(data, []byte("package extension\n"), []byte("package gfm\n"), 1)
		}
		if err := os.WriteFile(filepath.Join(out, filepath.Base(file)), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
