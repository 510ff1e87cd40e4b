package parser

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/gatewaygen/gatewaygen/model"
)

func parseFile(t *testing.T, path string) *model.Document {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Parse(path, src)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestGatewayPage(t *testing.T) {
	doc := parseFile(t, "testdata/gateway-page.md")
	wantOps := []struct {
		line   int
		code   int
		name   string
		sender model.Sender
		desc   string
	}{
		{13, 0, "DISPATCH", model.SenderServer, "An event was dispatched."},
		{14, 1, "HEARTBEAT", model.SenderBoth, "Keeps the connection alive."},
		{15, 11, "HEARTBEAT_ACK", model.SenderServer, "Acknowledges a heartbeat."},
		{16, 5, "VOICE_SERVER_PING", 0, ""},
	}
	if len(doc.Opcodes) != len(wantOps) {
		t.Fatalf("got %d opcodes, want %d (the voice opcode table is not ours): %+v", len(doc.Opcodes), len(wantOps), doc.Opcodes)
	}
	for i, w := range wantOps {
		got := doc.Opcodes[i]
		if got.Code != w.code || got.Name != w.name || got.SentBy != w.sender || got.Description != w.desc {
			t.Errorf("opcode %d = %+v, want %+v", i, got, w)
		}
		if want := (model.Source{File: "testdata/gateway-page.md", Line: w.line}); len(got.Sources) != 1 || got.Sources[0] != want {
			t.Errorf("opcode %s sources = %v, want [%v]", got.Name, got.Sources, want)
		}
	}
	wantEvents := []struct {
		line       int
		name, desc string
	}{
		{28, "READY", "Contains the initial state"},
		{29, "MESSAGE_CREATE", "Message was created"},
		{30, "OAUTH2_TOKEN_REVOKE", ""},
	}
	if len(doc.Events) != len(wantEvents) {
		t.Fatalf("got %d events, want %d", len(doc.Events), len(wantEvents))
	}
	for i, w := range wantEvents {
		got := doc.Events[i]
		if got.Name != w.name || got.Description != w.desc || got.Sources[0].Line != w.line {
			t.Errorf("event %d = %+v, want %+v", i, got, w)
		}
	}
}

// wantOpcode is what a test expects of a parsed opcode.
type wantOpcode struct {
	line                int
	code                int
	name                string
	sender              model.Sender
	desc                string
	deprecated, removed bool
}

// wantEvent is what a test expects of a parsed event.
type wantEvent struct {
	line                int
	name, desc          string
	deprecated, removed bool
}

// checkDoc compares every field of the entries of doc, in order, with want,
// including the position of each.
func checkDoc(t *testing.T, doc *model.Document, ops []wantOpcode, events []wantEvent) {
	t.Helper()
	var got, exp []string
	for _, o := range doc.Opcodes {
		got = append(got, fmt.Sprintf("%v %d %s %v %q deprecated=%v removed=%v", o.Sources, o.Code, o.Name, o.SentBy, o.Description, o.Deprecated, o.Removed))
	}
	for _, w := range ops {
		src := []model.Source{{File: doc.File, Line: w.line}}
		exp = append(exp, fmt.Sprintf("%v %d %s %v %q deprecated=%v removed=%v", src, w.code, w.name, w.sender, w.desc, w.deprecated, w.removed))
	}
	for _, e := range doc.Events {
		got = append(got, fmt.Sprintf("%v %s %q deprecated=%v removed=%v", e.Sources, e.Name, e.Description, e.Deprecated, e.Removed))
	}
	for _, w := range events {
		src := []model.Source{{File: doc.File, Line: w.line}}
		exp = append(exp, fmt.Sprintf("%v %s %q deprecated=%v removed=%v", src, w.name, w.desc, w.deprecated, w.removed))
	}
	if g, w := strings.Join(got, "\n"), strings.Join(exp, "\n"); g != w {
		t.Errorf("parsed:\n%s\nwant:\n%s", g, w)
	}
}

// Community docs: Sent By with "client and server", an Opcode/Explanation
// header with an extra Notes column, a row struck through for a removed
// opcode, bold "(deprecated)" suffixes, footnote markers whose definitions
// follow (which without footnote support read as links), <sup> markers, a
// short row, a table under an unknown heading and HELLO in the event table.
func TestCommunityDocs(t *testing.T) {
	doc := parseFile(t, "testdata/community-gateway.md")
	checkDoc(t, doc, []wantOpcode{
		{9, 0, "DISPATCH", model.SenderServer, "Dispatches an event.", false, false},
		{10, 1, "HEARTBEAT", model.SenderBoth, "Keeps the connection alive.", false, false},
		{11, 12, "GUILD_SYNC", model.SenderClient, "Asks for a guild's presences.", true, true},
		{12, 13, "CALL_CONNECT", model.SenderClient, "Joins a call.", true, false},
		{13, 14, "LAZY_REQUEST", model.SenderClient, "", false, false},
		{14, 24, "REQUEST_GUILD_APPLICATION_COMMANDS", model.SenderClient, "Asks for the application_commands of a guild.", false, false},
	}, []wantEvent{
		{26, "READY", "Sent after IDENTIFY succeeds.", false, false},
		{27, "CHANNEL_PINS_ACK", "Pins were read.", true, true},
		{28, "GUILD_MEMBER_LIST_UPDATE", "The member list changed.", true, false},
	})
}

// The seed Gateway page, as committed in specs/.
func TestSpecGatewayPage(t *testing.T) {
	doc := parseFile(t, "../specs/gateway.md")
	if len(doc.Opcodes) != 29 || len(doc.Events) != 130 {
		t.Errorf("got %d opcodes and %d events, want 29 and 130", len(doc.Opcodes), len(doc.Events))
	}
}

func TestTableVariants(t *testing.T) {
	for _, tt := range []struct {
		name   string
		src    string
		opcode string // "code NAME sender | description" of the first opcode
		event  string // "NAME | description" of the first event
	}{
		{
			name:   "columns in another order with aliases and extra columns",
			src:    "### GATEWAY OPCODES\n\n| Explanation | Direction | Notes | Opcode | Event |\n|---|---|---|---|---|\n| Says hi. | Receive | x | 10 | HELLO |\n",
			opcode: "10 HELLO server | Says hi.",
		},
		{
			name:   "official docs: h6 heading, Client Action, Title Case",
			src:    "###### Gateway Opcodes\n\n| Code | Name | Client Action | Description |\n|--|--|--|--|\n| 11 | Heartbeat ACK | Receive | Ack. |\n",
			opcode: "11 HEARTBEAT_ACK server | Ack.",
		},
		{
			name:   "send/receive",
			src:    "## Opcodes\n\n| Code | Name | Client Action |\n|--|--|--|\n| 1 | Heartbeat | Send/Receive |\n",
			opcode: "1 HEARTBEAT client/server | ",
		},
		{
			name:   "client and server, hex code",
			src:    "## Gateway Opcodes\n\n| Code | Name | Sent By |\n|--|--|--|\n| 0x1 | HEARTBEAT | client and server |\n",
			opcode: "1 HEARTBEAT client/server | ",
		},
		{
			name:  "event links, escapes and entities",
			src:   "## Receive Events\n\n| Name | Description |\n|--|--|\n| [Message Create](/docs#message-create) | A \\| B &amp; C&#33; `x\\|y` |\n",
			event: "MESSAGE_CREATE | A | B & C! x|y",
		},
		{
			name:  "opcode-level messages are not dispatch events",
			src:   "## Receive Events\n\n| Name | Description |\n|--|--|\n| [Dispatch](#dispatch-events) | d |\n| [Hello](#hello) | hi |\n| [Invalid Session](#x) | x |\n| [Ready](#ready) | r |\n",
			event: "READY | r",
		},
		{
			name:  "br becomes a newline, footnotes and html go",
			src:   "## Gateway dispatch events\n\n| Name | Description |\n|--|--|\n| READY[^1] | one<br>two <sup>2</sup><span>three</span> |\n",
			event: "READY | one\ntwo three",
		},
		{
			name:  "defined footnotes go too",
			src:   "## Gateway dispatch events\n\n| Name | Description |\n|--|--|\n| READY[^1] | Ready.[^note] |\n\n[^1]: A footnote.\n[^note]: Another.\n",
			event: "READY | Ready.",
		},
		{
			name:  "superscript footnote markers go, other non-ASCII text stays",
			src:   "## Gateway dispatch events\n\n| Name | Description |\n|--|--|\n| READY¹⁰ | café — naïve² |\n",
			event: "READY | café — naïve",
		},
		{
			name:   "community docs: a ^1^ footnote marker after the deprecation",
			src:    "## Opcodes\n\n| Code | Name | Client Action | Description |\n|--|--|--|--|\n| 36 | Request Channel Statuses **(deprecated)** ^1^ | Send | ~~Request voice channel statuses~~ |\n\n^1^ Superseded by opcode 37.\n",
			opcode: "36 REQUEST_CHANNEL_STATUSES client | Request voice channel statuses",
		},
		{
			name:   "trailing stars that a footnote below explains",
			src:    "## Opcodes\n\n| Code | Name | Sent by | Description |\n|--|--|--|--|\n| 36 | Request Channel Statuses** | client | Asks for statuses.* |\n\n\\** Superseded by opcode 37.\n\n* Since 2024.\n",
			opcode: "36 REQUEST_CHANNEL_STATUSES client | Asks for statuses.",
		},
		{
			name:  "short rows are blanks",
			src:   "## Gateway dispatch events\n\n| Name | Description |\n|--|--|\n| READY |\n",
			event: "READY | ",
		},
		{
			name:  "heading with trailing punctuation and markup",
			src:   "## **Gateway Dispatch Events:**\n\n| Name |\n|--|\n| READY |\n",
			event: "READY | ",
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse("t.md", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if tt.opcode != "" {
				if len(doc.Opcodes) == 0 {
					t.Fatal("no opcodes")
				}
				o := doc.Opcodes[0]
				if got := strings.Join([]string{strconv.Itoa(o.Code), o.Name, o.SentBy.String(), "|", o.Description}, " "); got != tt.opcode {
					t.Errorf("opcode = %q, want %q", got, tt.opcode)
				}
			}
			if tt.event != "" {
				if len(doc.Events) == 0 {
					t.Fatal("no events")
				}
				e := doc.Events[0]
				if got := e.Name + " | " + e.Description; got != tt.event {
					t.Errorf("event = %q, want %q", got, tt.event)
				}
			}
		})
	}
}

func TestDeprecatedAndRemoved(t *testing.T) {
	src := "## Gateway Opcodes\n\n| Code | Name | Sent By |\n|--|--|--|\n" +
		"| ~~12~~ | ~~Guild Sync~~ | ~~Send~~ |\n" +
		"| 13 | CALL_CONNECT **(deprecated)** | client |\n" +
		"| 14 | GUILD_SUBSCRIPTIONS | client |\n" +
		"| 15 | Lazy Request (Deprecated)  | client |\n" +
		"| 16 | REQUEST_SOUNDBOARD_SOUNDS (DEPRECATED) note | client |\n"
	doc, err := Parse("t.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][2]bool{}
	for _, o := range doc.Opcodes {
		got[o.Name] = [2]bool{o.Deprecated, o.Removed}
	}
	want := map[string][2]bool{
		"GUILD_SYNC": {true, true}, "CALL_CONNECT": {true, false}, "GUILD_SUBSCRIPTIONS": {false, false},
		"LAZY_REQUEST": {true, false},
		// The suffix counts only at the end of the name (the model rejects
		// this one).
		"REQUEST_SOUNDBOARD_SOUNDS (DEPRECATED) note": {false, false},
	}
	for name, w := range want {
		if _, ok := got[name]; !ok {
			t.Errorf("no opcode %s; got %v", name, got)
		}
		if got[name] != w {
			t.Errorf("%s deprecated, removed = %v, want %v", name, got[name], w)
		}
	}
}

func TestErrors(t *testing.T) {
	for _, tt := range []struct {
		name, src string
		want      []string
	}{
		{"empty", "  \n\n", []string{"t.md: file is empty"}},
		{"no tables", "# Hello\n\nNothing here.\n", []string{`t.md:1: no Gateway table found`}},
		{"invalid UTF-8", "# Gateway opcodes\n\nab\xffc\n", []string{"t.md:3:3: invalid UTF-8"}},
		{
			"missing column",
			"## Gateway opcodes\n\n| Name | Sent by |\n|--|--|\n| HELLO | server |\n",
			[]string{`t.md:3:1: the table under "Gateway opcodes" has no Code (or Opcode, Value) column`},
		},
		{
			"bad cells, all reported",
			"## Gateway opcodes\n\n| Code | Name | Sent by |\n|--|--|--|\n| x | A | server |\n| -1 | B | |\n| 4294967296 | C | |\n| 1 |  | |\n| 2 | D | everyone |\n",
			[]string{
				`t.md:5:3: opcode code "x" is not an integer`,
				`t.md:6:3: opcode code -1 is negative`,
				`t.md:7:3: opcode code 4294967296 is too large`,
				`t.md:8:6: missing name`,
				`t.md:9:11: unknown sender "everyone"`,
			},
		},
		{
			// goldmark drops the cells past the header's count; the
			// parser counts them itself, at unescaped pipes only, and
			// points at the first extra cell. The good rows still read.
			"misaligned rows",
			"## Gateway opcodes\n\n| Code | Name | Sent by |\n|--|--|--|\n| 1 | A | server | extra |\n| 2 | B \\| C | server |\n" +
				"| 3 | D | client | x | y\n| 4 | E | client |\n",
			[]string{
				`t.md:5:20: row has 1 more cells than the table's 3 columns`,
				`t.md:7:20: row has 2 more cells than the table's 3 columns`,
			},
		},
		{
			"missing key column, by shape",
			"## Gateway intents\n\n| Name | Privileged |\n|--|--|\n| GUILDS | no |\n",
			[]string{`t.md:3:1: the table under "Gateway intents" has no Bit column`},
		},
		{
			// Without a footnote that explains them, trailing stars are
			// part of the name, which the model then rejects.
			"trailing stars without a footnote",
			"## Opcodes\n\n| Code | Name |\n|--|--|\n| 36 | Request Channel Statuses** |\n| x | B |\n\n*Emphasis*, not a footnote.\n",
			[]string{`t.md:6:3: opcode code "x" is not an integer`},
		},
	} {
		t.Run(tt.name, func(t *testing.T) { wantErrors(t, tt.src, tt.want) })
	}
}

// wantErrors parses src as t.md and checks that it fails with exactly the
// errors want, each given as a prefix of its message.
func wantErrors(t *testing.T, src string, want []string) {
	t.Helper()
	_, err := Parse("t.md", []byte(src))
	var list model.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("error = %v, want a model.ErrorList", err)
	}
	if len(list) != len(want) {
		t.Fatalf("got %d errors, want %d:\n%v", len(list), len(want), err)
	}
	for i, w := range want {
		if !strings.HasPrefix(list[i].Error(), w) {
			t.Errorf("error %d = %q, want prefix %q", i, list[i].Error(), w)
		}
	}
}

// A byte order mark must not hide the first line, whatever the format.
func TestByteOrderMark(t *testing.T) {
	for _, src := range []string{
		"# Enumeration: GatewayOpcodes\n\n### Dispatch\n\n• **Dispatch** = `0`\n",
		"---\ntitle: Gateway\n---\n\n## Gateway Opcodes\n\n| Code | Name |\n|--|--|\n| 0 | Dispatch |\n",
		"## Gateway opcodes\n\n| Code | Name |\n|--|--|\n| 0 | DISPATCH |\n",
	} {
		doc, err := Parse("t.md", []byte("\ufeff"+src))
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		if len(doc.Opcodes) != 1 || doc.Opcodes[0].Name != "DISPATCH" {
			t.Errorf("%q: opcodes %+v", src, doc.Opcodes)
		}
	}
}

func TestStripMarkers(t *testing.T) {
	for in, want := range map[string]string{
		"READY[^1]":                    "READY",
		"READY[^note] ":                "READY",
		"Request Channel Statuses ^1^": "Request Channel Statuses",
		"GUILD_MEMBERS<sup>1</sup>":    "GUILD_MEMBERS",
		"GUILD_MEMBERS <SUP>a</SUP>":   "GUILD_MEMBERS",
		"GUILD_PRESENCES¹²":            "GUILD_PRESENCES",
		"2^31 - 1 and x^y":             "2^31 - 1 and x^y",
		"café":                         "café",
	} {
		if got := stripMarkers(in); got != want {
			t.Errorf("stripMarkers(%q) = %q, want %q", in, got, want)
		}
	}
}

// Trailing stars are footnote markers only where the text after the table
// explains them with a line starting with as many stars.
func TestStarNotes(t *testing.T) {
	notes := starNotesIn([]byte("| a |\n\n* one\n  \\*\\*\\* three\n**Bold** is not a note of two: it has a closing pair.\n"))
	for in, want := range map[string]string{
		"NAME*":     "NAME",
		"NAME**":    "NAME**",
		"NAME***":   "NAME",
		"NAME ^1^*": "NAME",
		"2 * 3":     "2 * 3",
	} {
		if got := notes.strip(in); got != want {
			t.Errorf("strip(%q) = %q, want %q", in, got, want)
		}
	}
}

// A row that cannot be read does not hide the others: they are returned
// with the errors, for the model to validate.
func TestPartialDocument(t *testing.T) {
	doc, err := Parse("t.md", []byte("## Gateway opcodes\n\n| Code | Name |\n|--|--|\n| 1 | HEARTBEAT |\n| x | HELLO |\n| 1 | RESUME |\n"))
	if err == nil || doc == nil {
		t.Fatalf("doc %v, error %v: want both", doc, err)
	}
	var names []string
	for _, op := range doc.Opcodes {
		names = append(names, op.Name)
	}
	if got := strings.Join(names, " "); got != "HEARTBEAT RESUME" {
		t.Errorf("opcodes %s, want HEARTBEAT RESUME", got)
	}
}
