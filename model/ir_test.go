package model

import (
	"encoding/json"
	"reflect"
	"testing"
)

// The JSON field names are an interface other tools rely on; this test
// spells them out. An unspecified sender is "", a position without a column
// has no "column", and empty lists are [] rather than null.
func TestIRJSON(t *testing.T) {
	doc := &Document{File: "a.md",
		Opcodes: []Opcode{{Code: 5, Entry: Entry{Name: "VOICE_SERVER_PING", Deprecated: true, Sources: []Source{{File: "a.md", Line: 3}}}}},
	}
	spec, err := Build([]*Document{doc}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got, err := json.Marshal(NewIR(spec))
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"version":1,"sources":["a.md"],"opcodes":[{"code":5,"name":"VOICE_SERVER_PING","go_name":"VoiceServerPing",` +
		`"description":"","deprecated":true,"removed":false,"sources":[{"file":"a.md","line":3}],"sent_by":"","payload":""}],"events":[],"close_codes":[],"voice_opcodes":[],"voice_close_codes":[],"intents":[],"structures":[],"enums":[]}`
	if string(got) != want {
		t.Errorf("JSON:\n%s\nwant:\n%s", got, want)
	}
	var back IR
	if err := json.Unmarshal(got, &back); err != nil {
		t.Fatal(err)
	}
	if back.Version != IRVersion || !reflect.DeepEqual(back.Spec, spec) {
		t.Errorf("round trip = %+v, want %+v", back.Spec, spec)
	}
}
