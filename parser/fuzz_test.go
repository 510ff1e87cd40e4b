package parser

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/gatewaygen/gatewaygen/model"
)

// FuzzParse checks that no input makes Parse panic, and that every position
// it reports, for an entry or an error, is inside the input.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/*")
	files = append(files, "../specs/gateway.md", "../specs/discordeno-gateway-opcodes.md")
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	f.Add([]byte("<Warning\n# Enumeration: GatewayOpcodes\n\n• **A** = `1`\n{/* '\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		lines := bytes.Count(src, []byte("\n")) + 1
		check := func(pos model.Source, what string) {
			if pos.File != "f.md" || pos.Line < 0 || pos.Line > lines || pos.Column < 0 {
				t.Fatalf("%s at %v, outside the %d lines of the input", what, pos, lines)
			}
		}
		doc, err := Parse("f.md", src)
		if err != nil {
			var list model.ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("error %v is not a non-empty ErrorList", err)
			}
			for _, e := range list {
				check(e.Pos, "error "+e.Msg)
			}
			return
		}
		for _, op := range doc.Opcodes {
			if len(op.Sources) != 1 || op.Sources[0].Line == 0 {
				t.Fatalf("opcode %s has sources %v, want one line", op.Name, op.Sources)
			}
			check(op.Sources[0], "opcode "+op.Name)
		}
		for _, ev := range doc.Events {
			if len(ev.Sources) != 1 || ev.Sources[0].Line == 0 {
				t.Fatalf("event %s has sources %v, want one line", ev.Name, ev.Sources)
			}
			check(ev.Sources[0], "event "+ev.Name)
		}
	})
}

// FuzzBlankMDX checks that blanking moves nothing: the output has the
// input's length and its line breaks in the same places, and every byte
// it changed became a space.
func FuzzBlankMDX(f *testing.F) {
	f.Add([]byte("---\na: b\n---\nimport A from 'a'\n\n<X y={{z: '>'}}\n/>text\n{/* c */}\n"))
	f.Add([]byte("```\n<Warning>\n```\n<>\n</>\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		out := blankMDX(src)
		if len(out) != len(src) {
			t.Fatalf("length %d, want %d", len(out), len(src))
		}
		for i := range src {
			if out[i] != src[i] && (out[i] != ' ' || src[i] == '\n' || src[i] == '\r') {
				t.Fatalf("byte %d: %q became %q", i, src[i], out[i])
			}
		}
	})
}
