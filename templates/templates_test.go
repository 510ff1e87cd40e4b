package templates

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/gatewaygen/gatewaygen/internal/output"
	"github.com/gatewaygen/gatewaygen/model"
	"github.com/gatewaygen/gatewaygen/parser"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata with the current output")

// build parses and merges files as gatewaygen does.
func build(t *testing.T, files ...string) *model.Spec {
	t.Helper()
	var docs []*model.Document
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := parser.Parse(file, src)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, doc)
	}
	spec, err := model.Build(docs, nil)
	if err != nil {
		t.Fatal(err)
	}
	return spec
}

func render(t *testing.T, name string, spec *model.Spec) []byte {
	t.Helper()
	tmpl, err := Builtin(name, nil)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, spec); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// withoutSources drops what depends on where the spec was read from.
func withoutSources(spec *model.Spec) *model.Spec {
	return &model.Spec{
		Opcodes:         clearSources(spec.Opcodes, func(o *model.Opcode) *[]model.Source { return &o.Sources }),
		Events:          clearSources(spec.Events, func(e *model.Event) *[]model.Source { return &e.Sources }),
		CloseCodes:      clearSources(spec.CloseCodes, func(c *model.CloseCode) *[]model.Source { return &c.Sources }),
		VoiceOpcodes:    clearSources(spec.VoiceOpcodes, func(o *model.VoiceOpcode) *[]model.Source { return &o.Sources }),
		VoiceCloseCodes: clearSources(spec.VoiceCloseCodes, func(c *model.CloseCode) *[]model.Source { return &c.Sources }),
		Intents:         clearSources(spec.Intents, func(in *model.Intent) *[]model.Source { return &in.Sources }),
	}
}

// clearSources returns a copy of entries without their sources.
func clearSources[T any](entries []T, sources func(*T) *[]model.Source) []T {
	out := slices.Clone(entries)
	for i := range out {
		*sources(&out[i]) = nil
	}
	return out
}

// The markdown template is a normalised form of the spec: parsing it gives
// back the same opcodes and events, every field but the positions included.
func TestMarkdownRoundTrip(t *testing.T) {
	for _, files := range [][]string{
		{"../specs/gateway.md"},
		{"testdata/tricky.md"},
		{"../specs/gateway.md", "testdata/tricky.md"},
		{"../specs/gateway.md", "../specs/discordeno-gateway-opcodes.md", "../specs/gateway-protocol.md"},
	} {
		t.Run(strings.Join(files, "+"), func(t *testing.T) {
			spec := build(t, files...)
			md := render(t, "markdown", spec)
			doc, err := parser.Parse("rendered.md", md)
			if err != nil {
				t.Fatalf("parsing the rendered markdown: %v\n%s", err, md)
			}
			back, err := model.Build([]*model.Document{doc}, nil)
			if err != nil {
				t.Fatal(err)
			}
			want, got := withoutSources(spec), withoutSources(back)
			if len(got.Opcodes) != len(want.Opcodes) || len(got.Events) != len(want.Events) {
				t.Fatalf("round trip gave %d opcodes and %d events, want %d and %d", len(got.Opcodes), len(got.Events), len(want.Opcodes), len(want.Events))
			}
			for i, w := range want.Opcodes {
				if g := got.Opcodes[i]; !equalOpcode(g, w) {
					t.Errorf("opcode %d:\n got %+v\nwant %+v", i, g, w)
				}
			}
			for i, w := range want.Events {
				if g := got.Events[i]; !equalEvent(g, w) {
					t.Errorf("event %d:\n got %+v\nwant %+v", i, g, w)
				}
			}
			for _, table := range []struct {
				name      string
				got, want any
			}{
				{"close codes", got.CloseCodes, want.CloseCodes},
				{"voice opcodes", got.VoiceOpcodes, want.VoiceOpcodes},
				{"voice close codes", got.VoiceCloseCodes, want.VoiceCloseCodes},
				{"intents", got.Intents, want.Intents},
			} {
				if !reflect.DeepEqual(table.got, table.want) {
					t.Errorf("%s:\n got %+v\nwant %+v", table.name, table.got, table.want)
				}
			}
			// Rendering is a fixed point: the normalised form normalises to itself.
			back.Sources = spec.Sources
			if again := render(t, "markdown", back); !bytes.Equal(again, md) {
				t.Errorf("rendering the round trip differs:\n%s", output.Unified("first", "second", md, again))
			}
		})
	}
}

func equalOpcode(a, b model.Opcode) bool {
	return a.Code == b.Code && a.Name == b.Name && a.GoName == b.GoName && a.SentBy == b.SentBy &&
		a.Description == b.Description && a.Deprecated == b.Deprecated && a.Removed == b.Removed
}

func equalEvent(a, b model.Event) bool {
	return a.Name == b.Name && a.GoName == b.GoName && a.Description == b.Description &&
		a.Deprecated == b.Deprecated && a.Removed == b.Removed
}

