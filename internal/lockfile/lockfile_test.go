package lockfile

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/gatewaygen/gatewaygen/model"
)

func op(line, code int, name, goName string, sender model.Sender) model.Opcode {
	return model.Opcode{Code: code, Entry: model.Entry{Name: name, GoName: goName, Sources: []model.Source{{File: "new.md", Line: line}}}, SentBy: sender}
}

func ev(line int, name, goName string) model.Event {
	return model.Event{Entry: model.Entry{Name: name, GoName: goName, Sources: []model.Source{{File: "new.md", Line: line}}}}
}

// v1 is the spec the lock file was recorded from, its events numbered as
// model.Build numbers them.
var v1 = numbered(&model.Spec{
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
})

func numbered(spec *model.Spec) *model.Spec {
	for i := range spec.Events {
		spec.Events[i].Value = i + 1
	}
	return spec
}

const v1Lock = `{
  "comment": "Maintained by gatewaygen generate --keep-removed: every entry of every table the generated package declares. Entries marked kept are no longer in the docs and stay, deprecated, until dropped with --drop NAME. Do not edit.",
  "version": 2,
  "highest_event_value": 5,
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
	got := string((&File{Path: "lock.json"}).Record(v1).Marshal())
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
	if f.Opcodes[2].line != 8 || f.Events[4].line != 15 {
		t.Errorf("lines: GUILD_SYNC at %d, CALL_DELETE at %d; want 8 and 15", f.Opcodes[2].line, f.Events[4].line)
	}
	empty := string((&File{Path: "lock.json"}).Record(&model.Spec{}).Marshal())
	if !strings.Contains(empty, `"opcodes": [],`+"\n"+`  "events": []`+"\n}") {
		t.Errorf("empty lock file:\n%s", empty)
	}
	if _, err := Parse("lock.json", []byte(empty)); err != nil {
		t.Errorf("reading an empty lock file: %v", err)
	}
}

// names lists a spec's entries as NAME or NAME* for a kept one, opcodes
// with their aliases in brackets, events with their value.
func names(spec *model.Spec) string {
	var b strings.Builder
	for _, o := range spec.Opcodes {
		b.WriteString(o.Name)
		if o.Kept {
			b.WriteString("*")
		}
		for _, a := range o.Aliases {
			fmt.Fprintf(&b, "[%s=%s]", a.Name, a.GoName)
		}
		b.WriteString(" ")
	}
	b.WriteString("|")
	for _, e := range spec.Events {
		b.WriteString(" ")
		b.WriteString(e.Name)
		if e.Kept {
			b.WriteString("*")
		}
		fmt.Fprintf(&b, "=%d", e.Value)
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
			// New events take the next values, in spec order, wherever
			// the docs put them: no event is renumbered.
			name: "new entries take the next values",
			spec: &model.Spec{
				Opcodes: []model.Opcode{op(3, 0, "DISPATCH", "Dispatch", model.SenderServer), op(4, 10, "HELLO", "Hello", model.SenderServer), op(5, 31, "SOUNDS", "Sounds", 0)},
				Events:  []model.Event{ev(8, "RESUMED", "Resumed"), ev(9, "READY", "Ready"), ev(11, "MESSAGE_CREATE", "MessageCreate"), ev(12, "MESSAGE_DELETE", "MessageDelete")},
			},
			want: "DISPATCH HELLO GUILD_SYNC* SOUNDS | READY=1 PRESENCES_REPLACE*=2 MESSAGE_CREATE=3 CALL_CREATE*=4 CALL_DELETE*=5 RESUMED=6 MESSAGE_DELETE=7",
		},
		{
			// A dropped event's value is not given to another.
			name: "dropped entries go",
			spec: &model.Spec{
				Opcodes: []model.Opcode{op(3, 0, "DISPATCH", "Dispatch", model.SenderServer), op(4, 10, "HELLO", "Hello", model.SenderServer)},
				Events:  []model.Event{ev(9, "READY", "Ready"), ev(11, "MESSAGE_CREATE", "MessageCreate")},
			},
			drop: []string{"GUILD_SYNC", "CALL_CREATE"},
			want: "DISPATCH HELLO | READY=1 PRESENCES_REPLACE*=2 MESSAGE_CREATE=3 CALL_DELETE*=5",
		},
		{
			// The docs rename opcode 12: its old name stays as an alias,
			// positioned at the lock file's line.
			name: "renamed opcode",
			spec: &model.Spec{Opcodes: []model.Opcode{op(3, 0, "DISPATCH", "Dispatch", model.SenderServer), op(4, 10, "HELLO", "Hello", model.SenderServer), op(6, 12, "GUILD_SUBSCRIPTIONS", "GuildSubscriptions", model.SenderClient)}},
			want: "DISPATCH HELLO GUILD_SUBSCRIPTIONS[GUILD_SYNC=GuildSync] | READY*=1 PRESENCES_REPLACE*=2 MESSAGE_CREATE*=3 CALL_CREATE*=4 CALL_DELETE*=5",
		},
		{
			name: "renamed opcode, old name dropped",
			spec: &model.Spec{Opcodes: []model.Opcode{op(3, 0, "DISPATCH", "Dispatch", model.SenderServer), op(4, 10, "HELLO", "Hello", model.SenderServer), op(6, 12, "GUILD_SUBSCRIPTIONS", "GuildSubscriptions", model.SenderClient)}},
			drop: []string{"GUILD_SYNC"},
			want: "DISPATCH HELLO GUILD_SUBSCRIPTIONS | READY*=1 PRESENCES_REPLACE*=2 MESSAGE_CREATE*=3 CALL_CREATE*=4 CALL_DELETE*=5",
		},
		{
			// --name gave the new name the old Go name: nothing to alias.
			name: "renamed opcode keeping its Go name",
			spec: &model.Spec{Opcodes: []model.Opcode{op(3, 0, "DISPATCH", "Dispatch", model.SenderServer), op(4, 10, "HELLO", "Hello", model.SenderServer), op(6, 12, "GUILD_SUBSCRIPTIONS", "GuildSync", model.SenderClient)}},
			want: "DISPATCH HELLO GUILD_SUBSCRIPTIONS | READY*=1 PRESENCES_REPLACE*=2 MESSAGE_CREATE*=3 CALL_CREATE*=4 CALL_DELETE*=5",
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
	if len(sync.Sources) != 1 || sync.Sources[0].String() != "gen/lock.json:8" {
		t.Errorf("kept opcode sources = %v, want its line in the lock file", sync.Sources)
	}
	if ev := got.Events[1]; ev.Name != "PRESENCES_REPLACE" || !ev.Kept || !ev.Deprecated || ev.Sources[0].String() != "gen/lock.json:12" {
		t.Errorf("kept event = %+v", ev)
	}
	// Recording the kept spec keeps them, marked.
	rec := string(lock.Record(got).Marshal())
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
	if s := string(back.Record(again).Marshal()); s != v1Lock {
		t.Errorf("entries listed again are still kept:\n%s", s)
	}
}

func TestKeepErrors(t *testing.T) {
	lock, err := Parse("gen/lock.json", []byte(strings.Replace(v1Lock, `"sent_by":"client"}`, `"sent_by":"client","kept":true}`, 1)))
	if err != nil {
		t.Fatal(err)
	}
	base := v1.Opcodes[:2]
	for _, tt := range []struct {
		name string
		spec *model.Spec
		drop []string
		want string
		fix  Error // Drop, Wire, KeepGoName, Rename
	}{
		{
			// GUILD_SYNC was dropped from the docs earlier and is kept:
			// a new name at its code is not a rename of a listed opcode.
			name: "code of a kept opcode taken",
			spec: &model.Spec{Opcodes: append(base[:2:2], op(6, 12, "GUILD_SUBSCRIPTIONS", "GuildSubscriptions", 0))},
			want: "new.md:6: opcode 12 is GUILD_SUBSCRIPTIONS here, but the lock file keeps GUILD_SYNC at that code (gen/lock.json:8), which the docs had already dropped: " +
				"a new opcode cannot take the code of one the package still declares",
			fix: Error{Drop: "GUILD_SYNC", Wire: "GUILD_SUBSCRIPTIONS", KeepGoName: "GuildSync"},
		},
		{
			name: "Go name taken",
			spec: &model.Spec{Opcodes: base, Events: []model.Event{ev(20, "READY", "Ready"), ev(21, "CALL_CREATED", "CallCreate")}},
			want: "new.md:21: this event has the Go name CallCreate, which the lock file keeps for CALL_CREATE, which the docs no longer list (gen/lock.json:14)",
			fix:  Error{Drop: "CALL_CREATE", Rename: true},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := lock.Keep(tt.spec, tt.drop)
			var list ErrorList
			if !errors.As(err, &list) || len(list) != 1 {
				t.Fatalf("error = %v, want an ErrorList of one", err)
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("error:\n%v\nwant:\n%s", got, tt.want)
			}
			if e := list[0]; e.Drop != tt.fix.Drop || e.Wire != tt.fix.Wire || e.KeepGoName != tt.fix.KeepGoName || e.Rename != tt.fix.Rename {
				t.Errorf("fix %+v, want %+v", *e, tt.fix)
			}
		})
	}
	for _, tt := range []struct {
		drop string
		spec *model.Spec
		want string
	}{
		{"HELLO", v1, "the docs still list HELLO; only entries they no longer list can be dropped"},
		{"GUILD_SYNCH", &model.Spec{Opcodes: base}, "gen/lock.json keeps no entry named GUILD_SYNCH"},
	} {
		_, err := lock.Keep(tt.spec, []string{tt.drop})
		var de *DropError
		if !errors.As(err, &de) || de.Name != tt.drop || err.Error() != tt.want {
			t.Errorf("drop %s: error %v, want a DropError %q", tt.drop, err, tt.want)
		}
	}
	// No message names a command-line flag: the caller adds its own.
	for _, err := range []error{&Error{Msg: "x"}, &DropError{Name: "A"}, &DropError{Name: "A", Listed: true}} {
		if strings.Contains(err.Error(), "--") {
			t.Errorf("%q names a flag", err)
		}
	}
}

// TestAliases follows opcode 12 through two renames, then drops an old
// name: the lock file remembers the aliases from one run to the next.
func TestAliases(t *testing.T) {
	lock, err := Parse("gen/lock.json", []byte(v1Lock))
	if err != nil {
		t.Fatal(err)
	}
	ops := func(name, goName string) *model.Spec {
		return &model.Spec{Opcodes: []model.Opcode{op(3, 0, "DISPATCH", "Dispatch", model.SenderServer), op(4, 10, "HELLO", "Hello", model.SenderServer), op(6, 12, name, goName, model.SenderClient)}, Events: v1.Events}
	}
	step := func(lock *File, spec *model.Spec, drop []string, want string) *File {
		t.Helper()
		got, err := lock.Keep(spec, drop)
		if err != nil {
			t.Fatal(err)
		}
		if s := names(got); s != want {
			t.Errorf("got  %s\nwant %s", s, want)
		}
		next, err := Parse(lock.Path, lock.Record(got).Marshal())
		if err != nil {
			t.Fatal(err)
		}
		return next
	}
	events := " | READY=1 PRESENCES_REPLACE=2 MESSAGE_CREATE=3 CALL_CREATE=4 CALL_DELETE=5"
	lock = step(lock, ops("GUILD_SUBSCRIPTIONS", "GuildSubscriptions"), nil, "DISPATCH HELLO GUILD_SUBSCRIPTIONS[GUILD_SYNC=GuildSync]"+events)
	if s := string(lock.Marshal()); !strings.Contains(s, `{"code":12,"name":"GUILD_SUBSCRIPTIONS","go_name":"GuildSubscriptions","sent_by":"client","aliases":[{"name":"GUILD_SYNC","go_name":"GuildSync"}]}`) {
		t.Errorf("the lock file does not record the alias:\n%s", s)
	}
	// Unchanged docs keep the alias.
	lock = step(lock, ops("GUILD_SUBSCRIPTIONS", "GuildSubscriptions"), nil, "DISPATCH HELLO GUILD_SUBSCRIPTIONS[GUILD_SYNC=GuildSync]"+events)
	lock = step(lock, ops("LAZY_REQUEST", "LazyRequest"), nil, "DISPATCH HELLO LAZY_REQUEST[GUILD_SUBSCRIPTIONS=GuildSubscriptions][GUILD_SYNC=GuildSync]"+events)
	if got, _ := lock.Keep(ops("LAZY_REQUEST", "LazyRequest"), nil); got.Opcodes[2].Aliases[1].Source.String() != "gen/lock.json:8" {
		t.Errorf("alias source = %v, want the lock file's line", got.Opcodes[2].Aliases[1].Source)
	}
	lock = step(lock, ops("LAZY_REQUEST", "LazyRequest"), []string{"GUILD_SYNC"}, "DISPATCH HELLO LAZY_REQUEST[GUILD_SUBSCRIPTIONS=GuildSubscriptions]"+events)
	// The docs go back to an old name: it is no longer an alias.
	step(lock, ops("GUILD_SUBSCRIPTIONS", "GuildSubscriptions"), nil, "DISPATCH HELLO GUILD_SUBSCRIPTIONS[LAZY_REQUEST=LazyRequest]"+events)

	// An alias's Go name given to another opcode is a clash to resolve.
	spec := ops("LAZY_REQUEST", "LazyRequest")
	spec.Opcodes = append(spec.Opcodes, op(7, 40, "GUILD_SUBS", "GuildSubscriptions", 0))
	_, err = lock.Keep(spec, nil)
	if want := "new.md:7: this opcode has the Go name GuildSubscriptions, which the lock file keeps for GUILD_SUBSCRIPTIONS, an earlier name of opcode 12 (gen/lock.json:8)"; err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
}

// A lock file of version 1, before aliases and the highest event value,
// still reads, its highest value taken from its events.
func TestVersion1(t *testing.T) {
	old := strings.Replace(v1Lock, "\"version\": 2,\n  \"highest_event_value\": 5,", "\"version\": 1,", 1)
	lock, err := Parse("gen/lock.json", []byte(old))
	if err != nil {
		t.Fatal(err)
	}
	if lock.HighestEventValue != 5 {
		t.Errorf("HighestEventValue = %d, want 5", lock.HighestEventValue)
	}
	got, err := lock.Keep(v1, nil)
	if err != nil {
		t.Fatal(err)
	}
	if s := string(lock.Record(got).Marshal()); s != v1Lock {
		t.Errorf("rewritten as:\n%s", s)
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
		{"wrong version", "{\n  \"version\": 3\n}\n", []string{"lock.json:1: lock file version 3; this gatewaygen reads versions 1 to 2"}},
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
