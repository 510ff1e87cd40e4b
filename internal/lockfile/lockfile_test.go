package lockfile

import (
	"errors"
	"strings"
	"testing"

	"github.com/gatewaygen/gatewaygen/model"
)

func op(line, code int, name, goName string, sender model.Sender) model.Opcode {
	return model.Opcode{Code: code, Name: name, GoName: goName, SentBy: sender, Sources: []model.Source{{File: "new.md", Line: line}}}
}

func ev(line int, name, goName string) model.Event {
	return model.Event{Name: name, GoName: goName, Sources: []model.Source{{File: "new.md", Line: line}}}
}

// v1 is the spec the lock file was recorded from.
var v1 = &model.Spec{
	Sources: []string{"old.md"},
	Opcodes: []model.Opcode{
		op(3, 0, "DISPATCH", "Dispatch", model.SenderServer),
		op(4, 10, "HELLO", "Hello", model.SenderServer),
		op(5, 12, "GUILD_SYNC", "GuildSync", model.SenderClient),
	},
	Events: []model.Event{
		ev(9, "READY", "Ready"),
		ev(10, "PRESENCES_REPLACE", "PresencesReplace"),
		ev(11, "MESSAGE_CREATE", "MessageCreate"),
		ev(12, "CALL_CREATE", "CallCreate"),
		ev(13, "CALL_DELETE", "CallDelete"),
	},
}

const v1Lock = `{
  "comment": "Maintained by gatewaygen generate --keep-removed: every opcode and event the generated package declares. Entries marked kept are no longer in the docs and stay, deprecated, until dropped with --drop NAME. Do not edit.",
  "version": 1,
  "opcodes": [
    {"code":0,"name":"DISPATCH","go_name":"Dispatch","sent_by":"server"},
    {"code":10,"name":"HELLO","go_name":"Hello","sent_by":"server"},
    {"code":12,"name":"GUILD_SYNC","go_name":"GuildSync","sent_by":"client"}
  ],
  "events": [
    {"value":1,"name":"READY","go_name":"Ready"},
    {"value":2,"name":"PRESENCES_REPLACE","go_name":"PresencesReplace"},
    {"value":3,"name":"MESSAGE_CREATE","go_name":"MessageCreate"},
    {"value":4,"name":"CALL_CREATE","go_name":"CallCreate"},
    {"value":5,"name":"CALL_DELETE","go_name":"CallDelete"}
  ]
}
`

func TestRecord(t *testing.T) {
	got := string(Record("lock.json", v1).Marshal())
	if got != v1Lock {
		t.Errorf("Marshal:\n%s\nwant:\n%s", got, v1Lock)
	}
	f, err := Parse("lock.json", []byte(got))
	if err != nil {
		t.Fatal(err)
	}
	if again := string(f.Marshal()); again != got {
		t.Errorf("Parse then Marshal changed the file:\n%s", again)
	}
	if f.Opcodes[2].line != 7 || f.Events[4].line != 14 {
		t.Errorf("lines: GUILD_SYNC at %d, CALL_DELETE at %d; want 7 and 14", f.Opcodes[2].line, f.Events[4].line)
	}
	empty := string(Record("lock.json", &model.Spec{}).Marshal())
	if !strings.Contains(empty, `"opcodes": [],`+"\n"+`  "events": []`+"\n}") {
		t.Errorf("empty lock file:\n%s", empty)
	}
	if _, err := Parse("lock.json", []byte(empty)); err != nil {
		t.Errorf("reading an empty lock file: %v", err)
	}
}

// names lists a spec's entries as NAME or NAME* for a kept one, events
// with their value.
func names(spec *model.Spec) string {
	var b strings.Builder
	for _, o := range spec.Opcodes {
		b.WriteString(o.Name)
		if o.Kept {
			b.WriteString("*")
		}
		b.WriteString(" ")
	}
	b.WriteString("|")
	for i, e := range spec.Events {
		b.WriteString(" ")
		b.WriteString(e.Name)
		if e.Kept {
			b.WriteString("*")
		}
		b.WriteString("=")
		b.WriteString(string(rune('0' + i + 1)))
	}
	return b.String()
}