func TestGolden(t *testing.T) {
	spec := build(t, "testdata/tricky.md")
	for _, name := range Names() {
		t.Run(name, func(t *testing.T) {
			golden(t, filepath.Join("testdata", "tricky."+name+".golden"), render(t, name, spec))
		})
	}
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run go test -update to accept it):\n%s", path, output.Unified(path, "got", want, got))
	}
}

func TestBuiltins(t *testing.T) {
	if got := strings.Join(Names(), " "); got != "markdown typescript" {
		t.Errorf("Names() = %s", got)
	}
	for _, format := range []string{"text", "markdown"} {
		if _, err := Diff(format); err != nil {
			t.Errorf("Diff(%q): %v", format, err)
		}
	}
	if _, err := Builtin("kotlin", nil); err == nil || !strings.Contains(err.Error(), "the built-in templates are markdown, typescript") {
		t.Errorf("Builtin(kotlin) error = %v", err)
	}
}

// Errors name the template by the name it was parsed under, with the line.
func TestErrorsNameTheFile(t *testing.T) {
	_, err := Parse("my/templates/x.tmpl", []byte("ok\n{{nope .Name}}\n"), nil)
	if err == nil || !strings.HasPrefix(err.Error(), `template: my/templates/x.tmpl:2: function "nope" not defined`) {
		t.Errorf("parse error = %v", err)
	}
	tmpl, err := Parse("my/templates/x.tmpl", []byte("ok\n\n{{range .Opcodes}}{{.Colour}}{{end}}"), nil)
	if err != nil {
		t.Fatal(err)
	}
	err = tmpl.Execute(new(bytes.Buffer), &model.Spec{Opcodes: []model.Opcode{{Entry: model.Entry{Name: "DISPATCH"}}}})
	if err == nil || !strings.HasPrefix(err.Error(), "template: my/templates/x.tmpl:3:20: executing") {
		t.Errorf("execute error = %v", err)
	}
	b, err := Builtin("typescript", nil)
	if err != nil {
		t.Fatal(err)
	}
	if b.Name() != "templates/typescript.tmpl" {
		t.Errorf("built-in template named %q, want its path in the repository", b.Name())
	}
}

func TestHelpers(t *testing.T) {
	for _, tt := range []struct {
		src, want string
	}{
		{`{{pascal "HEARTBEAT_ACK"}} {{camel "HEARTBEAT_ACK"}} {{snake "DeletedEntityIDs"}} {{title "GUILD_SKU_UPDATE"}}`,
			"HeartbeatAck heartbeatAck deleted_entity_ids Guild Sku Update"},
		{`{{upper "Ready"}} {{lower "Ready"}}`, "READY ready"},
		{`{{base "docs/v10/gateway.md"}} {{base "C:\\docs\\gateway.md"}}`, "gateway.md gateway.md"},
		{"// {{gocomment .}}", "// line one line two"},
		{"/* {{jscomment .}} */", `/* line one line two */`},
		{"{{mdcell .}}", "line one<br>line two"},
	} {
		tmpl, err := Parse("t", []byte(tt.src), mustNaming(t, "SKU"))
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := tmpl.Execute(&buf, "line one\r\nline two"); err != nil {
			t.Fatal(err)
		}
		if got := buf.String(); got != tt.want {
			t.Errorf("%s = %q, want %q", tt.src, got, tt.want)
		}
	}
}

func mustNaming(t *testing.T, initialisms ...string) *model.Naming {
	n, err := model.NewNaming(initialisms, nil)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestEscapers(t *testing.T) {
	for _, tt := range []struct {
		fn       func(string) string
		in, want string
	}{
		{JSComment, "ends */ here", `ends *\/ here`},
		{JSComment, "@deprecated is not a tag here", `\@deprecated is not a tag here`},
		{JSComment, "a\u202eb\x00c\nd", "abc d"},
		{MarkdownCell, "a | b", `a \| b`},
		{MarkdownCell, "HEARTBEAT_ACK and _EDGE_ and a_", `HEARTBEAT_ACK and \_EDGE\_ and a\_`},
		{MarkdownCell, "*x* `y` [z](u) <b> &amp; ~~s~~ \\", `\*x\* \` + "`" + `y\` + "`" + ` \[z\](u) \<b\> \&amp; \~\~s\~\~ \\`},
		{MarkdownCell, "one\n\ntwo\u2028three", "one<br><br>two<br>three"},
		{MarkdownCell, "tab\there\x07", "tab here"},
	} {
		if got := tt.fn(tt.in); got != tt.want {
			t.Errorf("%q → %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestTypeScriptNames makes sure that the typescript template declares
// each table's enum under the name the registry gives it.
func TestTypeScriptNames(t *testing.T) {
	src, err := files.ReadFile("typescript.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	for _, tab := range model.Tables {
		if !strings.Contains(string(src), "export enum "+tab.TypeScript+" {") {
			t.Errorf("typescript.tmpl declares no enum %s for table %s", tab.TypeScript, tab.Key)
		}
	}
}
