package generator_test

import (
	"os"
	"strings"
	"testing"

	"github.com/gatewaygen/gatewaygen/generator"
)

// payloadsSpec generates the payloads fixture with cfg.
func generatePayloads(t *testing.T, cfg generator.Config) ([]generator.File, error) {
	t.Helper()
	src, err := os.ReadFile("testdata/payloads.md")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Package = "payloads"
	return generator.Generate(buildSpec(t, "payloads.md", src), cfg)
}

func fileNamed(files []generator.File, name string) string {
	for _, f := range files {
		if f.Name == name {
			return string(f.Content)
		}
	}
	return ""
}

// TestTypes checks that Config.Types types the fields it names, still
// wrapped as optional or nullable, and refuses what it cannot use.
func TestTypes(t *testing.T) {
	files, err := generatePayloads(t, generator.Config{Types: map[string]string{
		"Identify.Shard": "[2]int", "Message.Nonce": "string", "Message.Components": "[]map[string]any",
		"Message.Pinned": "Optional[bool]", "Message.ReferencedMessage": "Optional[*Message]",
	}})
	if err != nil {
		t.Fatal(err)
	}
	src := fileNamed(files, generator.PayloadsFile)
	for _, want := range []string{
		"\tShard Optional[[2]int] `json:\"shard,omitzero\"`\n",
		"\tNonce Optional[string] `json:\"nonce,omitzero\"`\n",
		"\tComponents Optional[[]map[string]any] `json:\"components,omitzero\"`\n",
		"\tPinned Optional[bool] `json:\"pinned,omitzero\"`\n",
		"\tReferencedMessage Optional[*Message] `json:\"referenced_message,omitzero\"`\n",
	} {
		if !strings.Contains(src, want) {
			t.Errorf("no %q in %s", want, generator.PayloadsFile)
		}
	}
	if strings.Contains(src, "which stays raw JSON.\n\tNonce") {
		t.Error("a typed field's doc still says it is raw")
	}
	if err := checkOutput("payloads", files); err != nil {
		t.Error(err)
	}

	for _, tt := range []struct {
		types map[string]string
		want  string
	}{
		{map[string]string{"Identify.Shards": "[2]int"}, "types.Identify.Shards names no field of a payload structure: want Struct.Field, as they are named in Go"},
		{map[string]string{"identify.shard": "[2]int"}, "types.identify.shard names no field of a payload structure: want Struct.Field, as they are named in Go"},
		{map[string]string{"Identify.Shard": "[2]int{}"}, `types.Identify.Shard "[2]int{}": not a Go type`},
		{map[string]string{"Identify.Shard": "1"}, `types.Identify.Shard "1": not a Go type`},
		{map[string]string{"Identify.Shard": "time.Duration"}, `types.Identify.Shard "time.Duration": a type of another package; use a builtin type or one the package declares`},
	} {
		_, err := generatePayloads(t, generator.Config{Types: tt.types})
		if errString(err) != tt.want {
			t.Errorf("Types %v: error %q, want %q", tt.types, errString(err), tt.want)
		}
	}
}

// TestStructureNameClash checks that a structure whose Go name is that of
// another declaration is refused with its position.
func TestStructureNameClash(t *testing.T) {
	src := []byte("## Gateway opcodes\n\n| Code | Name | Sent by |\n|---|---|---|\n| 10 | HELLO | server |\n\n" +
		"#### Hello\n\n###### Frame Structure\n\n| Field | Type | Description |\n|---|---|---|\n| heartbeat_interval | integer | |\n")
	_, err := generator.Generate(buildSpec(t, "clash.md", src), generator.Config{})
	const want = "clash.md:11: structure Frame becomes the Go name Frame, which is already a declaration of the generated package; give it another name with a name override"
	if errString(err) != want {
		t.Errorf("error %q, want %q", errString(err), want)
	}
}

// TestEnumTypes checks that a field of an enum is of the enum's type, and
// that an enum whose name another declaration takes is left out, its
// fields keeping the JSON type with the values in their doc comments.
func TestEnumTypes(t *testing.T) {
	files, err := generatePayloads(t, generator.Config{})
	if err != nil {
		t.Fatal(err)
	}
	src := fileNamed(files, generator.PayloadsFile)
	for _, want := range []string{
		"\tType ChannelTypes `json:\"type\"`\n",
		"\tChannelTypesGuildVoice ChannelTypes = 2\n",
		"\tMessageFlagsEphemeral MessageFlags = 1 << 6\n",
		"\tStatusTypesDnd StatusTypes = \"dnd\"\n",
	} {
		if !strings.Contains(src, want) {
			t.Errorf("no %q in %s", want, generator.PayloadsFile)
		}
	}
	// The list of the events of type ChannelType is ChannelTypes.
	files, err = generatePayloads(t, generator.Config{Tables: map[string]generator.TableConfig{"events": {Type: "ChannelType"}}})
	if err != nil {
		t.Fatal(err)
	}
	src = fileNamed(files, generator.PayloadsFile)
	if !strings.Contains(src, "Its values are the docs' Channel Types, one of 0") || !strings.Contains(src, "\tType int64 `json:\"type\"`\n") ||
		strings.Contains(src, "type ChannelTypes ") {
		t.Errorf("the enum Channel Types is declared although the events' list takes its name:\n%s", src)
	}
	if err := checkOutput("payloads", files); err != nil {
		t.Error(err)
	}
}

// TestFrameWithoutEvents checks that a spec with opcodes and payloads but
// no dispatch events generates a package that compiles, with events as an
// enum and as strings, whose Frame then has no event to give as an example.
func TestFrameWithoutEvents(t *testing.T) {
	src, err := os.ReadFile("testdata/payloads.md")
	if err != nil {
		t.Fatal(err)
	}
	// Leave out the events, and the intents, which list events.
	var kept []string
	skip := false
	for _, line := range strings.SplitAfter(string(src), "\n") {
		if strings.HasPrefix(line, "## ") {
			skip = line == "## Gateway dispatch events\n" || line == "## Gateway intents\n"
		}
		if !skip {
			kept = append(kept, line)
		}
	}
	spec := buildSpec(t, "noevents.md", []byte(strings.Join(kept, "")))
	if len(spec.Events) != 0 || len(spec.Opcodes) == 0 || len(spec.Structures) == 0 {
		t.Fatalf("the fixture has %d events, %d opcodes and %d structures; want none, some and some", len(spec.Events), len(spec.Opcodes), len(spec.Structures))
	}
	for _, rep := range []string{generator.RepresentationEnum, generator.RepresentationString} {
		files, err := generator.Generate(spec, generator.Config{Tables: map[string]generator.TableConfig{"events": {Representation: rep}}})
		if err != nil {
			t.Fatalf("events as %s: %v", rep, err)
		}
		if fileNamed(files, generator.FrameFile) == "" {
			t.Errorf("events as %s: no %s", rep, generator.FrameFile)
		}
		if err := checkOutput("noevents", files); err != nil {
			t.Errorf("events as %s: %v", rep, err)
		}
	}
}
