package model

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// flag is the Origin cmd gives a --name flag.
func flag(s string) Source { return Source{File: "--name " + s} }

// renames parses each "[TABLE:]KEY=Name" into a Rename whose origin is
// its flag.
func renames(t *testing.T, specs ...string) []Rename {
	t.Helper()
	var rs []Rename
	for _, s := range specs {
		r, err := ParseRename(s, flag(s))
		if err != nil {
			t.Fatalf("ParseRename(%q): %v", s, err)
		}
		rs = append(rs, r)
	}
	return rs
}

// twoTables is a document in which HEARTBEAT is an opcode and a voice
// opcode, PRESENCE_UPDATE an opcode and an event, and two close code
// tables have a code 4004 named alike.
func twoTables() *Document {
	return &Document{File: "a.md",
		Opcodes:         []Opcode{op("a.md", 1, 1, "HEARTBEAT", 0, ""), op("a.md", 2, 3, "PRESENCE_UPDATE", 0, ""), op("a.md", 3, 11, "HEARTBEAT_ACK", 0, "")},
		Events:          []Event{ev("a.md", 5, "PRESENCE_UPDATE", ""), ev("a.md", 6, "READY", "")},
		VoiceOpcodes:    []VoiceOpcode{vop("a.md", 8, 3, "HEARTBEAT", SenderClient, nil), vop("a.md", 9, 6, "HEARTBEAT_ACK", SenderServer, nil)},
		CloseCodes:      []CloseCode{cc("a.md", 11, 4004, "Authentication failed", nil, ""), cc("a.md", 12, 4007, "Invalid seq", nil, "")},
		VoiceCloseCodes: []CloseCode{cc("a.md", 14, 4004, "Authentication failed", nil, ""), cc("a.md", 15, 4014, "Disconnected", nil, ""), cc("a.md", 16, 4022, "Disconnected", nil, "")},
		Intents:         []Intent{intent("a.md", 18, 8, "GUILD_PRESENCES", true, "PRESENCE_UPDATE")},
	}
}

