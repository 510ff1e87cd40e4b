package parser

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/gatewaygen/gatewaygen/model"
)

// addSeeds adds every spec and fixture of the repository to f's corpus.
func addSeeds(f *testing.F) {
	for _, pattern := range []string{"../specs/*.md", "testdata/*", "../generator/testdata/*.md", "../cmd/gatewaygen/testdata/*.md"} {
		paths, _ := filepath.Glob(pattern)
		for _, p := range paths {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b)
			}
		}
	}
	f.Add([]byte("## Gateway opcodes\n\n| Code | Name |\n|--|--|\n| 1 | A | b |\n"))
	f.Add([]byte("| a |\n|-|\n"))
}

// FuzzParse feeds Parse arbitrary bytes: it must return a document or a
// list of positioned errors, never panic, and every position must be in the
// input.
func FuzzParse(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, err := Parse("fuzz.md", src)
		lines := bytes.Count(src, []byte("\n")) + 1
		checkPos := func(pos model.Source) {
			if pos.File != "fuzz.md" || pos.Line < 0 || pos.Line > lines {
				t.Fatalf("position %v outside the %d-line input", pos, lines)
			}
		}
		if err != nil {
			var list model.ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("error %v is not a non-empty model.ErrorList", err)
			}
			for _, e := range list {
				checkPos(e.Pos)
			}
			if doc != nil {
				t.Fatal("both a document and an error")
			}
			return
		}
		if len(doc.Opcodes)+len(doc.Events) == 0 {
			t.Fatal("a document with nothing in it and no error")
		}
		for _, op := range doc.Opcodes {
			if op.Code < 0 || len(op.Sources) != 1 || op.Name == "" {
				t.Fatalf("bad opcode %+v", op)
			}
			checkPos(op.Sources[0])
		}
		for _, ev := range doc.Events {
			if len(ev.Sources) != 1 || ev.Name == "" {
				t.Fatalf("bad event %+v", ev)
			}
			checkPos(ev.Sources[0])
		}
	})
}
