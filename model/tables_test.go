package model

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

func src(file string, line int) []Source { return []Source{{File: file, Line: line}} }

func cc(file string, line, code int, name string, reconnect *bool, desc string) CloseCode {
	return CloseCode{Code: code, Entry: Entry{Name: name, Description: desc, Sources: src(file, line)}, Reconnect: reconnect}
}

func vop(file string, line, code int, name string, sender Sender, binary *bool) VoiceOpcode {
	o := VoiceOpcode{Code: code, Entry: Entry{Name: name, Sources: src(file, line)}, SentBy: sender}
	if binary != nil {
		o.Binary, o.BinaryKnown = *binary, true
	}
	return o
}

func intent(file string, line, bit int, name string, privileged bool, events ...string) Intent {
	return Intent{Bit: bit, Entry: Entry{Name: name, Sources: src(file, line)}, Privileged: privileged, Events: events}
}

var yes, no = ptr(true), ptr(false)

func ptr[T any](v T) *T { return &v }

func TestBuildTables(t *testing.T) {
	a := &Document{File: "a.md",
		Events: []Event{ev("a.md", 1, "GUILD_CREATE", ""), ev("a.md", 2, "GUILD_MEMBER_ADD", ""), ev("a.md", 3, "THREAD_MEMBERS_UPDATE", "")},
		CloseCodes: []CloseCode{
			cc("a.md", 10, 4013, "Invalid intent(s)", no, ""),
			cc("a.md", 11, 4007, "Invalid seq", nil, "Bad sequence."),
		},
		VoiceOpcodes: []VoiceOpcode{
			vop("a.md", 20, 25, "DAVE_MLS_EXTERNAL_SENDER", SenderServer, yes),
			vop("a.md", 21, 5, "SPEAKING", SenderBoth, nil),
		},
		VoiceCloseCodes: []CloseCode{
			cc("a.md", 30, 4021, "Disconnected: Rate Limited", no, ""),
			cc("a.md", 31, 4014, "Disconnected", no, ""),
			cc("a.md", 32, 4022, "Disconnected", nil, ""),
			cc("a.md", 33, 4017, "E2EE/DAVE protocol required", nil, ""),
		},
		Intents: []Intent{
			intent("a.md", 40, 1, "GUILD_MEMBERS", false, "GUILD_MEMBER_ADD", "THREAD_MEMBERS_UPDATE"),
			intent("a.md", 41, 0, "GUILDS", false, "GUILD_CREATE", "THREAD_MEMBERS_UPDATE"),
		},
	}
	b := &Document{File: "b.md",
		CloseCodes: []CloseCode{
			cc("b.md", 5, 4007, "Invalid Seq", yes, "Ignored: a.md came first."),
			{Code: 4006, Entry: Entry{Name: "Session no longer valid", Deprecated: true, Removed: true, Sources: src("b.md", 6)}},
		},
		VoiceOpcodes: []VoiceOpcode{vop("b.md", 7, 5, "SPEAKING", 0, no)},
		VoiceCloseCodes: []CloseCode{
			cc("b.md", 8, 4022, "Disconnected", no, "The call ended."),
			cc("b.md", 9, 4014, "Disconnected", nil, ""),
		},
		Intents: []Intent{intent("b.md", 12, 1, "GUILD_MEMBERS", true, "GUILD_MEMBER_ADD", "GUILD_CREATE")},
	}
	spec, err := Build([]*Document{a, b}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range spec.CloseCodes {
		got = append(got, fmt.Sprintf("close %d %s %q reconnect=%s %q dep=%v rm=%v %v", c.Code, c.GoName, c.Name, show(c.Reconnect), c.Description, c.Deprecated, c.Removed, c.Sources))
	}
	for _, o := range spec.VoiceOpcodes {
		got = append(got, fmt.Sprintf("voice %d %s %s %v binary=%v %v", o.Code, o.Name, o.GoName, o.SentBy, o.Binary, o.Sources))
	}
	for _, c := range spec.VoiceCloseCodes {
		got = append(got, fmt.Sprintf("voiceclose %d %s %q reconnect=%s %q %v", c.Code, c.GoName, c.Name, show(c.Reconnect), c.Description, c.Sources))
	}
	for _, in := range spec.Intents {
		got = append(got, fmt.Sprintf("intent %d %s %s privileged=%v %v %v", in.Bit, in.Name, in.GoName, in.Privileged, in.Events, in.Sources))
	}
	want := []string{
		`close 4006 SessionNoLongerValid "Session no longer valid" reconnect=nil "" dep=true rm=true [b.md:6]`,
		`close 4007 InvalidSeq "Invalid seq" reconnect=true "Bad sequence." dep=false rm=false [a.md:11 b.md:5]`,
		`close 4013 InvalidIntents "Invalid intent(s)" reconnect=false "" dep=false rm=false [a.md:10]`,
		`voice 5 SPEAKING Speaking client/server binary=false [a.md:21 b.md:7]`,
		`voice 25 DAVE_MLS_EXTERNAL_SENDER DAVEMLSExternalSender server binary=true [a.md:20]`,
		`voiceclose 4014 Disconnected "Disconnected" reconnect=false "" [a.md:31 b.md:9]`,
		`voiceclose 4017 E2EEDAVEProtocolRequired "E2EE/DAVE protocol required" reconnect=nil "" [a.md:33]`,
		`voiceclose 4021 DisconnectedRateLimited "Disconnected: Rate Limited" reconnect=false "" [a.md:30]`,
		`voiceclose 4022 Disconnected4022 "Disconnected" reconnect=false "The call ended." [a.md:32 b.md:8]`,
		`intent 0 GUILDS Guilds privileged=false [GUILD_CREATE THREAD_MEMBERS_UPDATE] [a.md:41]`,
		`intent 1 GUILD_MEMBERS GuildMembers privileged=true [GUILD_MEMBER_ADD THREAD_MEMBERS_UPDATE GUILD_CREATE] [a.md:40 b.md:12]`,
	}
	if g, w := strings.Join(got, "\n"), strings.Join(want, "\n"); g != w {
		t.Errorf("built:\n%s\nwant:\n%s", g, w)
	}
}

func show(b *bool) string {
	if b == nil {
		return "nil"
	}
	return fmt.Sprint(*b)
}

// Overrides address close codes by the wire form of their name or by
// table and code, which alone can tell apart two codes with one name.
func TestCloseCodeOverrides(t *testing.T) {
	naming, err := NewNaming(nil, map[string]string{
		"INVALID_SEQ":            "BadSeq",
		"voice_close_codes:4022": "CallTerminated",
		"close_codes:4004":       "AuthFailed",
		"GUILD_MEMBERS":          "Members",
		"DAVE_MLS_WELCOME":       "Welcome",
	})
	if err != nil {
		t.Fatal(err)
	}
	doc := &Document{File: "a.md",
		CloseCodes:      []CloseCode{cc("a.md", 1, 4007, "Invalid `seq`", nil, ""), cc("a.md", 2, 4004, "Authentication failed", nil, "")},
		VoiceCloseCodes: []CloseCode{cc("a.md", 3, 4014, "Disconnected", nil, ""), cc("a.md", 4, 4022, "Disconnected", nil, "")},
		VoiceOpcodes:    []VoiceOpcode{vop("a.md", 5, 30, "DAVE_MLS_WELCOME", SenderServer, yes)},
		Intents:         []Intent{intent("a.md", 6, 1, "GUILD_MEMBERS", true)},
	}
	spec, err := Build([]*Document{doc}, naming)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range append(spec.CloseCodes, spec.VoiceCloseCodes...) {
		got = append(got, c.GoName)
	}
	got = append(got, spec.VoiceOpcodes[0].GoName, spec.Intents[0].GoName)
	if g, w := strings.Join(got, " "), "AuthFailed BadSeq Disconnected CallTerminated Welcome Members"; g != w {
		t.Errorf("Go names = %s, want %s", g, w)
	}
	if spec.Intents[0].Events == nil {
		t.Error("an intent without events has nil Events")
	}
	if errs := CheckOverrides(Options{Naming: naming}, spec); errs != nil {
		t.Errorf("CheckOverrides: every override addresses an entry, yet:\n%v", errs)
	}
}

func TestBuildTableErrors(t *testing.T) {
	for _, tt := range []struct {
		name string
		docs []*Document
		want []string
	}{
		{
			name: "close code renamed, name re-coded, reconnect differs",
			docs: []*Document{
				{File: "a.md", CloseCodes: []CloseCode{cc("a.md", 1, 4000, "Unknown error", yes, ""), cc("a.md", 2, 4004, "Authentication failed", no, ""), cc("a.md", 3, 4010, "Invalid shard", no, "")}},
				{File: "b.md", CloseCodes: []CloseCode{cc("b.md", 4, 4000, "Oops", nil, ""), cc("b.md", 5, 4005, "Authentication failed", nil, ""), cc("b.md", 6, 4010, "Invalid shard", yes, "")}},
			},
			want: []string{
				`b.md:4: close code 4000 is "Oops" here but "Unknown error" at a.md:1`,
				`b.md:5: close code "Authentication failed" has code 4005 here but 4004 at a.md:2`,
				`b.md:6: close code "Invalid shard" has reconnect true here but false at a.md:3`,
			},
		},
		{
			name: "duplicate close code in one table; names may repeat",
			docs: []*Document{{File: "a.md", VoiceCloseCodes: []CloseCode{
				cc("a.md", 1, 4014, "Disconnected", nil, ""), cc("a.md", 2, 4014, "Gone", nil, ""), cc("a.md", 3, 4015, "Disconnected", nil, ""),
			}}},
			want: []string{`a.md:2: duplicate voice close code code 4014: "Gone" here, "Disconnected" at a.md:1`},
		},
		{
			name: "voice opcode sender and binary differ",
			docs: []*Document{
				{File: "a.md", VoiceOpcodes: []VoiceOpcode{vop("a.md", 1, 0, "IDENTIFY", SenderClient, no), vop("a.md", 2, 25, "DAVE_MLS_EXTERNAL_SENDER", SenderServer, yes)}},
				{File: "b.md", VoiceOpcodes: []VoiceOpcode{vop("b.md", 3, 0, "IDENTIFY", SenderServer, nil), vop("b.md", 4, 25, "DAVE_MLS_EXTERNAL_SENDER", SenderServer, no)}},
			},
			want: []string{
				"b.md:3: voice opcode IDENTIFY is sent by server here but by client at a.md:1",
				"b.md:4: voice opcode DAVE_MLS_EXTERNAL_SENDER has JSON payloads here but binary at a.md:2",
			},
		},
		{
			name: "intent with two bits, bit with two names, repeated bit",
			docs: []*Document{
				{File: "a.md", Intents: []Intent{intent("a.md", 1, 0, "GUILDS", false), intent("a.md", 2, 1, "GUILD_MEMBERS", true), intent("a.md", 3, 1, "MEMBERS", false)}},
				{File: "b.md", Intents: []Intent{intent("b.md", 4, 2, "GUILDS", false), intent("b.md", 5, 1, "GUILD_USERS", false)}},
			},
			want: []string{
				"a.md:3: duplicate intent bit 1: MEMBERS here, GUILD_MEMBERS at a.md:2",
				"b.md:4: intent GUILDS has bit 2 here but 0 at a.md:1",
				"b.md:5: intent 1 is GUILD_USERS here but GUILD_MEMBERS at a.md:2",
			},
		},
		{
			name: "close code names that make no identifier, or the same one",
			docs: []*Document{{File: "a.md", CloseCodes: []CloseCode{
				cc("a.md", 1, 4000, "4000", nil, ""), cc("a.md", 2, 4001, "Bad request", nil, ""), cc("a.md", 3, 4002, "Bad-Request", nil, ""),
			}}},
			want: []string{
				`a.md:1: close code 4000 name "4000" cannot become a Go identifier: it starts with a digit; name it with --name close_codes:4000=GoName`,
			},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Build(tt.docs, nil)
			var list ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("Build error = %v, want an ErrorList", err)
			}
			if g, w := err.Error(), strings.Join(tt.want, "\n"); g != w {
				t.Errorf("errors:\n%s\nwant:\n%s", g, w)
			}
		})
	}
}

