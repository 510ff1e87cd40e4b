package model

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// official and community are shaped like the conflicts between the
// official docs and the community's: a voice opcode the two name
// differently, an intent renamed, a close code the official explanation
// says not to reconnect after and the community's column allows, a name
// given another code, a sender that differs; and entries only the
// community lists.
func official() *Document {
	closeText := cc("official.mdx", 40, 4014, "Disconnected", no, "Should not reconnect.")
	closeText.ReconnectFrom = ReconnectFromText
	return &Document{File: "official.mdx",
		Events: []Event{ev("official.mdx", 1, "GUILD_EMOJIS_UPDATE", ""), ev("official.mdx", 2, "GUILD_STICKERS_UPDATE", "")},
		VoiceOpcodes: []VoiceOpcode{
			vop("official.mdx", 20, 13, "CLIENT_DISCONNECT", SenderServer, no),
			vop("official.mdx", 21, 21, "DAVE_PREPARE_TRANSITION", SenderServer, no),
			vop("official.mdx", 22, 25, "DAVE_MLS_EXTERNAL_SENDER", SenderServer, yes),
		},
		VoiceCloseCodes: []CloseCode{closeText},
		Intents:         []Intent{intent("official.mdx", 30, 3, "GUILD_EXPRESSIONS", false, "GUILD_EMOJIS_UPDATE")},
	}
}

func community() *Document {
	closeColumn := cc("community.md", 9, 4014, "Disconnected", yes, "Kicked.")
	closeColumn.ReconnectFrom = ReconnectFromColumn
	return &Document{File: "community.md",
		VoiceOpcodes: []VoiceOpcode{
			{Code: 12, Entry: Entry{Name: "CLIENT_FLAGS", Description: "The flags of a client.", Sources: src("community.md", 3)}, SentBy: SenderServer},
			vop("community.md", 4, 14, "CLIENT_DISCONNECT", SenderServer, no),
			{Code: 21, Entry: Entry{Name: "DAVE_PROTOCOL_PREPARE_TRANSITION", Description: "A transition is coming.", Sources: src("community.md", 5)}, SentBy: SenderServer},
			vop("community.md", 6, 25, "DAVE_MLS_EXTERNAL_SENDER", SenderClient, no),
		},
		VoiceCloseCodes: []CloseCode{closeColumn, cc("community.md", 10, 4021, "Disconnected: Rate Limited", nil, "")},
		Intents:         []Intent{intent("community.md", 12, 3, "GUILD_EMOJIS_AND_STICKERS", false, "GUILD_EMOJIS_UPDATE", "GUILD_STICKERS_UPDATE")},
	}
}

// The disagreements, in the words both policies use.
var disagreements = []string{
	"community.md:4: voice opcode CLIENT_DISCONNECT has code 14 here but 13 at official.mdx:20",
	"community.md:5: voice opcode 21 is DAVE_PROTOCOL_PREPARE_TRANSITION here but DAVE_PREPARE_TRANSITION at official.mdx:21",
	"community.md:6: voice opcode DAVE_MLS_EXTERNAL_SENDER has JSON payloads here but binary at official.mdx:22",
	"community.md:6: voice opcode DAVE_MLS_EXTERNAL_SENDER is sent by client here but by server at official.mdx:22",
	`community.md:9: voice close code "Disconnected" has reconnect true here but false (in its explanation) at official.mdx:40`,
	"community.md:12: intent 3 is GUILD_EMOJIS_AND_STICKERS here but GUILD_EXPRESSIONS at official.mdx:30",
}

func TestMergeStrict(t *testing.T) {
	_, warnings, err := BuildWith([]*Document{official(), community()}, Options{})
	var list ErrorList
	if !errors.As(err, &list) || len(warnings) != 0 {
		t.Fatalf("BuildWith = %v, %v; want an ErrorList and no warnings", warnings, err)
	}
	if got, want := err.Error(), strings.Join(disagreements, "\n"); got != want {
		t.Errorf("errors:\n%s\nwant:\n%s", got, want)
	}
}

