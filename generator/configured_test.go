package generator_test

import (
	"testing"

	"github.com/gatewaygen/gatewaygen/generator"
	"github.com/gatewaygen/gatewaygen/model"
)

// A configured fixture is a package generated from a spec with settings of
// a library's: its golden file, and its tests, which run in the package.
type configured struct {
	pkg   string
	spec  func() *model.Spec
	cfg   generator.Config
	files map[string]string // written beside the generated files: tests, and a library's own declarations
}

// configuredFixtures are the packages a library would generate: the
// issue's example config, with events as strings and intents as disgo has
// them, and a package of intents alone.
func configuredFixtures() []configured {
	return []configured{
		{
			pkg:  "library",
			spec: librarySpec,
			cfg: generator.Config{
				Package: "library",
				Tables: map[string]generator.TableConfig{
					"opcodes":     {Type: "Opcode"},
					"events":      {Type: "EventType", Prefix: "EventType", Representation: "string"},
					"intents":     {Type: "Intents", Prefix: "Intent", Underlying: "int64", List: "AllIntents"},
					"close_codes": {Type: "CloseCode"},
				},
				Only: []string{"opcodes", "events", "intents", "close_codes"},
			},
			files: map[string]string{"own.go": libraryOwn, "library_test.go": libraryTest},
		},
		{
			pkg:  "intentsonly",
			spec: protocolSpec,
			cfg: generator.Config{
				Package:      "intentsonly",
				Tables:       map[string]generator.TableConfig{"intents": {Type: "Intents", Prefix: "Intent", Underlying: "uint32", List: "AllIntents"}},
				Only:         []string{"intents"},
				NoPackageDoc: true,
			},
			files: map[string]string{"doc.go": intentsOnlyDoc, "intents_test.go": intentsOnlyTest},
		},
	}
}

// librarySpec is protocolSpec with an event whose name is longer than the
// key of a name (24 bytes), and an intent that enables it.
func librarySpec() *model.Spec {
	spec := protocolSpec()
	at := []model.Source{{File: "protocol.md", Line: 12}}
	spec.Events = append(spec.Events, model.Event{Entry: model.Entry{Name: "GUILD_SCHEDULED_EVENT_USER_REMOVE", GoName: "GuildScheduledEventUserRemove", Sources: at}, Value: 6})
	spec.Intents = append(spec.Intents, model.Intent{Bit: 16, Entry: model.Entry{Name: "GUILD_SCHEDULED_EVENTS", GoName: "GuildScheduledEvents", Sources: at}, Events: []string{"GUILD_SCHEDULED_EVENT_USER_REMOVE"}})
	return spec
}

