package specdiff

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/gatewaygen/gatewaygen/model"
)

func op(code int, name string, sender model.Sender, desc string) model.Opcode {
	return model.Opcode{Code: code, Entry: model.Entry{Name: name, Description: desc, Sources: []model.Source{{File: "a.md", Line: code + 3}}}, SentBy: sender}
}

func ev(name, desc string) model.Event {
	return model.Event{Entry: model.Entry{Name: name, Description: desc, Sources: []model.Source{{File: "a.md", Line: 1}}}}
}

func deprecated(o model.Opcode) model.Opcode { o.Deprecated = true; return o }

func struck(e model.Event) model.Event { e.Deprecated, e.Removed = true, true; return e }

// summary prints changes one a line, in order, as "kind old → new [fields]".
func summary[T Entry](changes []Change[T]) string {
	var lines []string
	for _, c := range changes {
		line := c.Kind.String() + " " + entry(c.Old) + " → " + entry(c.New)
		for _, f := range c.Fields {
			line += fmt.Sprintf(" %s:%q→%q", f.Name, f.Old, f.New)
			if f.Added != nil || f.Removed != nil {
				line += fmt.Sprintf("(+%v -%v)", f.Added, f.Removed)
			}
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

func entry[T Entry](e *T) string {
	switch e := any(e).(type) {
	case *model.CloseCode:
		if e != nil {
			return fmt.Sprintf("%d:%s", e.Code, e.Name)
		}
	case *model.VoiceOpcode:
		if e != nil {
			return fmt.Sprintf("%d:%s", e.Code, e.Name)
		}
	case *model.Intent:
		if e != nil {
			return fmt.Sprintf("1<<%d:%s", e.Bit, e.Name)
		}
	case *model.Opcode:
		if e != nil {
			return fmt.Sprintf("%d:%s", e.Code, e.Name)
		}
	case *model.Event:
		if e != nil {
			return e.Name
		}
	}
	return "-"
}

func TestCompareOpcodes(t *testing.T) {
	for _, tt := range []struct {
		name     string
		old, new []model.Opcode
		want     string
	}{
		{
			name: "added",
			old:  []model.Opcode{op(0, "DISPATCH", model.SenderServer, "")},
			new:  []model.Opcode{op(0, "DISPATCH", model.SenderServer, ""), op(31, "REQUEST_SOUNDBOARD_SOUNDS", model.SenderClient, "")},
			want: "added - → 31:REQUEST_SOUNDBOARD_SOUNDS",
		},
		{
			name: "removed",
			old:  []model.Opcode{op(0, "DISPATCH", 0, ""), op(12, "GUILD_SYNC", 0, "")},
			new:  []model.Opcode{op(0, "DISPATCH", 0, "")},
			want: "removed 12:GUILD_SYNC → -",
		},
		{
			name: "renamed",
			old:  []model.Opcode{op(5, "VOICE_SERVER_PING", 0, "")},
			new:  []model.Opcode{op(5, "VOICE_PING", 0, "Pings the voice server.")},
			want: `renamed 5:VOICE_SERVER_PING → 5:VOICE_PING description:""→"Pings the voice server."`,
		},
		{
			name: "re-coded",
			old:  []model.Opcode{op(10, "HELLO", model.SenderServer, "Hi.")},
			new:  []model.Opcode{op(11, "HELLO", model.SenderServer, "Hi.")},
			want: "re-coded 10:HELLO → 11:HELLO",
		},
		{
			name: "changed sender, description and status",
			old:  []model.Opcode{op(1, "HEARTBEAT", model.SenderBoth, "Keeps alive."), op(2, "IDENTIFY", model.SenderClient, "")},
			new:  []model.Opcode{op(1, "HEARTBEAT", model.SenderClient, "Keeps the connection alive."), deprecated(op(2, "IDENTIFY", model.SenderClient, ""))},
			want: `changed 1:HEARTBEAT → 1:HEARTBEAT sender:"client/server"→"client" description:"Keeps alive."→"Keeps the connection alive."` + "\n" +
				`changed 2:IDENTIFY → 2:IDENTIFY status:"active"→"deprecated"`,
		},
		{
			name: "unchanged but for positions",
			old:  []model.Opcode{op(0, "DISPATCH", model.SenderServer, "x")},
			new:  []model.Opcode{{Code: 0, Entry: model.Entry{Name: "DISPATCH", Description: "x", Sources: []model.Source{{File: "b.md", Line: 99}}}, SentBy: model.SenderServer}},
			want: "",
		},
		{
			// A surviving name wins over a surviving code: HELLO and
			// RESUME swapped codes, which is two re-codes, not two renames.
			name: "swapped codes",
			old:  []model.Opcode{op(6, "RESUME", 0, ""), op(10, "HELLO", 0, "")},
			new:  []model.Opcode{op(6, "HELLO", 0, ""), op(10, "RESUME", 0, "")},
			want: "re-coded 10:HELLO → 6:HELLO\nre-coded 6:RESUME → 10:RESUME",
		},
		{
			// HELLO moved to 12, and 10 went to a new name: the code is
			// paired only once its old owner has been matched by name.
			name: "code reused",
			old:  []model.Opcode{op(10, "HELLO", 0, "")},
			new:  []model.Opcode{op(10, "GREETING", 0, ""), op(12, "HELLO", 0, "")},
			want: "added - → 10:GREETING\nre-coded 10:HELLO → 12:HELLO",
		},
		{
			name: "every kind, sorted by kind then code",
			old:  []model.Opcode{op(0, "DISPATCH", model.SenderServer, ""), op(1, "HEARTBEAT", model.SenderBoth, ""), op(5, "VOICE_SERVER_PING", 0, ""), op(10, "HELLO", 0, ""), op(12, "GUILD_SYNC", 0, ""), op(13, "CALL_CONNECT", 0, "")},
			new:  []model.Opcode{op(0, "DISPATCH", model.SenderServer, ""), op(1, "HEARTBEAT", model.SenderClient, ""), op(5, "VOICE_PING", 0, ""), op(11, "HELLO", 0, ""), op(30, "B", 0, ""), op(31, "A", 0, "")},
			want: "added - → 30:B\nadded - → 31:A\n" +
				"removed 12:GUILD_SYNC → -\nremoved 13:CALL_CONNECT → -\n" +
				"renamed 5:VOICE_SERVER_PING → 5:VOICE_PING\n" +
				"re-coded 10:HELLO → 11:HELLO\n" +
				`changed 1:HEARTBEAT → 1:HEARTBEAT sender:"client/server"→"client"`,
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := Compare(&model.Spec{Opcodes: tt.old}, &model.Spec{Opcodes: tt.new})
			if got := summary(c.Opcodes); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
			if c.Empty() != (tt.want == "") {
				t.Errorf("Empty() = %v", c.Empty())
			}
		})
	}
}

func TestCompareEvents(t *testing.T) {
	for _, tt := range []struct {
		name     string
		old, new []model.Event
		want     string
	}{
		{
			name: "added and removed, by name",
			old:  []model.Event{ev("READY", ""), ev("PRESENCES_REPLACE", ""), ev("CALL_CREATE", "")},
			new:  []model.Event{ev("READY", ""), ev("GUILD_SOUNDBOARD_SOUND_CREATE", ""), ev("AUTO_MODERATION_RULE_CREATE", "")},
			want: "added - → AUTO_MODERATION_RULE_CREATE\nadded - → GUILD_SOUNDBOARD_SOUND_CREATE\n" +
				"removed CALL_CREATE → -\nremoved PRESENCES_REPLACE → -",
		},
		{
			name: "renamed is removed and added",
			old:  []model.Event{ev("GUILD_EMOJIS_UPDATE", "")},
			new:  []model.Event{ev("GUILD_EMOJI_UPDATE", "")},
			want: "added - → GUILD_EMOJI_UPDATE\nremoved GUILD_EMOJIS_UPDATE → -",
		},
		{
			name: "changed description and status",
			old:  []model.Event{ev("READY", "Contains the initial state"), ev("CHANNEL_PINS_ACK", "")},
			new:  []model.Event{struck(ev("CHANNEL_PINS_ACK", "")), ev("READY", "Contains the initial state information")},
			want: `changed CHANNEL_PINS_ACK → CHANNEL_PINS_ACK status:"active"→"removed"` + "\n" +
				`changed READY → READY description:"Contains the initial state"→"Contains the initial state information"`,
		},
		{
			name: "reordered is unchanged",
			old:  []model.Event{ev("READY", ""), ev("RESUMED", "")},
			new:  []model.Event{ev("RESUMED", ""), ev("READY", "")},
			want: "",
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := Compare(&model.Spec{Events: tt.old}, &model.Spec{Events: tt.new})
			if got := summary(c.Events); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestJSON(t *testing.T) {
	c := Compare(&model.Spec{Sources: []string{"a.md"}}, &model.Spec{
		Sources: []string{"b.md"},
		Opcodes: []model.Opcode{op(12, "GUILD_SYNC", model.SenderClient, "")},
	})
	data, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"old":["a.md"],"new":["b.md"],"opcodes":[{"kind":"added","new":{"code":12,"name":"GUILD_SYNC","go_name":"","description":"","deprecated":false,"removed":false,"sources":[{"file":"a.md","line":15}],"sent_by":"client","payload":""}}],"events":[],"close_codes":[],"voice_opcodes":[],"voice_close_codes":[],"intents":[],"structures":[]}`
	if string(data) != want {
		t.Errorf("JSON:\n%s\nwant:\n%s", data, want)
	}
	if _, err := json.Marshal(Change[model.Event]{Kind: 0}); err == nil {
		t.Error("a zero Kind marshalled")
	}
}

func cc(code int, name string, reconnect *bool) model.CloseCode {
	return model.CloseCode{Code: code, Entry: model.Entry{Name: name, Sources: []model.Source{{File: "a.md", Line: code}}}, Reconnect: reconnect}
}

var yes, no = ptr(true), ptr(false)

func ptr[T any](v T) *T { return &v }

// The new tables are compared as opcodes are: every kind, and the fields
// particular to each table.
func TestCompareNewTables(t *testing.T) {
	removed := cc(4006, "Session no longer valid", nil)
	removed.Deprecated, removed.Removed = true, true
	old := &model.Spec{
		CloseCodes: []model.CloseCode{cc(4000, "Unknown error", yes), cc(4004, "Authentication failed", no), cc(4006, "Session no longer valid", nil), cc(4007, "Invalid seq", yes), cc(4010, "Invalid shard", nil)},
		VoiceOpcodes: []model.VoiceOpcode{
			{Code: 5, Entry: model.Entry{Name: "SPEAKING"}, SentBy: model.SenderBoth}, {Code: 12, Entry: model.Entry{Name: "VIDEO"}, SentBy: model.SenderClient},
			{Code: 25, Entry: model.Entry{Name: "DAVE_MLS_EXTERNAL_SENDER"}, SentBy: model.SenderServer},
		},
		// Two codes share a name; one leaves, and the other is matched by
		// code, not taken for a re-code.
		VoiceCloseCodes: []model.CloseCode{cc(4014, "Disconnected", nil), cc(4022, "Disconnected", nil)},
		Intents: []model.Intent{
			{Bit: 1, Entry: model.Entry{Name: "GUILD_MEMBERS"}, Events: []string{"GUILD_MEMBER_ADD", "GUILD_MEMBER_UPDATE"}},
			{Bit: 8, Entry: model.Entry{Name: "GUILD_PRESENCES"}, Privileged: true},
			{Bit: 9, Entry: model.Entry{Name: "GUILD_MESSAGES"}},
			{Bit: 12, Entry: model.Entry{Name: "DIRECT_MESSAGES"}, Events: []string{"MESSAGE_CREATE", "MESSAGE_DELETE"}},
		},
	}
	new := &model.Spec{
		CloseCodes: []model.CloseCode{cc(4000, "Unknown Error", yes), cc(4004, "Auth failed", no), removed, cc(4009, "Invalid seq", yes), cc(4010, "Invalid shard", no), cc(4014, "Disallowed intent(s)", no)},
		VoiceOpcodes: []model.VoiceOpcode{
			{Code: 5, Entry: model.Entry{Name: "SPEAKING"}, SentBy: model.SenderClient},
			{Code: 25, Entry: model.Entry{Name: "DAVE_MLS_EXTERNAL_SENDER"}, SentBy: model.SenderServer, Binary: true},
		},
		VoiceCloseCodes: []model.CloseCode{cc(4022, "Disconnected", no)},
		Intents: []model.Intent{
			{Bit: 1, Entry: model.Entry{Name: "GUILD_MEMBERS"}, Privileged: true, Events: []string{"GUILD_MEMBER_REMOVE", "GUILD_MEMBER_ADD", "THREAD_MEMBERS_UPDATE"}},
			{Bit: 8, Entry: model.Entry{Name: "GUILD_PRESENCE"}, Privileged: true},
			{Bit: 10, Entry: model.Entry{Name: "GUILD_MESSAGES"}},
			// The same events in another order are no change.
			{Bit: 12, Entry: model.Entry{Name: "DIRECT_MESSAGES"}, Events: []string{"MESSAGE_DELETE", "MESSAGE_CREATE"}},
		},
	}
	c := Compare(old, new)
	for _, tt := range []struct{ name, got, want string }{
		{"close codes", summary(c.CloseCodes), "added - → 4014:Disallowed intent(s)\n" +
			"renamed 4000:Unknown error → 4000:Unknown Error\nrenamed 4004:Authentication failed → 4004:Auth failed\n" +
			"re-coded 4007:Invalid seq → 4009:Invalid seq\n" +
			`changed 4006:Session no longer valid → 4006:Session no longer valid status:"active"→"removed"` + "\n" +
			`changed 4010:Invalid shard → 4010:Invalid shard reconnect:"unspecified"→"false"`},
		{"voice opcodes", summary(c.VoiceOpcodes), "removed 12:VIDEO → -\n" +
			`changed 5:SPEAKING → 5:SPEAKING sender:"client/server"→"client"` + "\n" +
			`changed 25:DAVE_MLS_EXTERNAL_SENDER → 25:DAVE_MLS_EXTERNAL_SENDER binary:"JSON"→"binary"`},
		{"voice close codes", summary(c.VoiceCloseCodes), "removed 4014:Disconnected → -\n" +
			`changed 4022:Disconnected → 4022:Disconnected reconnect:"unspecified"→"false"`},
		{"intents", summary(c.Intents), "renamed 1<<8:GUILD_PRESENCES → 1<<8:GUILD_PRESENCE\n" +
			"re-coded 1<<9:GUILD_MESSAGES → 1<<10:GUILD_MESSAGES\n" +
			`changed 1<<1:GUILD_MEMBERS → 1<<1:GUILD_MEMBERS privileged:"no"→"yes" events:"GUILD_MEMBER_ADD GUILD_MEMBER_UPDATE"→"GUILD_MEMBER_REMOVE GUILD_MEMBER_ADD THREAD_MEMBERS_UPDATE"(+[GUILD_MEMBER_REMOVE THREAD_MEMBERS_UPDATE] -[GUILD_MEMBER_UPDATE])`},
	} {
		if tt.got != tt.want {
			t.Errorf("%s:\n%s\nwant:\n%s", tt.name, tt.got, tt.want)
		}
	}
	if Compare(old, old).Empty() != true || c.Empty() {
		t.Error("Empty is wrong")
	}
}
