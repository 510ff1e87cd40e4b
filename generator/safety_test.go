package generator_test

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/gatewaygen/gatewaygen/generator"
	"github.com/gatewaygen/gatewaygen/internal/output"
	"github.com/gatewaygen/gatewaygen/model"
)

// hostile are descriptions crafted to turn spec text into code, or to make
// code read differently from what the compiler sees.
var hostile = []string{
	"*/ func init() { panic(\"block comment\") } /*",
	"/* unterminated",
	"first line\nfunc init() { panic(\"newline\") }",
	"windows\r\nfunc init() { panic(\"crlf\") }",
	"old mac\rfunc init() { panic(\"cr\") }",
	"unicode\u2028func init() { panic(\"line separator\") }\u2029x\u0085y\vz\fw",
	"\n//go:generate rm -rf /",
	"\n//go:build ignore",
	"\n//go:linkname evil runtime.nanotime",
	"`raw` \"quoted\" \\backslash\\ \\\" \\`",
	"nul\x00byte and bell\x07 and escape\x1b[31m and del\x7f and c1\u0085\u009b",
	"access level: \u202euser\u2066 // admin only\u2069\u202c trojan source",
	"bidi marks \u200e\u200f\u061c and isolates \u2067\u2068 and bom \ufeff",
	"invalid utf-8: \xff\xfe",
	"tab\tinside",
	"\x00",
}

// hostileSources are document names that try the same through the header
// and the "Documented in" lines.
var hostileSources = []string{
	"docs/a\n//go:build ignore\n.md",
	"b */ func init() {} /*.md",
	"c\u202e.md",
}

func hostileSpec() *model.Spec {
	spec := &model.Spec{Sources: hostileSources}
	for i, desc := range hostile {
		src := []model.Source{{File: hostileSources[i%len(hostileSources)], Line: i + 1}}
		spec.Opcodes = append(spec.Opcodes, model.Opcode{
			Code: i, Entry: model.Entry{Name: "OP_" + strconv.Itoa(i), GoName: "Op" + strconv.Itoa(i), Description: desc, Deprecated: i%2 == 0, Sources: src},
		})
		spec.Events = append(spec.Events, model.Event{
			Entry: model.Entry{Name: "EVENT_" + strconv.Itoa(i), GoName: "Event" + strconv.Itoa(i), Description: desc, Removed: i%3 == 0, Deprecated: i%3 == 0, Sources: src},
		})
	}
	return spec
}

func TestHostileTextStaysText(t *testing.T) {
	files, err := generator.Generate(hostileSpec(), generator.Config{})
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var decls []string
	literals := map[string]bool{}
	for _, f := range files {
		// No control or bidirectional character survives anywhere: in
		// comments they are dropped, in literals escaped.
		for i, r := range string(f.Content) {
			if r == '\n' || r == '\t' {
				continue
			}
			if r < 0x20 || r == 0x7f || 0x80 <= r && r < 0xa0 || r == '\u2028' || r == '\u2029' ||
				r == '\u061c' || r == '\u200e' || r == '\u200f' || r == '\ufeff' ||
				'\u202a' <= r && r <= '\u202e' || '\u2066' <= r && r <= '\u2069' {
				t.Errorf("%s: character %U at offset %d", f.Name, r, i)
			}
		}
		for _, line := range strings.Split(string(f.Content), "\n") {
			trimmed := strings.TrimSpace(line)
			if trimmed == noinline {
				continue
			}
			if strings.HasPrefix(trimmed, "//go:") || strings.HasPrefix(trimmed, "/*") {
				t.Errorf("%s: spec text became a directive or block comment: %q", f.Name, line)
			}
			// The generator's own init functions, which fill in the keys of
			// the Parse functions' tables, start with a line of their own.
			if strings.HasPrefix(trimmed, "func init") && trimmed != "func init() {" ||
				strings.Contains(line, "panic(") && !strings.HasPrefix(trimmed, "//") && !strings.Contains(line, `"`) {
				t.Errorf("%s: spec text became code: %q", f.Name, line)
			}
		}
		af, err := parser.ParseFile(fset, f.Name, f.Content, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		if af.Name.Name != "gateway" {
			t.Errorf("%s: package %s", f.Name, af.Name.Name)
		}
		for _, cg := range af.Comments {
			for _, c := range cg.List {
				if strings.HasPrefix(c.Text, "/*") {
					t.Errorf("%s: block comment %q", f.Name, c.Text)
				}
			}
		}
		for _, d := range af.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				name := fd.Name.Name
				if fd.Recv != nil {
					name = exprType(fd.Recv.List[0].Type) + "." + name
				}
				decls = append(decls, name)
			}
		}
		ast.Inspect(af, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				s, err := strconv.Unquote(lit.Value)
				if err != nil {
					t.Errorf("bad literal %s: %v", lit.Value, err)
				}
				literals[s] = true
			}
			return true
		})
	}
	slices.Sort(decls)
	want := []string{
		"*Event.UnmarshalText", "Event.Description", "Event.IsKnown", "Event.MarshalText", "Event.String", "Events",
		"Opcode.Description", "Opcode.IsKnown", "Opcode.SentBy", "Opcode.String", "Opcode.info", "Opcodes",
		"ParseEvent", "ParseOpcode", "Sender.String", "_", "_", "init", "init",
		"keyOf", "load32", "load64", "nameKey.hash", "shortWord", "unlisted",
	}
	if !slices.Equal(decls, want) {
		t.Errorf("functions declared:\n%v\nwant:\n%v", decls, want)
	}
	// Descriptions reach Description() exactly as the spec had them (with
	// invalid UTF-8 as the replacement character, as Go strings from
	// literals cannot hold it otherwise... they can: check both).
	for _, desc := range hostile {
		if !literals[desc] && !literals[strings.ToValidUTF8(desc, "\uFFFD")] {
			t.Errorf("no string literal holds description %q", desc)
		}
	}
}

// noinline is the one directive the generator writes itself, on the
// function that formats unlisted values.
const noinline = "//go:noinline"

func exprType(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.StarExpr:
		return "*" + exprType(e.X)
	case *ast.Ident:
		return e.Name
	}
	return "?"
}

func TestHostileHeader(t *testing.T) {
	files, err := generator.Generate(hostileSpec(), generator.Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		first, rest, _ := strings.Cut(string(f.Content), "\n")
		if !strings.HasPrefix(first, "// Code generated by gatewaygen from ") || !strings.HasSuffix(first, " DO NOT EDIT.") {
			t.Errorf("%s: header %q", f.Name, first)
		}
		if !strings.HasPrefix(rest, "\n") {
			t.Errorf("%s: header is not followed by a blank line", f.Name)
		}
		if !output.IsGenerated(f.Content) {
			t.Errorf("%s: not recognised as generated", f.Name)
		}
	}
}

// injected matches an init function that spec text wrote: one with code on
// the line of its brace, as the hostile specs write it, unlike the
// generator's own.
var injected = regexp.MustCompile(`\nfunc init\(\) \{[^\n]`)

// The same, from a markdown document, through the parser: entities and
// <br> are where newlines come from in real specs.
func TestHostileMarkdown(t *testing.T) {
	files := generate(t, "testdata/hostile.md", "hostile")
	for _, f := range files {
		content := bytes.ReplaceAll(f.Content, []byte("\n"+noinline+"\nfunc unlisted("), nil)
		if injected.Match(content) || bytes.Contains(content, []byte("\n//go:")) {
			t.Errorf("%s: spec text became code:\n%s", f.Name, f.Content)
		}
	}
}
