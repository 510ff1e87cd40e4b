package specs

import (
	"path"
	"slices"
	"testing"

	"github.com/gatewaygen/gatewaygen/model"
	"github.com/gatewaygen/gatewaygen/parser"
)

// build parses and merges the embedded documents as gatewaygen does with
// no --spec flags.
func build(t *testing.T) *model.Spec {
	t.Helper()
	var docs []*model.Document
	for _, name := range Default {
		src, err := FS.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := parser.Parse(path.Join(Dir, name), src)
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

// The default specs hold the protocol tables as the official docs list
// them.
func TestDefaultTables(t *testing.T) {
	spec := build(t)
	count := func(n int, what string, want int) {
		t.Helper()
		if n != want {
			t.Errorf("%d %s, want %d", n, what, want)
		}
	}
	noReconnect := 0
	for _, c := range spec.CloseCodes {
		if c.Reconnect == nil {
			t.Errorf("close code %d says nothing of reconnecting", c.Code)
		} else if !*c.Reconnect {
			noReconnect++
		}
	}
	count(len(spec.CloseCodes), "close codes", 14)
	count(noReconnect, "close codes without reconnect", 6)

	var binary []int
	for _, o := range spec.VoiceOpcodes {
		if o.Binary {
			binary = append(binary, o.Code)
		}
	}
	count(len(spec.VoiceOpcodes), "voice opcodes", 23)
	if !slices.Equal(binary, []int{25, 26, 27, 28, 29, 30}) {
		t.Errorf("binary voice opcodes %v, want 25 to 30", binary)
	}
	count(len(spec.VoiceCloseCodes), "voice close codes", 16)

	var privileged []string
	behind := map[string]bool{}
	for _, in := range spec.Intents {
		if in.Privileged {
			privileged = append(privileged, in.Name)
		}
		for _, ev := range in.Events {
			behind[ev] = true
		}
	}
	count(len(spec.Intents), "intents", 21)
	if !slices.Equal(privileged, []string{"GUILD_MEMBERS", "GUILD_PRESENCES", "MESSAGE_CONTENT"}) {
		t.Errorf("privileged intents %v", privileged)
	}
	count(len(behind), "events behind some intent", 63)

	// The seeds' events keep their values: gateway.md's come first.
	seed, err := parser.Parse("gateway.md", mustRead(t, "gateway.md"))
	if err != nil {
		t.Fatal(err)
	}
	for i, ev := range seed.Events {
		if spec.Events[i].Name != ev.Name || spec.Events[i].Value != i+1 {
			t.Fatalf("event %d is %s=%d, want the seed's %s=%d", i, spec.Events[i].Name, spec.Events[i].Value, ev.Name, i+1)
		}
	}
}

func mustRead(t *testing.T, name string) []byte {
	t.Helper()
	b, err := FS.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