// goNames lists the Go names of every table of spec, by table.
func goNames(spec *Spec) string {
	var b strings.Builder
	for _, t := range Tables {
		fmt.Fprintf(&b, "%s:", t.Key)
		for _, e := range t.Entries(spec) {
			b.WriteString(" " + e.GoName)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// A rename with a table addresses that table alone, and wins over one
// without; a close code goes by code or by its name's wire form.
func TestRenamesPerTable(t *testing.T) {
	for _, tt := range []struct {
		name    string
		renames []string
		want    string
	}{
		{
			name:    "none",
			renames: nil,
			want: "opcodes: Heartbeat PresenceUpdate HeartbeatACK\nevents: PresenceUpdate Ready\n" +
				"close_codes: AuthenticationFailed InvalidSeq\nvoice_opcodes: Heartbeat HeartbeatACK\n" +
				"voice_close_codes: AuthenticationFailed Disconnected Disconnected4022\nintents: GuildPresences\n",
		},
		{
			name:    "one table each",
			renames: []string{"opcodes:HEARTBEAT=Beat", "events:PRESENCE_UPDATE=Presence", "voice_opcodes:HEARTBEAT_ACK=Ack", "intents:GUILD_PRESENCES=Presences"},
			want: "opcodes: Beat PresenceUpdate HeartbeatACK\nevents: Presence Ready\n" +
				"close_codes: AuthenticationFailed InvalidSeq\nvoice_opcodes: Heartbeat Ack\n" +
				"voice_close_codes: AuthenticationFailed Disconnected Disconnected4022\nintents: Presences\n",
		},
		{
			name:    "a table's rename wins over one without a table",
			renames: []string{"HEARTBEAT=Beat", "voice_opcodes:HEARTBEAT=VoiceBeat", "READY=Up"},
			want: "opcodes: Beat PresenceUpdate HeartbeatACK\nevents: PresenceUpdate Up\n" +
				"close_codes: AuthenticationFailed InvalidSeq\nvoice_opcodes: VoiceBeat HeartbeatACK\n" +
				"voice_close_codes: AuthenticationFailed Disconnected Disconnected4022\nintents: GuildPresences\n",
		},
		{
			name: "close codes by code and by name",
			renames: []string{"close_codes:4004=AuthFailed", "voice_close_codes:AUTHENTICATION_FAILED=BadToken",
				"INVALID_SEQ=BadSeq", "voice_close_codes:4022=CallTerminated"},
			want: "opcodes: Heartbeat PresenceUpdate HeartbeatACK\nevents: PresenceUpdate Ready\n" +
				"close_codes: AuthFailed BadSeq\nvoice_opcodes: Heartbeat HeartbeatACK\n" +
				"voice_close_codes: BadToken Disconnected CallTerminated\nintents: GuildPresences\n",
		},
		{
			// A name several codes share stays shared: the lowest code
			// keeps it, the others get their codes, as without a rename.
			name:    "a shared name",
			renames: []string{"voice_close_codes:DISCONNECTED=Gone"},
			want: "opcodes: Heartbeat PresenceUpdate HeartbeatACK\nevents: PresenceUpdate Ready\n" +
				"close_codes: AuthenticationFailed InvalidSeq\nvoice_opcodes: Heartbeat HeartbeatACK\n" +
				"voice_close_codes: AuthenticationFailed Gone Gone4022\nintents: GuildPresences\n",
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			naming, err := NewNamingWith(nil, renames(t, tt.renames...))
			if err != nil {
				t.Fatal(err)
			}
			spec, err := Build([]*Document{twoTables()}, naming)
			if err != nil {
				t.Fatal(err)
			}
			if got := goNames(spec); got != tt.want {
				t.Errorf("Go names:\n%s\nwant:\n%s", got, tt.want)
			}
			if errs := CheckOverrides(Options{Naming: naming}, spec); errs != nil {
				t.Errorf("CheckOverrides:\n%v", errs)
			}
		})
	}
}

func TestParseRename(t *testing.T) {
	for _, tt := range []struct {
		in, want, err string
	}{
		{in: "HELLO=Hi", want: "HELLO=Hi"},
		{in: " opcodes : HEARTBEAT_ACK = HeartbeatAck ", want: "opcodes:HEARTBEAT_ACK=HeartbeatAck"},
		{in: "close_codes:4003=NotAuthenticated", want: "close_codes:4003=NotAuthenticated"},
		{in: "HELLO", err: "want KEY=GoName or TABLE:KEY=GoName, such as MESSAGE_CREATE=MsgCreate or opcodes:HEARTBEAT_ACK=HeartbeatAck"},
		{in: "HELLO=", err: "want KEY=GoName or TABLE:KEY=GoName"},
		{in: "opcodes:=Hi", err: "want KEY=GoName or TABLE:KEY=GoName"},
	} {
		r, err := ParseRename(tt.in, Source{})
		switch {
		case tt.err != "":
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("ParseRename(%q) error = %v, want %q", tt.in, err, tt.err)
			}
		case err != nil || r.String() != tt.want:
			t.Errorf("ParseRename(%q) = %v, %v; want %s", tt.in, r, err, tt.want)
		}
	}
}

// Renames that cannot be right whatever the specs say are refused at once,
// each at its origin.
func TestNewNamingWithErrors(t *testing.T) {
	for _, tt := range []struct {
		renames []Rename
		want    string
	}{
		{renames(t, "opcode:HELLO=Hi"), `--name opcode:HELLO=Hi: no table "opcode": want opcodes, events, close_codes, voice_opcodes, voice_close_codes, intents`},
		{renames(t, "HELLO=hi"), `--name HELLO=hi: "hi" is not a Go identifier starting with an upper-case ASCII letter`},
		{renames(t, "HELLO=Hi There"), `--name HELLO=Hi There: "Hi There" is not a Go identifier starting with an upper-case ASCII letter`},
		{renames(t, "4004=AuthFailed"), `--name 4004=AuthFailed: 4004 is a code, which only a close code table's entries go by: write close_codes:4004 or voice_close_codes:4004`},
		{renames(t, "opcodes:11=Ack"), `--name opcodes:11=Ack: 11 is a code, which only a close code table's entries go by: write close_codes:11 or voice_close_codes:11`},
		{renames(t, "READY=A", "READY=B"), `--name READY=B: READY already has the name A (--name READY=A)`},
		{renames(t, "opcodes:HELLO=A", "opcodes:HELLO=B"), `--name opcodes:HELLO=B: opcodes:HELLO already has the name A (--name opcodes:HELLO=A)`},
		{[]Rename{{Key: "", GoName: "X", Origin: Source{File: "gatewaygen.yaml", Line: 12}}}, `gatewaygen.yaml:12: no key to rename: want a wire name, or a close code's code`},
		{
			[]Rename{{Table: "opcodes", Key: "HELLO", GoName: "hi", Origin: Source{File: "gatewaygen.yaml", Line: 9}}, {Table: "events", Key: "READY", GoName: "X-Y", Origin: Source{File: "gatewaygen.yaml", Line: 11}}},
			"gatewaygen.yaml:9: \"hi\" is not a Go identifier starting with an upper-case ASCII letter\ngatewaygen.yaml:11: \"X-Y\" is not a Go identifier starting with an upper-case ASCII letter",
		},
	} {
		_, err := NewNamingWith(nil, tt.renames)
		var list ErrorList
		if !errors.As(err, &list) || err.Error() != tt.want {
			t.Errorf("NewNamingWith(%v) = %v, want the ErrorList\n%s", tt.renames, err, tt.want)
		}
	}
	// Both APIs, the positions of the map's keys made up from them.
	if _, err := NewNaming(nil, map[string]string{"events:READY": "ready"}); err == nil || err.Error() != `name override events:READY: "ready" is not a Go identifier starting with an upper-case ASCII letter` {
		t.Errorf("NewNaming with a bad name: %v", err)
	}
	if _, err := NewNamingWith([]string{"S-K-U"}, renames(t, "READY=Up")); err == nil || err.Error() != `initialism "S-K-U": want letters and digits only` {
		t.Errorf("NewNamingWith with a bad initialism: %v", err)
	}
}

// Renames that address nothing, or two tables' entries without saying
// which, are reported at their origins.
func TestCheckOverrides(t *testing.T) {
	spec, err := Build([]*Document{twoTables()}, nil)
	if err != nil {
		t.Fatal(err)
	}
	other := &Document{File: "b.md", Opcodes: []Opcode{op("b.md", 1, 1, "HEARTBEAT", 0, "")}, VoiceCloseCodes: []CloseCode{cc("b.md", 2, 4099, "Gone for good", nil, "")}}
	otherSpec, err := Build([]*Document{other}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name      string
		renames   []string
		reconnect map[string]bool
		specs     []*Spec
		want      string
	}{
		{
			name:    "two tables",
			renames: []string{"HEARTBEAT=Beat", "PRESENCE_UPDATE=Presence", "AUTHENTICATION_FAILED=AuthFailed"},
			want: "--name AUTHENTICATION_FAILED=AuthFailed: AUTHENTICATION_FAILED is both the close code at a.md:11 and the voice close code at a.md:14: write close_codes:AUTHENTICATION_FAILED or voice_close_codes:AUTHENTICATION_FAILED\n" +
				"--name HEARTBEAT=Beat: HEARTBEAT is both the opcode at a.md:1 and the voice opcode at a.md:8: write opcodes:HEARTBEAT or voice_opcodes:HEARTBEAT\n" +
				"--name PRESENCE_UPDATE=Presence: PRESENCE_UPDATE is both the opcode at a.md:2 and the event at a.md:5: write opcodes:PRESENCE_UPDATE or events:PRESENCE_UPDATE",
		},
		{
			name:    "the other table has a rename of its own",
			renames: []string{"HEARTBEAT=Beat", "voice_opcodes:HEARTBEAT=VoiceBeat"},
		},
		{
			name:    "nothing to rename",
			renames: []string{"MESAGE_CREATE=MsgCreate", "events:HEARTBEAT=Beat", "close_codes:4014=Gone", "voice_close_codes:DISCONECTED=Gone", "intents:GUILDS=Guilds"},
			want: "--name MESAGE_CREATE=MsgCreate: the specs have no entry named MESAGE_CREATE (opcodes, events, voice opcodes and intents go by wire name, close codes and voice close codes by code or by the UPPER_SNAKE form of their name; TABLE:MESAGE_CREATE addresses one table)\n" +
				"--name close_codes:4014=Gone: the specs have no close code 4014\n" +
				"--name events:HEARTBEAT=Beat: the specs have no event HEARTBEAT\n" +
				"--name intents:GUILDS=Guilds: the specs have no intent GUILDS\n" +
				"--name voice_close_codes:DISCONECTED=Gone: the specs have no voice close code named DISCONECTED (voice close codes go by code, or by the UPPER_SNAKE form of their name)",
		},
		{
			// gatewaygen diff builds two Specs with the same options: an
			// override needs an entry in one of them.
			name:      "several specs",
			renames:   []string{"voice_close_codes:4099=GoneForGood", "voice_close_codes:4022=CallTerminated"},
			reconnect: map[string]bool{"voice_close_codes:4099": false, "voice_close_codes:4014": false, "close_codes:4099": true},
			specs:     []*Spec{spec, otherSpec},
			want:      "reconnect override close_codes:4099: the specs have no close code 4099",
		},
		{
			name:      "reconnect",
			reconnect: map[string]bool{"voice_close_codes:4099": false, "voice_close_codes:4014": false},
			want:      "reconnect override voice_close_codes:4099: the specs have no voice close code 4099",
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			naming, err := NewNamingWith(nil, renames(t, tt.renames...))
			if err != nil {
				t.Fatal(err)
			}
			specs := tt.specs
			if specs == nil {
				specs = []*Spec{spec}
			}
			got := CheckOverrides(Options{Naming: naming, Reconnect: tt.reconnect}, specs...)
			if got.Error() != tt.want {
				t.Errorf("CheckOverrides:\n%v\nwant:\n%s", got, tt.want)
			}
		})
	}
}
