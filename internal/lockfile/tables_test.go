package lockfile

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/gatewaygen/gatewaygen/model"
)

func src(line int) []model.Source { return []model.Source{{File: "new.md", Line: line}} }

var no = func() *bool { b := false; return &b }()

// protocol is a spec with an entry in each of the other tables, two close
// codes sharing a name among them.
func protocol() *model.Spec {
	return &model.Spec{
		CloseCodes: []model.CloseCode{
			{Code: 4004, Entry: model.Entry{Name: "Authentication failed", GoName: "AuthenticationFailed", Sources: src(1)}, Reconnect: no},
			{Code: 4006, Entry: model.Entry{Name: "Session no longer valid", GoName: "SessionNoLongerValid", Sources: src(2)}},
		},
		VoiceOpcodes: []model.VoiceOpcode{
			{Code: 12, Entry: model.Entry{Name: "VIDEO", GoName: "Video", Sources: src(3)}, SentBy: model.SenderClient},
			{Code: 25, Entry: model.Entry{Name: "DAVE_MLS_EXTERNAL_SENDER", GoName: "DAVEMLSExternalSender", Sources: src(4)}, SentBy: model.SenderServer, Binary: true},
		},
		VoiceCloseCodes: []model.CloseCode{
			{Code: 4014, Entry: model.Entry{Name: "Disconnected", GoName: "Disconnected", Sources: src(5)}, Reconnect: no, ReconnectFrom: model.ReconnectFromText},
			{Code: 4022, Entry: model.Entry{Name: "Disconnected", GoName: "Disconnected4022", Sources: src(6)}},
		},
		Intents: []model.Intent{
			{Bit: 1, Entry: model.Entry{Name: "GUILD_MEMBERS", GoName: "GuildMembers", Sources: src(7)}, Privileged: true, Events: []string{"GUILD_MEMBER_ADD"}},
			{Bit: 14, Entry: model.Entry{Name: "DIRECT_MESSAGE_TYPING", GoName: "DirectMessageTyping", Sources: src(8)}, Events: []string{}},
		},
	}
}

const protocolLock = `{
  "comment": "Maintained by gatewaygen generate --keep-removed: every entry of every table the generated package declares. Entries marked kept are no longer in the docs and stay, deprecated, until dropped with --drop NAME. Do not edit.",
  "version": 2,
  "highest_event_value": 0,
  "opcodes": [],
  "events": [],
  "close_codes": [
    {"code":4004,"name":"Authentication failed","go_name":"AuthenticationFailed","reconnect":false},
    {"code":4006,"name":"Session no longer valid","go_name":"SessionNoLongerValid"}
  ],
  "voice_opcodes": [
    {"code":12,"name":"VIDEO","go_name":"Video","sent_by":"client"},
    {"code":25,"name":"DAVE_MLS_EXTERNAL_SENDER","go_name":"DAVEMLSExternalSender","sent_by":"server","binary":true}
  ],
  "voice_close_codes": [
    {"code":4014,"name":"Disconnected","go_name":"Disconnected","reconnect":false},
    {"code":4022,"name":"Disconnected","go_name":"Disconnected4022"}
  ],
  "intents": [
    {"bit":1,"name":"GUILD_MEMBERS","go_name":"GuildMembers","privileged":true},
    {"bit":14,"name":"DIRECT_MESSAGE_TYPING","go_name":"DirectMessageTyping"}
  ]
}
`

func TestRecordTables(t *testing.T) {
	got := string((&File{Path: "lock.json"}).Record(protocol()).Marshal())
	if got != protocolLock {
		t.Errorf("Marshal:\n%s\nwant:\n%s", got, protocolLock)
	}
	f, err := Parse("lock.json", []byte(got))
	if err != nil {
		t.Fatal(err)
	}
	if again := string(f.Marshal()); again != got {
		t.Errorf("Parse then Marshal changed the file:\n%s", again)
	}
	var lines []int
	for _, sec := range f.sections {
		lines = append(lines, sec.(interface{ lines() []int }).lines()...)
	}
	if want := []int{8, 9, 12, 13, 16, 17, 20, 21}; !slices.Equal(lines, want) {
		t.Errorf("lines %v, want %v", lines, want)
	}
}

