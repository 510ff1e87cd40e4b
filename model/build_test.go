package model

import (
	"errors"
	"strings"
	"testing"
)

func op(file string, line, code int, name string, sender Sender, desc string) Opcode {
	return Opcode{Code: code, Entry: Entry{Name: name, Description: desc, Sources: []Source{{File: file, Line: line}}}, SentBy: sender}
}

func ev(file string, line int, name, desc string) Event {
	return Event{Entry: Entry{Name: name, Description: desc, Sources: []Source{{File: file, Line: line}}}}
}

func TestBuildMerges(t *testing.T) {
	a := &Document{File: "a.md",
		Opcodes: []Opcode{
			op("a.md", 4, 10, "HELLO", SenderServer, ""),
			op("a.md", 3, 0, "DISPATCH", SenderServer, "An event was dispatched."),
		},
		Events: []Event{ev("a.md", 9, "READY", ""), ev("a.md", 10, "MESSAGE_CREATE", "Message was created")},
	}
	b := &Document{File: "b.md",
		Opcodes: []Opcode{
			op("b.md", 20, 10, "HELLO", 0, "Sent immediately after connecting."),
			op("b.md", 21, 0, "DISPATCH", 0, "Ignored: a.md came first."),
			{Code: 12, Entry: Entry{Name: "GUILD_SYNC", Deprecated: true, Removed: true, Sources: []Source{{File: "b.md", Line: 22}}}},
		},
		Events: []Event{ev("b.md", 30, "READY", "Contains the initial state"), ev("b.md", 31, "RESUMED", "")},
	}
	spec, err := Build([]*Document{a, b}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(spec.Sources, ","); got != "a.md,b.md" {
		t.Errorf("Sources = %s", got)
	}
	var codes []int
	for _, o := range spec.Opcodes {
		codes = append(codes, o.Code)
	}
	if len(codes) != 3 || codes[0] != 0 || codes[1] != 10 || codes[2] != 12 {
		t.Fatalf("opcodes by code = %v, want [0 10 12]", codes)
	}
	dispatch, hello, sync := spec.Opcodes[0], spec.Opcodes[1], spec.Opcodes[2]
	if dispatch.Description != "An event was dispatched." {
		t.Errorf("DISPATCH description = %q, want the first document's", dispatch.Description)
	}
	if hello.Description != "Sent immediately after connecting." || hello.SentBy != SenderServer {
		t.Errorf("HELLO = %+v; want the description from b.md, the sender from a.md", hello)
	}
	if len(hello.Sources) != 2 || hello.Sources[0].String() != "a.md:4" || hello.Sources[1].String() != "b.md:20" {
		t.Errorf("HELLO sources = %v", hello.Sources)
	}
	if !sync.Deprecated || !sync.Removed || sync.GoName != "GuildSync" {
		t.Errorf("GUILD_SYNC = %+v", sync)
	}
	var names []string
	for _, e := range spec.Events {
		names = append(names, e.Name+"="+e.GoName)
	}
	if got := strings.Join(names, " "); got != "READY=Ready MESSAGE_CREATE=MessageCreate RESUMED=Resumed" {
		t.Errorf("events = %s; want first-appearance order", got)
	}
	if spec.Events[0].Description != "Contains the initial state" || len(spec.Events[0].Sources) != 2 {
		t.Errorf("READY = %+v", spec.Events[0])
	}
}

func TestBuildErrors(t *testing.T) {
	for _, tt := range []struct {
		name string
		docs []*Document
		want []string // one line each, in order
	}{
		{
			name: "duplicate code",
			docs: []*Document{{File: "a.md", Opcodes: []Opcode{
				op("a.md", 3, 1, "HEARTBEAT", 0, ""), op("a.md", 4, 1, "HEARTBEAT_AGAIN", 0, ""),
			}}},
			want: []string{"a.md:4: duplicate opcode code 1: HEARTBEAT_AGAIN here, HEARTBEAT at a.md:3"},
		},
		{
			name: "duplicate opcode name",
			docs: []*Document{{File: "a.md", Opcodes: []Opcode{
				op("a.md", 3, 1, "HEARTBEAT", 0, ""), op("a.md", 7, 2, "HEARTBEAT", 0, ""),
			}}},
			want: []string{"a.md:7: duplicate opcode name HEARTBEAT: code 2 here, code 1 at a.md:3"},
		},
		{
			name: "duplicate event",
			docs: []*Document{{File: "a.md", Events: []Event{ev("a.md", 5, "READY", ""), ev("a.md", 9, "READY", "")}}},
			want: []string{"a.md:9: duplicate event name READY: also at a.md:5"},
		},
		{
			name: "same Go identifier",
			docs: []*Document{{File: "a.md", Events: []Event{
				ev("a.md", 5, "MESSAGE_CREATE", ""), ev("a.md", 6, "MESSAGE__CREATE", ""),
			}}},
			want: []string{"a.md:6: event MESSAGE__CREATE becomes the Go name MessageCreate, as the event at a.md:5 does"},
		},
		{
			name: "conflicting documents",
			docs: []*Document{
				{File: "a.md", Opcodes: []Opcode{op("a.md", 3, 10, "HELLO", SenderServer, ""), op("a.md", 4, 11, "HEARTBEAT_ACK", SenderServer, "")}},
				{File: "b.md", Opcodes: []Opcode{op("b.md", 8, 10, "HI", 0, ""), op("b.md", 9, 11, "HEARTBEAT_ACK", SenderClient, "")}},
			},
			want: []string{
				"b.md:8: opcode 10 is HI here but HELLO at a.md:3",
				"b.md:9: opcode HEARTBEAT_ACK is sent by client here but by server at a.md:4",
			},
		},
		{
			name: "name re-coded",
			docs: []*Document{
				{File: "a.md", Opcodes: []Opcode{op("a.md", 3, 10, "HELLO", 0, "")}},
				{File: "b.md", Opcodes: []Opcode{op("b.md", 5, 12, "HELLO", 0, "")}},
			},
			want: []string{"b.md:5: opcode HELLO has code 12 here but 10 at a.md:3"},
		},
		{
			name: "bad identifiers, all reported",
			docs: []*Document{{File: "a.md", Events: []Event{ev("a.md", 5, "1ST", ""), ev("a.md", 6, "ÉVÉNEMENT", "")}}},
			want: []string{
				`a.md:5: event name "1ST" cannot become a Go identifier: it starts with a digit`,
				`a.md:6: event name "ÉVÉNEMENT" cannot become a Go identifier: character 'É' at offset 0 is not an ASCII letter, digit or underscore`,
			},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Build(tt.docs, nil)
			var list ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("Build error = %v, want an ErrorList", err)
			}
			if got := strings.Split(err.Error(), "\n"); strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("errors:\n%s\nwant:\n%s", err, strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestErrorListCap(t *testing.T) {
	var l ErrorList
	for i := range MaxReported + 5 {
		l.Add(Source{File: "a.md", Line: i + 1}, "bad")
	}
	lines := strings.Split(l.Error(), "\n")
	if len(lines) != MaxReported+1 || lines[MaxReported] != "(and 5 more errors)" {
		t.Errorf("capped list ends %q, has %d lines", lines[len(lines)-1], len(lines))
	}
	if (ErrorList{}).Err() != nil {
		t.Error("empty ErrorList.Err() != nil")
	}
}

func TestSenderText(t *testing.T) {
	for _, s := range []Sender{0, SenderClient, SenderServer, SenderBoth} {
		text, err := s.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back Sender
		if err := back.UnmarshalText(text); err != nil || back != s {
			t.Errorf("%v: round trip gave %v, %v", s, back, err)
		}
	}
	if _, err := Sender(4).MarshalText(); err == nil {
		t.Error("Sender(4).MarshalText succeeded")
	}
}