func TestKeep(t *testing.T) {
	lock, err := Parse("gen/lock.json", []byte(v1Lock))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		spec *model.Spec
		drop []string
		want string
	}{
		{
			name: "nothing removed",
			spec: v1,
			want: "DISPATCH HELLO GUILD_SYNC | READY=1 PRESENCES_REPLACE=2 MESSAGE_CREATE=3 CALL_CREATE=4 CALL_DELETE=5",
		},
		{
			// The kept events keep their values: nothing is renumbered.
			name: "removed entries are kept in place",
			spec: &model.Spec{
				Opcodes: []model.Opcode{op(3, 0, "DISPATCH", "Dispatch", model.SenderServer), op(4, 10, "HELLO", "Hello", model.SenderServer)},
				Events:  []model.Event{ev(9, "READY", "Ready"), ev(11, "MESSAGE_CREATE", "MessageCreate")},
			},
			want: "DISPATCH HELLO GUILD_SYNC* | READY=1 PRESENCES_REPLACE*=2 MESSAGE_CREATE=3 CALL_CREATE*=4 CALL_DELETE*=5",
		},
		{
			name: "new entries take their spec places",
			spec: &model.Spec{
				Opcodes: []model.Opcode{op(3, 0, "DISPATCH", "Dispatch", model.SenderServer), op(4, 10, "HELLO", "Hello", model.SenderServer), op(5, 31, "SOUNDS", "Sounds", 0)},
				Events:  []model.Event{ev(8, "RESUMED", "Resumed"), ev(9, "READY", "Ready"), ev(11, "MESSAGE_CREATE", "MessageCreate"), ev(12, "MESSAGE_DELETE", "MessageDelete")},
			},
			want: "DISPATCH HELLO GUILD_SYNC* SOUNDS | RESUMED=1 READY=2 PRESENCES_REPLACE*=3 MESSAGE_CREATE=4 CALL_CREATE*=5 CALL_DELETE*=6 MESSAGE_DELETE=7",
		},
		{
			name: "dropped entries go",
			spec: &model.Spec{
				Opcodes: []model.Opcode{op(3, 0, "DISPATCH", "Dispatch", model.SenderServer), op(4, 10, "HELLO", "Hello", model.SenderServer)},
				Events:  []model.Event{ev(9, "READY", "Ready"), ev(11, "MESSAGE_CREATE", "MessageCreate")},
			},
			drop: []string{"GUILD_SYNC", "CALL_CREATE"},
			want: "DISPATCH HELLO | READY=1 PRESENCES_REPLACE*=2 MESSAGE_CREATE=3 CALL_DELETE*=4",
		},
		{
			name: "kept at the start",
			spec: &model.Spec{Events: []model.Event{ev(11, "MESSAGE_CREATE", "MessageCreate")}},
			want: "DISPATCH* HELLO* GUILD_SYNC* | READY*=1 PRESENCES_REPLACE*=2 MESSAGE_CREATE=3 CALL_CREATE*=4 CALL_DELETE*=5",
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			before := names(tt.spec)
			got, err := lock.Keep(tt.spec, tt.drop)
			if err != nil {
				t.Fatal(err)
			}
			if s := names(got); s != tt.want {
				t.Errorf("got  %s\nwant %s", s, tt.want)
			}
			if names(tt.spec) != before {
				t.Error("Keep modified its argument")
			}
		})
	}
}

func TestKeptEntry(t *testing.T) {
	lock, err := Parse("gen/lock.json", []byte(v1Lock))
	if err != nil {
		t.Fatal(err)
	}
	got, err := lock.Keep(&model.Spec{Opcodes: v1.Opcodes[:2], Events: v1.Events[:1]}, nil)
	if err != nil {
		t.Fatal(err)
	}
	sync := got.Opcodes[2]
	if sync.Code != 12 || sync.GoName != "GuildSync" || sync.SentBy != model.SenderClient || !sync.Deprecated || !sync.Kept || sync.Removed {
		t.Errorf("kept opcode = %+v", sync)
	}
	if len(sync.Sources) != 1 || sync.Sources[0].String() != "gen/lock.json:7" {
		t.Errorf("kept opcode sources = %v, want its line in the lock file", sync.Sources)
	}
	if ev := got.Events[1]; ev.Name != "PRESENCES_REPLACE" || !ev.Kept || !ev.Deprecated || ev.Sources[0].String() != "gen/lock.json:11" {
		t.Errorf("kept event = %+v", ev)
	}
	// Recording the kept spec keeps them, marked.
	rec := string(Record("gen/lock.json", got).Marshal())
	for _, want := range []string{
		`{"code":12,"name":"GUILD_SYNC","go_name":"GuildSync","sent_by":"client","kept":true}`,
		`{"value":2,"name":"PRESENCES_REPLACE","go_name":"PresencesReplace","kept":true}`,
		`{"value":1,"name":"READY","go_name":"Ready"}`,
	} {
		if !strings.Contains(rec, want) {
			t.Errorf("recorded lock lacks %s:\n%s", want, rec)
		}
	}
	// An entry the docs list again is no longer kept.
	back, err := Parse("gen/lock.json", []byte(rec))
	if err != nil {
		t.Fatal(err)
	}
	again, err := back.Keep(v1, nil)
	if err != nil {
		t.Fatal(err)
	}
	if s := string(Record("gen/lock.json", again).Marshal()); s != v1Lock {
		t.Errorf("entries listed again are still kept:\n%s", s)
	}
}