// tables lists the entries of the other tables, a kept one with a star.
func tables(spec *model.Spec) string {
	var parts []string
	add := func(table string, key int, name string, kept, deprecated bool) {
		s := fmt.Sprintf("%s:%d=%s", table, key, name)
		if kept && deprecated {
			s += "*"
		}
		parts = append(parts, s)
	}
	for _, c := range spec.CloseCodes {
		add("close", c.Code, c.GoName, c.Kept, c.Deprecated)
	}
	for _, o := range spec.VoiceOpcodes {
		add("voice", o.Code, o.GoName, o.Kept, o.Deprecated)
	}
	for _, c := range spec.VoiceCloseCodes {
		add("voiceclose", c.Code, c.GoName, c.Kept, c.Deprecated)
	}
	for _, in := range spec.Intents {
		add("intent", in.Bit, in.GoName, in.Kept, in.Deprecated)
	}
	return strings.Join(parts, " ")
}

func TestKeepTables(t *testing.T) {
	lock, err := Parse("gen/lock.json", []byte(protocolLock))
	if err != nil {
		t.Fatal(err)
	}
	all := "close:4004=AuthenticationFailed close:4006=SessionNoLongerValid voice:12=Video voice:25=DAVEMLSExternalSender " +
		"voiceclose:4014=Disconnected voiceclose:4022=Disconnected4022 intent:1=GuildMembers intent:14=DirectMessageTyping"
	for _, tt := range []struct {
		name string
		spec func(*model.Spec)
		drop []string
		want string
	}{
		{"nothing removed", func(*model.Spec) {}, nil, all},
		{
			"removed entries are kept, in code order",
			func(s *model.Spec) {
				s.CloseCodes = s.CloseCodes[:1]
				s.VoiceOpcodes = s.VoiceOpcodes[1:]
				s.VoiceCloseCodes = s.VoiceCloseCodes[1:] // 4022 still has the name
				s.Intents = s.Intents[:1]
			},
			nil,
			"close:4004=AuthenticationFailed close:4006=SessionNoLongerValid* voice:12=Video* voice:25=DAVEMLSExternalSender " +
				"voiceclose:4014=Disconnected* voiceclose:4022=Disconnected4022 intent:1=GuildMembers intent:14=DirectMessageTyping*",
		},
		{
			"dropped by name or by table and code",
			func(s *model.Spec) {
				s.CloseCodes, s.VoiceOpcodes, s.VoiceCloseCodes, s.Intents = s.CloseCodes[:1], s.VoiceOpcodes[1:], s.VoiceCloseCodes[1:], nil
			},
			[]string{"SESSION_NO_LONGER_VALID", "voice_opcodes:12", "voice_close_codes:4014", "GUILD_MEMBERS"},
			"close:4004=AuthenticationFailed voice:25=DAVEMLSExternalSender voiceclose:4022=Disconnected4022 intent:14=DirectMessageTyping*",
		},
		{
			"a voice opcode re-coded is listed by its name",
			func(s *model.Spec) { s.VoiceOpcodes[0].Code = 13 },
			nil,
			strings.Replace(all, "voice:12=Video", "voice:13=Video", 1),
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			spec := protocol()
			tt.spec(spec)
			got, err := lock.Keep(spec, tt.drop)
			if err != nil {
				t.Fatal(err)
			}
			if s := tables(got); s != tt.want {
				t.Errorf("got  %s\nwant %s", s, tt.want)
			}
			for _, c := range got.CloseCodes {
				if c.Code == 4006 && c.Kept && (c.Reconnect != nil || c.ReconnectFrom != "" || !c.Deprecated || c.Sources[0].String() != "gen/lock.json:9") {
					t.Errorf("kept close code %+v", c)
				}
			}
			// A kept code's reconnect flag is the lock file's, and says so.
			for _, c := range got.VoiceCloseCodes {
				if c.Code == 4014 && c.Kept && (c.Reconnect == nil || *c.Reconnect || c.ReconnectFrom != model.ReconnectFromLock) {
					t.Errorf("kept voice close code 4014: reconnect %v from %q, want false from the lock file", c.Reconnect, c.ReconnectFrom)
				}
			}
		})
	}
}

