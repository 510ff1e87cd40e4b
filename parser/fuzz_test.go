package parser

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/gatewaygen/gatewaygen/model"
)

// addSeeds adds every spec and fixture of the repository to f's corpus.
func addSeeds(f *testing.F) {
	for _, pattern := range []string{"../specs/*.md", "testdata/*", "../generator/testdata/*.md", "../cmd/gatewaygen/testdata/*"} {
		paths, _ := filepath.Glob(pattern)
		for _, p := range paths {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b)
			}
		}
	}
	f.Add([]byte("## Gateway opcodes\n\n| Code | Name |\n|--|--|\n| 1 | A | b |\n"))
	f.Add([]byte("| a |\n|-|\n"))
	f.Add([]byte("<Warning\n# Enumeration: GatewayOpcodes\n\n• **A** = `1`\n{/* '\n"))
	f.Add([]byte("## List of Intents\n\n```\nGUILDS (1 << 0) *\n  - GUILD_CREATE ¹\nX (1 << 64)\n```\n\n## Privileged Intents\n\n- `GUILDS`\n"))
	f.Add([]byte("# Enumeration: GatewayIntents\n\n• **Guilds** = `3`\n\n• **GuildMembers** = `1 << 1`\n"))
	// Structure tables: a ManualAnchor, extra fields after a payload link,
	// markers, nested links, a misaligned row.
	f.Add([]byte("#### Message Create\n\nThe inner payload is a [message](/a#b) object:\n\n<ManualAnchor id=\"x\" />\n###### Message Create Extra Fields\n\n| Field | Type | Description |\n|---|---|---|\n| a? \\[1\\] | ?array of [b](#c) objects | [d](#e) |\n| b | Map of Snowflakes to partial [c](#x) objects | |\n| c | x | y | z |\n"))
	f.Add([]byte("### X Object\n\n| field | type |\n|--|--|\n| ? | ? |\n| a* | [\\[b\\]](#x) or [c](#y) |\n"))
}

// FuzzParse checks that no input makes Parse panic, that it returns a
// document, a list of errors or both, and that every position it reports,
// for an entry or an error, is inside the input.
func FuzzParse(f *testing.F) {
	addSeeds(f)
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
			if doc == nil {
				return
			}
		} else if len(doc.Opcodes)+len(doc.Events)+len(doc.CloseCodes)+len(doc.VoiceOpcodes)+len(doc.VoiceCloseCodes)+len(doc.Intents)+len(doc.Structures) == 0 {
			t.Fatal("a document with nothing in it and no error")
		}
		for _, c := range append(slices.Clone(doc.CloseCodes), doc.VoiceCloseCodes...) {
			if len(c.Sources) != 1 || c.Sources[0].Line == 0 || c.Code < 0 || c.Name == "" {
				t.Fatalf("bad close code %+v", c)
			}
			check(c.Sources[0], "close code "+c.Name)
		}
		for _, op := range doc.VoiceOpcodes {
			if len(op.Sources) != 1 || op.Sources[0].Line == 0 || op.Code < 0 || op.Name == "" {
				t.Fatalf("bad voice opcode %+v", op)
			}
			check(op.Sources[0], "voice opcode "+op.Name)
		}
		for _, in := range doc.Intents {
			if len(in.Sources) != 1 || in.Sources[0].Line == 0 || in.Bit < 0 || in.Bit > 63 || in.Name == "" {
				t.Fatalf("bad intent %+v", in)
			}
			check(in.Sources[0], "intent "+in.Name)
		}
		for _, op := range doc.Opcodes {
			if len(op.Sources) != 1 || op.Sources[0].Line == 0 || op.Code < 0 || op.Name == "" {
				t.Fatalf("bad opcode %+v", op)
			}
			check(op.Sources[0], "opcode "+op.Name)
		}
		for _, ev := range doc.Events {
			if len(ev.Sources) != 1 || ev.Sources[0].Line == 0 || ev.Name == "" {
				t.Fatalf("bad event %+v", ev)
			}
			check(ev.Sources[0], "event "+ev.Name)
		}
		for _, st := range doc.Structures {
			check(st.Sources[0], "structure "+st.Name)
			for _, f := range st.Fields {
				if f.Name == "" || f.Resolved == nil || len(f.Sources) != 1 {
					t.Fatalf("bad field %+v of %s", f, st.Name)
				}
				check(f.Sources[0], "field "+f.Name)
			}
		}
		for _, a := range doc.Anchors {
			if a.Structure >= len(doc.Structures) || a.Enum >= len(doc.Enums) || a.Structure < 0 && a.Enum < 0 && a.Table == "" {
				t.Fatalf("anchor %+v leads nowhere", a)
			}
		}
		for _, s := range doc.Sections {
			if s.Structure >= len(doc.Structures) || s.Structure < 0 && s.Link == "" {
				t.Fatalf("section %+v holds nothing", s)
			}
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