// generateSyntheticStrings generates the synthetic spec, too large for a
// perfect hash table, with events as strings: their info method is a
// switch.
func generateSyntheticStrings(t *testing.T) []generator.File {
	t.Helper()
	files, err := generator.Generate(buildSpec(t, "synthetic.md", synthetic()), generator.Config{
		Package: "syntheticstrings",
		Tables:  map[string]generator.TableConfig{"events": {Type: "EventType", Representation: "string"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// syntheticStringsTest runs in the package of generateSyntheticStrings.
const syntheticStringsTest = `package syntheticstrings

import "testing"

func TestSwitch(t *testing.T) {
	known := map[EventType]bool{}
	for _, e := range EventTypes() {
		if !e.IsKnown() || known[e] {
			t.Errorf("%q: IsKnown %v", e, e.IsKnown())
		}
		known[e] = true
	}
	for _, e := range []EventType{"", "UNKNOWN_EVENT", EventTypes()[0] + "_"} {
		if e.IsKnown() || e.Description() != "" {
			t.Errorf("%q: IsKnown", e)
		}
	}
	if len(known) < 2000 {
		t.Errorf("%d events", len(known))
	}
}
`

func (c configured) generate(t *testing.T) []generator.File {
	t.Helper()
	files, err := generator.Generate(c.spec(), c.cfg)
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestConfiguredGolden is TestGolden for the configured fixtures.
func TestConfiguredGolden(t *testing.T) {
	for _, c := range configuredFixtures() {
		t.Run(c.pkg, func(t *testing.T) {
			checkGolden(t, "testdata/"+c.pkg+".golden", archive(c.generate(t)))
		})
	}
}

// libraryOwn is what a library keeps by hand beside the generated files
// of its package, as disgo has them: pseudo-events of type EventType, and
// groups of intents of its own.
const libraryOwn = `package library

// The library's pseudo-events: not events of the Gateway, but names under
// which it passes on payloads of its own.
const (
	EventTypeRaw          EventType = "__RAW__"
	EventTypeHeartbeatAck EventType = "__HEARTBEAT_ACK__"
)

// IntentsGuild groups the intents of guild events, a group of the
// library's own.
const IntentsGuild = IntentGuilds | IntentGuildMembers | IntentGuildMessages

// IntentsDefault is the library's default.
const IntentsDefault = IntentsNone

// kind is code of the library's that switches over event types, its own
// included.
func kind(e EventType) string {
	switch e {
	case EventTypeRaw, EventTypeHeartbeatAck:
		return "own"
	case EventTypeReady:
		return "ready"
	}
	if e.IsKnown() {
		return "known"
	}
	return "unknown"
}
`

// libraryTest runs in the library fixture: the whole API of events as
// strings and of intents as a library has them.
const libraryTest = `package library

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestEventTypes(t *testing.T) {
	want := []EventType{"READY", "MESSAGE_CREATE", "GUILD_MEMBER_ADD", "GUILD_CREATE", "GUILD_SCHEDULED_EVENT_USER_REMOVE"}
	if got := EventTypes(); !slices.Equal(got, want) {
		t.Errorf("EventTypes() = %q", got)
	}
	if EventTypeReady != "READY" || EventTypeGuildScheduledEventUserRemove != "GUILD_SCHEDULED_EVENT_USER_REMOVE" {
		t.Error("constants are not their wire names")
	}
	for _, tt := range []struct {
		e           EventType
		known       bool
		description string
		intents     Intents
		kind        string
	}{
		{EventTypeReady, true, "", 0, "ready"},
		{EventTypeMessageCreate, true, "A message was sent.", IntentGuildMessages | IntentDirectMessages, "known"},
		{EventTypeGuildCreate, true, "", IntentGuilds, "known"},
		{EventTypeGuildScheduledEventUserRemove, true, "", IntentGuildScheduledEvents, "known"},
		{EventTypeRaw, false, "", 0, "own"},
		{EventTypeHeartbeatAck, false, "", 0, "own"},
		{"FUTURE_EVENT", false, "", 0, "unknown"},
		{"", false, "", 0, "unknown"},
	} {
		if tt.e.IsKnown() != tt.known || tt.e.Description() != tt.description || tt.e.Intents() != tt.intents || kind(tt.e) != tt.kind || tt.e.String() != string(tt.e) {
			t.Errorf("%q: IsKnown %v, Description %q, Intents %v, kind %q", tt.e, tt.e.IsKnown(), tt.e.Description(), tt.e.Intents(), kind(tt.e))
		}
	}
	if got := IntentsFor(EventTypeMessageCreate, EventTypeGuildCreate, EventTypeReady, EventTypeRaw); got != IntentGuildMessages|IntentDirectMessages|IntentGuilds {
		t.Errorf("IntentsFor = %v", got)
	}
	if got := (IntentGuilds | IntentGuildMembers | IntentGuildScheduledEvents).EventTypes(); !slices.Equal(got, []EventType{EventTypeGuildMemberAdd, EventTypeGuildCreate, EventTypeGuildScheduledEventUserRemove}) {
		t.Errorf("Intents.EventTypes = %q", got)
	}
}

// TestEventTypeJSON checks that any name round-trips, known or not, as a
// plain string type does.
func TestEventTypeJSON(t *testing.T) {
	type payload struct {
		T EventType ` + "`json:\"t\"`" + `
	}
	for _, e := range []EventType{EventTypeReady, EventTypeRaw, "FUTURE_EVENT", ""} {
		text, err := json.Marshal(payload{e})
		if err != nil {
			t.Fatal(err)
		}
		var back payload
		if err := json.Unmarshal(text, &back); err != nil || back.T != e || string(text) != ` + "`{\"t\":`" + `+strconvQuote(string(e))+"}" {
			t.Errorf("%q: %s gave %q, %v", e, text, back.T, err)
		}
	}
}

func strconvQuote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// TestEventTypeNearMisses checks that IsKnown knows every event and
// nothing else: not a name that differs from one in a byte (for names
// longer than a key, bytes the key does not hold), a prefix, an extension,
// another case. Names are copies, as decoded names are.
func TestEventTypeNearMisses(t *testing.T) {
	known := map[EventType]bool{}
	for _, e := range EventTypes() {
		known[e] = true
	}
	check := func(name string) {
		e := EventType(strings.Clone(name))
		if e.IsKnown() != known[e] {
			t.Errorf("%q.IsKnown() = %v", e, e.IsKnown())
		}
	}
	for e := range known {
		name := string(e)
		check(name)
		check(name[:len(name)-1])
		check(name + "_")
		check(strings.ToLower(name))
		for i := range len(name) {
			b := []byte(name)
			b[i] ^= 1
			check(string(b))
		}
	}
}

func TestIntents(t *testing.T) {
	if reflect.TypeOf(IntentsAll).Kind() != reflect.Int64 {
		t.Errorf("Intents is a %v", reflect.TypeOf(IntentsAll).Kind())
	}
	if got := AllIntents(); len(got) != 6 || got[0] != IntentGuilds || got[5] != IntentGuildScheduledEvents {
		t.Errorf("AllIntents() = %v", got)
	}
	if IntentsPrivileged != IntentGuildMembers|IntentMessageContent || IntentsNonPrivileged|IntentsPrivileged != IntentsAll ||
		IntentsNonPrivileged&IntentsPrivileged != 0 || IntentsNone != 0 || IntentsDefault != 0 {
		t.Error("groups")
	}
	for _, tt := range []struct {
		i, arg         Intents
		has, missing   bool
	}{
		{IntentsGuild, IntentGuilds, true, false},
		{IntentsGuild, IntentGuilds | IntentGuildMembers, true, false},
		{IntentGuilds, IntentGuilds | IntentGuildMembers, false, true},
		{IntentGuilds, 0, true, false},
		{0, IntentGuilds, false, true},
	} {
		if tt.i.Has(tt.arg) != tt.has || tt.i.Missing(tt.arg) != tt.missing {
			t.Errorf("%v.Has(%v) = %v, Missing = %v", tt.i, tt.arg, tt.i.Has(tt.arg), tt.i.Missing(tt.arg))
		}
	}
	// As disgo's: Has needs every argument whole, Missing is its negation,
	// and no arguments have everything and miss nothing.
	i := IntentGuilds | IntentGuildMessages
	if !i.Has() || i.Missing() || !i.Has(IntentGuilds, IntentGuildMessages) || i.Has(IntentGuilds, IntentGuildMembers) ||
		!i.Missing(IntentGuilds, IntentGuildMembers) || i.Missing(IntentGuildMessages, IntentGuilds) {
		t.Error("Has, Missing of several intents")
	}
	if got := i.Add(IntentGuildMembers, IntentMessageContent); got != i|IntentGuildMembers|IntentMessageContent || i.Add() != i {
		t.Errorf("Add = %v", got)
	}
	if got := IntentsAll.Remove(IntentsPrivileged, IntentGuilds); got != IntentsNonPrivileged&^IntentGuilds || i.Remove() != i {
		t.Errorf("Remove = %v", got)
	}
	if !IntentsAll.IsPrivileged() || IntentsNonPrivileged.IsPrivileged() || !IntentMessageContent.IsPrivileged() || IntentsNone.IsPrivileged() {
		t.Error("IsPrivileged")
	}
	if s := (IntentGuilds | IntentMessageContent | 1<<40).String(); s != "GUILDS|MESSAGE_CONTENT|0x10000000000" {
		t.Errorf("String = %q", s)
	}
	if in, ok := ParseIntents("MESSAGE_CONTENT"); !ok || in != IntentMessageContent || IntentMessageContent.Description() != "Fills in the content of messages." {
		t.Errorf("ParseIntents = %v, %v", in, ok)
	}
}

func TestNoAllocation(t *testing.T) {
	names := []EventType{EventTypeRaw, "", "FUTURE_EVENT"}
	for _, e := range EventTypes() {
		names = append(names, EventType(strings.Clone(string(e))))
	}
	var sink int
	if n := testing.AllocsPerRun(10, func() {
		for _, e := range names {
			if e.IsKnown() {
				sink++
			}
			sink += len(e.Description()) + int(e.Intents())
		}
	}); n != 0 {
		t.Errorf("IsKnown, Description and Intents allocate %v times", n)
	}
	_ = sink
}
`

// intentsOnlyDoc is the package's own doc comment: the generated files
// leave it out.
const intentsOnlyDoc = `// Package intentsonly has a doc comment of its own.
package intentsonly
`

// intentsOnlyTest runs in the package of intents alone. It declares what a
// package of every table would: should the package declare any of it, the
// test would not compile.
const intentsOnlyTest = `package intentsonly

import (
	"reflect"
	"testing"
)

type (
	Sender    struct{}
	Opcode    struct{}
	Event     struct{}
	EventType struct{}
	CloseCode struct{}
)

func IntentsFor() {}

func unlisted() {}

// Events would be the method of the intents' events.
func (Intents) Events() {}

// EventTypes, likewise.
func (Intents) EventTypes() {}

func TestIntentsAlone(t *testing.T) {
	if reflect.TypeOf(IntentsAll).Kind() != reflect.Uint32 {
		t.Errorf("Intents is a %v", reflect.TypeOf(IntentsAll).Kind())
	}
	if len(AllIntents()) != 5 || !IntentsAll.Has(AllIntents()...) || IntentsNone.Add(AllIntents()...) != IntentsAll {
		t.Errorf("AllIntents() = %v", AllIntents())
	}
	if in, ok := ParseIntents("GUILDS"); !ok || in != IntentGuilds || in.String() != "GUILDS" {
		t.Errorf("ParseIntents = %v, %v", in, ok)
	}
	if IntentsPrivileged.Remove(IntentGuildMembers) != IntentMessageContent || !IntentsPrivileged.IsPrivileged() || IntentsNonPrivileged.IsPrivileged() {
		t.Error("groups")
	}
	_, _, _, _, _ = Sender{}, Opcode{}, Event{}, EventType{}, CloseCode{}
	IntentsFor()
	unlisted()
	IntentsNone.Events()
	IntentsNone.EventTypes()
}
`