func TestKeepTableErrors(t *testing.T) {
	lock, err := Parse("gen/lock.json", []byte(protocolLock))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		spec func(*model.Spec)
		drop []string
		want string
	}{
		{
			"a code given another name",
			func(s *model.Spec) { s.CloseCodes[1].Name = "Session gone" },
			nil,
			`new.md:2: close code 4006 is "Session gone" here, but the lock file keeps "Session no longer valid", which the docs no longer list, at that code (gen/lock.json:9)`,
		},
		{
			"a kept Go name taken",
			func(s *model.Spec) { s.Intents = s.Intents[1:]; s.Intents[0].GoName = "GuildMembers" },
			nil,
			"new.md:8: this intent has the Go name GuildMembers, which the lock file keeps for GUILD_MEMBERS, which the docs no longer list (gen/lock.json:20)",
		},
		{
			"drop of a listed close code",
			func(*model.Spec) {},
			[]string{"voice_close_codes:4014"},
			"the docs still list voice_close_codes:4014; only entries they no longer list can be dropped",
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			spec := protocol()
			tt.spec(spec)
			_, err := lock.Keep(spec, tt.drop)
			if err == nil || err.Error() != tt.want && !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error:\n%v\nwant:\n%s", err, tt.want)
			}
		})
	}
}

// A lock file written before the other tables existed reads, and one with
// a bad entry in them fails at its line.
func TestParseTables(t *testing.T) {
	f, err := Parse("lock.json", []byte(v1Lock))
	if err != nil || slices.ContainsFunc(f.sections, func(s section) bool { return s.len() > 0 }) {
		t.Fatalf("old lock file: %v, %+v", err, f)
	}
	bad := strings.Replace(protocolLock, `{"bit":14,"name":"DIRECT_MESSAGE_TYPING","go_name":"DirectMessageTyping"}`, `{"bit":1,"name":"DIRECT_MESSAGE_TYPING","go_name":"directMessageTyping"}`, 1)
	_, err = Parse("lock.json", []byte(bad))
	var list model.ErrorList
	if !errors.As(err, &list) || err.Error() != "lock.json:21: intent DIRECT_MESSAGE_TYPING: go_name \"directMessageTyping\" is not an exported Go identifier\nlock.json:21: intent bit 1 is also at line 20" {
		t.Errorf("error = %v", err)
	}
}

// lines returns the line each entry of the section was read from.
func (l *list[L, M]) lines() []int {
	var lines []int
	for i := range l.entries {
		lines = append(lines, l.kind.lock(&l.entries[i]).line)
	}
	return lines
}

// TestParseDuplicateKey makes sure that the check of a lock file covers
// every table: in each, an entry whose key (code, bit, or an event's value)
// another entry of the table has is an error at its line, even under
// another name.
func TestParseDuplicateKey(t *testing.T) {
	spec := protocol()
	spec.Opcodes = []model.Opcode{{Code: 1, Entry: model.Entry{Name: "HEARTBEAT", GoName: "Heartbeat", Sources: src(9)}}}
	spec.Events = []model.Event{{Entry: model.Entry{Name: "READY", GoName: "Ready", Sources: src(10)}, Value: 1}}
	lock := string((&File{Path: "lock.json"}).Record(spec).Marshal())
	for _, tab := range model.Tables {
		t.Run(tab.Key, func(t *testing.T) {
			// Copy the table's first entry above it, renamed.
			lines := strings.Split(lock, "\n")
			at := slices.Index(lines, fmt.Sprintf("  %q: [", tab.Key)) + 1
			if at == 0 {
				t.Fatalf("the lock file has no section %s:\n%s", tab.Key, lock)
			}
			var e map[string]any
			if err := json.Unmarshal([]byte(strings.TrimSuffix(lines[at], ",")), &e); err != nil {
				t.Fatal(err)
			}
			e["name"], e["go_name"] = "COPY_"+e["name"].(string), "Copy"+e["go_name"].(string)
			dup, _ := json.Marshal(e)
			lines = slices.Insert(lines, at, string(dup)+",")
			key := tab.Shape.Key()
			if tab.Shape == model.Names {
				key = "value"
			}
			want := fmt.Sprintf("lock.json:%d: %s %s %v is also at line %d", at+2, tab.Singular, key, e[key], at+1)
			_, err := Parse("lock.json", []byte(strings.Join(lines, "\n")))
			if err == nil || !slices.Contains(strings.Split(err.Error(), "\n"), want) {
				t.Errorf("error:\n%v\nwant a line:\n%s", err, want)
			}
		})
	}
}