// Without an event table, intents are not checked against one.
func TestIntentsWithoutEvents(t *testing.T) {
	doc := &Document{File: "a.md", Intents: []Intent{intent("a.md", 1, 0, "GUILDS", false, "ANYTHING")}}
	if _, err := Build([]*Document{doc}, nil); err != nil {
		t.Fatal(err)
	}
}

// An intent that lists an event no event table lists (as the official docs'
// intents list events their event table does not have yet) loses the event,
// with a warning at the row that lists it, in either merge policy.
func TestIntentListsUnknownEvent(t *testing.T) {
	docs := func() []*Document {
		return []*Document{
			{File: "a.md", Events: []Event{ev("a.md", 1, "GUILD_CREATE", "")}, Intents: []Intent{intent("a.md", 5, 0, "GUILDS", false, "GUILD_CREATE")}},
			{File: "b.md", Intents: []Intent{func() Intent {
				// A "List of Intents" code block gives each event a line
				// of its own, and the warning points at it.
				in := intent("b.md", 9, 0, "GUILDS", false, "GUILD_CREATE", "GUILD_CRATE")
				in.EventSources = []Source{{File: "b.md", Line: 10}, {File: "b.md", Line: 11}}
				return in
			}()}},
		}
	}
	for _, merge := range []MergePolicy{MergeStrict, MergeFirstWins} {
		spec, warnings, err := BuildWith(docs(), Options{Merge: merge})
		if err != nil {
			t.Fatalf("%v: BuildWith: %v", merge, err)
		}
		want := "b.md:11: intent GUILDS lists the event GUILD_CRATE, which no event table lists; the intent leaves it out"
		if len(warnings) != 1 || warnings[0].String() != want {
			t.Errorf("%v: warnings %v, want [%s]", merge, warnings, want)
		}
		if got := spec.Intents[0].Events; !slices.Equal(got, []string{"GUILD_CREATE"}) {
			t.Errorf("%v: GUILDS enables %v, want [GUILD_CREATE]", merge, got)
		}
	}
}