func TestKeepErrors(t *testing.T) {
	lock, err := Parse("gen/lock.json", []byte(v1Lock))
	if err != nil {
		t.Fatal(err)
	}
	base := v1.Opcodes[:2]
	for _, tt := range []struct {
		name string
		spec *model.Spec
		drop []string
		want string
	}{
		{
			name: "code taken by another name",
			spec: &model.Spec{Opcodes: append(base[:2:2], op(6, 12, "GUILD_SUBSCRIPTIONS", "GuildSubscriptions", 0))},
			want: "new.md:6: opcode 12 is GUILD_SUBSCRIPTIONS here, but the lock file keeps GUILD_SYNC, which the docs no longer list, at that code (gen/lock.json:7); " +
				"drop it with --drop GUILD_SYNC (and keep its Go name with --name GUILD_SUBSCRIPTIONS=GuildSync if you like)",
		},
		{
			name: "Go name taken",
			spec: &model.Spec{Opcodes: base, Events: []model.Event{ev(20, "READY", "Ready"), ev(21, "CALL_CREATED", "CallCreate")}},
			want: "new.md:21: this event has the Go name CallCreate, which the lock file keeps for CALL_CREATE, which the docs no longer list (gen/lock.json:13); drop it with --drop CALL_CREATE, or choose another name with --name",
		},
		{
			name: "drop a listed entry",
			spec: v1,
			drop: []string{"HELLO"},
			want: "--drop HELLO: the docs still list HELLO; --drop only removes entries they no longer list",
		},
		{
			name: "drop a typo",
			spec: &model.Spec{Opcodes: base},
			drop: []string{"GUILD_SYNCH"},
			want: "--drop GUILD_SYNCH: gen/lock.json keeps no entry named GUILD_SYNCH",
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := lock.Keep(tt.spec, tt.drop)
			if err == nil || err.Error() != tt.want {
				t.Errorf("error:\n%v\nwant:\n%s", err, tt.want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	entryLines := func(opcodes, events string) string {
		return "{\n  \"version\": 1,\n  \"opcodes\": [\n" + opcodes + "\n  ],\n  \"events\": [\n" + events + "\n  ]\n}\n"
	}
	good := `    {"code":0,"name":"DISPATCH","go_name":"Dispatch","sent_by":"server"}`
	for _, tt := range []struct {
		name, src string
		want      []string
	}{
		{"not JSON", "{\n  \"version\": 1,\n  oops\n}", []string{"lock.json:3: invalid lock file: invalid character 'o' looking for beginning of object key string"}},
		{"truncated", "{\n  \"version\": 1,\n  \"opcodes\": [\n", []string{"lock.json:4: invalid lock file: unexpected end of file"}},
		{"wrong version", "{\n  \"version\": 2\n}\n", []string{"lock.json:1: lock file version 2; this gatewaygen reads version 1"}},
		{"unknown top-level field", "{\n  \"version\": 1,\n  \"extra\": 3\n}\n", []string{`lock.json:3: invalid lock file: unknown field "extra"`}},
		{"unknown entry field", entryLines(good+",\n    {\"code\":1,\"name\":\"HEARTBEAT\",\"go_name\":\"Heartbeat\",\"colour\":\"red\"}", ""),
			[]string{`lock.json:5: invalid lock file: unknown field "colour"`}},
		{"wrong type", entryLines(`    {"code":"zero","name":"DISPATCH","go_name":"Dispatch"}`, ""),
			[]string{"lock.json:4: invalid lock file: code: want int, found a JSON string"}},
		{"bad sender", entryLines(`    {"code":0,"name":"DISPATCH","go_name":"Dispatch","sent_by":"nobody"}`, ""),
			[]string{`lock.json:4: invalid lock file: invalid sender "nobody"`}},
		{"trailing data", "{\"version\": 1}\n{}\n", []string{"lock.json:2: unexpected data after the lock file's object"}},
		{"bad entries, all reported", entryLines(good+",\n"+good+",\n    {\"code\":-1,\"name\":\"\",\"go_name\":\"lower\"}",
			`    {"value":1,"name":"READY","go_name":"Ready"},`+"\n"+`    {"value":1,"name":"RESUMED","go_name":"Ready"}`),
			[]string{
				"lock.json:5: opcode DISPATCH is also at line 4",
				"lock.json:5: opcode Go name Dispatch is also at line 4",
				"lock.json:5: opcode code 0 is also at line 4",
				"lock.json:6: opcode without a name",
				`lock.json:6: opcode : go_name "lower" is not an exported Go identifier`,
				"lock.json:6: opcode : negative code -1",
				"lock.json:10: event Go name Ready is also at line 9",
				"lock.json:10: event value 1 is also at line 9",
			}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("lock.json", []byte(tt.src))
			var list model.ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("error = %v, want an ErrorList", err)
			}
			if got := err.Error(); got != strings.Join(tt.want, "\n") {
				t.Errorf("errors:\n%s\nwant:\n%s", got, strings.Join(tt.want, "\n"))
			}
		})
	}
}