// With first-wins, the official docs first and the community's after give
// the official names and values, the community's extra entries, and a
// warning for every value overridden, naming both rows.
func TestMergeFirstWins(t *testing.T) {
	spec, warnings, err := BuildWith([]*Document{official(), community()}, Options{Merge: MergeFirstWins})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range warnings {
		got = append(got, w.String())
	}
	want := make([]string, len(disagreements))
	for i, d := range disagreements {
		want[i] = d + ", which wins"
	}
	if g, w := strings.Join(got, "\n"), strings.Join(want, "\n"); g != w {
		t.Errorf("warnings:\n%s\nwant:\n%s", g, w)
	}
	for _, w := range warnings {
		if !strings.HasPrefix(w.Pos.File, "community") || !strings.HasPrefix(w.Other.File, "official") {
			t.Errorf("warning %q: Pos %v, Other %v; want the community's row overridden by the official one", w, w.Pos, w.Other)
		}
	}

	var entries []string
	for _, o := range spec.VoiceOpcodes {
		entries = append(entries, fmt.Sprintf("voice %d %s %s binary=%v %q %v", o.Code, o.Name, o.SentBy, o.Binary, o.Description, o.Sources))
	}
	for _, c := range spec.VoiceCloseCodes {
		entries = append(entries, fmt.Sprintf("voiceclose %d %s reconnect=%s/%s %q %v", c.Code, c.GoName, show(c.Reconnect), c.ReconnectFrom, c.Description, c.Sources))
	}
	for _, in := range spec.Intents {
		entries = append(entries, fmt.Sprintf("intent %d %s %v %v", in.Bit, in.Name, in.Events, in.Sources))
	}
	wantEntries := []string{
		`voice 12 CLIENT_FLAGS server binary=false "The flags of a client." [community.md:3]`,
		`voice 13 CLIENT_DISCONNECT server binary=false "" [official.mdx:20 community.md:4]`,
		`voice 21 DAVE_PREPARE_TRANSITION server binary=false "A transition is coming." [official.mdx:21 community.md:5]`,
		`voice 25 DAVE_MLS_EXTERNAL_SENDER server binary=true "" [official.mdx:22 community.md:6]`,
		`voiceclose 4014 Disconnected reconnect=false/text "Should not reconnect." [official.mdx:40 community.md:9]`,
		`voiceclose 4021 DisconnectedRateLimited reconnect=nil/ "" [community.md:10]`,
		`intent 3 GUILD_EXPRESSIONS [GUILD_EMOJIS_UPDATE GUILD_STICKERS_UPDATE] [official.mdx:30 community.md:12]`,
	}
	if g, w := strings.Join(entries, "\n"), strings.Join(wantEntries, "\n"); g != w {
		t.Errorf("merged:\n%s\nwant:\n%s", g, w)
	}

	// In the other order the community wins, the same way.
	_, warnings, err = BuildWith([]*Document{community(), official()}, Options{Merge: MergeFirstWins})
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) != len(disagreements) || warnings[0].String() != "official.mdx:20: voice opcode CLIENT_DISCONNECT has code 13 here but 14 at community.md:4, which wins" {
		t.Errorf("community first: warnings %v", warnings)
	}
}

// What one document says twice is an error whatever the policy: merging
// settles disagreements between documents only.
func TestMergeFirstWinsKeepsErrors(t *testing.T) {
	doc := &Document{File: "a.md",
		Opcodes:      []Opcode{op("a.md", 1, 1, "HEARTBEAT", 0, ""), op("a.md", 2, 1, "HEARTBEAT_ACK", 0, "")},
		VoiceOpcodes: []VoiceOpcode{vop("a.md", 3, 0, "IDENTIFY", 0, nil), vop("a.md", 4, 1, "IDENTIFY", 0, nil)},
		Events:       []Event{ev("a.md", 5, "READY", ""), ev("a.md", 6, "READY", "")},
	}
	_, warnings, err := BuildWith([]*Document{doc}, Options{Merge: MergeFirstWins})
	want := "a.md:2: duplicate opcode code 1: HEARTBEAT_ACK here, HEARTBEAT at a.md:1\n" +
		"a.md:4: duplicate voice opcode name IDENTIFY: code 1 here, code 0 at a.md:3\n" +
		"a.md:6: duplicate event name READY: also at a.md:5"
	if err == nil || err.Error() != want || warnings != nil {
		t.Errorf("BuildWith = %v, %v; want no warnings and\n%s", warnings, err, want)
	}
}

func TestMergePolicyText(t *testing.T) {
	for _, p := range []MergePolicy{MergeStrict, MergeFirstWins} {
		text, err := p.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back MergePolicy
		if err := back.UnmarshalText(text); err != nil || back != p {
			t.Errorf("%v: round trip through %q gives %v, %v", p, text, back, err)
		}
	}
	if _, err := ParseMergePolicy("last-wins"); err == nil || err.Error() != `unknown merge policy "last-wins": want strict or first-wins` {
		t.Errorf("ParseMergePolicy(last-wins) error = %v", err)
	}
	if _, err := MergePolicy(7).MarshalText(); err == nil || err.Error() != "invalid merge policy 7" {
		t.Errorf("MarshalText(7) error = %v", err)
	}
	if s := MergePolicy(7).String(); s != "MergePolicy(7)" {
		t.Errorf("String(7) = %q", s)
	}
}

// A user's reconnect flag wins over the documents', and says so.
func TestReconnectOverrides(t *testing.T) {
	spec, _, err := BuildWith([]*Document{official(), community()}, Options{
		Merge:     MergeFirstWins,
		Reconnect: map[string]bool{"voice_close_codes:4014": true, "voice_close_codes:4021": false, "voice_close_codes:4999": true},
	})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range spec.VoiceCloseCodes {
		got = append(got, fmt.Sprintf("%d %s/%s", c.Code, show(c.Reconnect), c.ReconnectFrom))
	}
	if g, w := strings.Join(got, " "), "4014 true/override 4021 false/override"; g != w {
		t.Errorf("reconnect = %s, want %s", g, w)
	}

	for _, tt := range []struct {
		key    string
		origin Source
		want   string
	}{
		{"voice_close_codes", Source{}, "reconnect override voice_close_codes: want TABLE:CODE, such as close_codes:4008"},
		{"opcodes:1", Source{}, `reconnect override opcodes:1: "opcodes" is not a table of close codes: want close_codes, voice_close_codes`},
		{"close_codes:x", Source{}, `reconnect override close_codes:x: "x" is not a close code`},
		{"close_codes:-1", Source{File: "--reconnect close_codes:-1=true"}, `--reconnect close_codes:-1=true: "-1" is not a close code`},
	} {
		opt := Options{Reconnect: map[string]bool{tt.key: true}}
		if tt.origin.File != "" {
			opt.ReconnectOrigin = map[string]Source{tt.key: tt.origin}
		}
		_, _, err := BuildWith([]*Document{official()}, opt)
		if err == nil || err.Error() != tt.want {
			t.Errorf("Reconnect[%q]: error %v, want %s", tt.key, err, tt.want)
		}
	}
}
