package config

import (
	"bytes"
	"errors"
	"slices"
	"testing"

	"github.com/gatewaygen/gatewaygen/model"
)

// FuzzParse checks that Parse never panics, that it fails with positioned
// errors inside the file, and that what it accepts keeps to the schema.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		issueExample,
		"",
		"tables:\n  opcodes:\n  events: {}\n",
		"reconnect:\n  voice_close_codes: {4014: false, 0xFB5: true}\n",
		"specs: &s [a.md]\nout: *s\n",
		"tables:\n  opcodes: &o {type: Op}\n  events:\n    <<: *o\n",
		"a: &a [*a, *a]\nb: &b [*a, *a]\n",
		"out: a\n---\nout: b\n",
		"specs: [a.md\n",
		"names:\n  close_codes:\n    4003: A\n    0xFA3: B\n",
		"%YAML 1.1\n---\nout: !!binary aGk=\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		lines := yamlLines(src)
		check := func(pos model.Source, what string) {
			if pos.File != "f.yaml" || pos.Line < 0 || pos.Line > lines || pos.Column < 0 {
				t.Fatalf("%s at %v, outside the %d lines of the input", what, pos, lines)
			}
		}
		file, err := Parse("f.yaml", src)
		if err != nil {
			var list model.ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("error %v is not a non-empty ErrorList", err)
			}
			for _, e := range list {
				check(e.Pos, "error "+e.Msg)
			}
			if file != nil {
				t.Fatal("a File with the error")
			}
			return
		}
		for table := range file.Tables {
			if !slices.Contains(tableKeys, table) && table != model.StructuresKey {
				t.Fatalf("unknown table %q accepted", table)
			}
		}
		if _, err := model.ParseMergePolicy(file.Merge); file.Merge != "" && err != nil {
			t.Fatalf("merge policy %q accepted", file.Merge)
		}
		for _, n := range file.Names {
			check(n.Origin, "name "+n.Key)
			if n.GoName == "" || !slices.Contains(tableKeys, n.Table) {
				t.Fatalf("name %+v accepted", n)
			}
		}
		for _, r := range file.Reconnect {
			check(r.Pos, "reconnect")
		}
	})
}

// yamlLines counts the lines of src as YAML does, where a CR alone, NEL,
// LS and PS break lines too.
func yamlLines(src []byte) int {
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	n := 1
	for _, brk := range []string{"\n", "\r", "\u0085", "\u2028", "\u2029"} {
		n += bytes.Count(src, []byte(brk))
	}
	return n
}
