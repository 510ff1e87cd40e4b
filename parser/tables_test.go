package parser

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/gatewaygen/gatewaygen/model"
)

// describe prints every entry of the new tables of doc, one a line, with
// its position and flags, for tests to compare whole.
func describe(doc *model.Document) string {
	var lines []string
	closeCodes := func(kind string, codes []model.CloseCode) {
		for _, c := range codes {
			r := "nil"
			if c.Reconnect != nil {
				r = fmt.Sprintf("%v/%s", *c.Reconnect, c.ReconnectFrom)
			}
			lines = append(lines, fmt.Sprintf("%s %v %d %q %q reconnect=%s dep=%v rm=%v", kind, c.Sources, c.Code, c.Name, c.Description, r, c.Deprecated, c.Removed))
		}
	}
	closeCodes("close", doc.CloseCodes)
	for _, o := range doc.VoiceOpcodes {
		lines = append(lines, fmt.Sprintf("voice %v %d %s %v %q binary=%v/%v dep=%v rm=%v", o.Sources, o.Code, o.Name, o.SentBy, o.Description, o.Binary, o.BinaryKnown, o.Deprecated, o.Removed))
	}
	closeCodes("voiceclose", doc.VoiceCloseCodes)
	for _, in := range doc.Intents {
		lines = append(lines, fmt.Sprintf("intent %v %d %s privileged=%v %v %q", in.Sources, in.Bit, in.Name, in.Privileged, in.Events, in.Description))
	}
	return strings.Join(lines, "\n")
}

func TestNewTables(t *testing.T) {
	for _, tt := range []struct {
		file string
		ops  int // gateway opcodes
		evs  int // events
		want []string
	}{
		{
			// The official page: MDX, h6 headings, Description as the name
			// of a close code, Binary marked X, and the HTTP, JSON and RPC
			// tables, which are not ours.
			file: "testdata/opcodes-and-status-codes.mdx", ops: 4,
			want: []string{
				`close [testdata/opcodes-and-status-codes.mdx:33] 4000 "Unknown error" "Something went wrong; try reconnecting." reconnect=true/column dep=false rm=false`,
				`close [testdata/opcodes-and-status-codes.mdx:34] 4004 "Authentication failed" "The token in the identify payload was wrong." reconnect=false/column dep=false rm=false`,
				`close [testdata/opcodes-and-status-codes.mdx:35] 4007 "Invalid seq" "The sequence sent when resuming was wrong." reconnect=true/column dep=false rm=false`,
				`close [testdata/opcodes-and-status-codes.mdx:36] 4013 "Invalid intent(s)" "The intents value is not valid." reconnect=false/column dep=false rm=false`,
				`close [testdata/opcodes-and-status-codes.mdx:37] 4014 "Disallowed intent(s)" "An intent was asked for that the app is not allowed to use." reconnect=false/column dep=false rm=false`,
				`voice [testdata/opcodes-and-status-codes.mdx:47] 0 IDENTIFY client "Starts a voice connection." binary=false/true dep=false rm=false`,
				`voice [testdata/opcodes-and-status-codes.mdx:48] 5 SPEAKING client/server "Says who is speaking." binary=false/true dep=false rm=false`,
				`voice [testdata/opcodes-and-status-codes.mdx:49] 6 HEARTBEAT_ACK server "Acknowledges a voice heartbeat." binary=false/true dep=false rm=false`,
				`voice [testdata/opcodes-and-status-codes.mdx:50] 25 DAVE_MLS_EXTERNAL_SENDER server "The credential of the MLS external sender." binary=true/true dep=false rm=false`,
				`voice [testdata/opcodes-and-status-codes.mdx:51] 26 DAVE_MLS_KEY_PACKAGE client "The client's MLS key package." binary=true/true dep=false rm=false`,
				`voiceclose [testdata/opcodes-and-status-codes.mdx:57] 4001 "Unknown opcode" "The opcode sent was not valid." reconnect=nil dep=false rm=false`,
				`voiceclose [testdata/opcodes-and-status-codes.mdx:58] 4014 "Disconnected" "The channel was deleted or you were kicked; do not reconnect." reconnect=false/text dep=false rm=false`,
				`voiceclose [testdata/opcodes-and-status-codes.mdx:59] 4017 "E2EE/DAVE protocol required" "The channel needs end-to-end encryption." reconnect=nil dep=false rm=false`,
				`voiceclose [testdata/opcodes-and-status-codes.mdx:60] 4021 "Disconnected: Rate Limited" "Too many requests; do not reconnect." reconnect=false/text dep=false rm=false`,
				`voiceclose [testdata/opcodes-and-status-codes.mdx:61] 4022 "Disconnected: Call Terminated" "The call ended; do not reconnect." reconnect=false/text dep=false rm=false`,
			},
		},
		{
			// The official Gateway page: a code block of intents with
			// footnote markers, a JavaScript example that is not one, and
			// the privileged intents as a list of links and code spans.
			file: "testdata/gateway-intents.mdx", evs: 7,
			want: []string{
				`intent [testdata/gateway-intents.mdx:22] 0 GUILDS privileged=false [GUILD_CREATE GUILD_DELETE THREAD_MEMBERS_UPDATE] ""`,
				`intent [testdata/gateway-intents.mdx:27] 1 GUILD_MEMBERS privileged=true [GUILD_MEMBER_ADD THREAD_MEMBERS_UPDATE] ""`,
				`intent [testdata/gateway-intents.mdx:31] 8 GUILD_PRESENCES privileged=true [PRESENCE_UPDATE] ""`,
				`intent [testdata/gateway-intents.mdx:34] 9 GUILD_MESSAGES privileged=false [MESSAGE_CREATE MESSAGE_DELETE] ""`,
				`intent [testdata/gateway-intents.mdx:38] 12 DIRECT_MESSAGES privileged=false [MESSAGE_CREATE MESSAGE_DELETE] ""`,
				`intent [testdata/gateway-intents.mdx:42] 15 MESSAGE_CONTENT privileged=true [] ""`,
			},
		},
		{
			// Community docs: no Reconnect column, struck codes and rows,
			// Action and Format columns, a struck row sharing its code with
			// a live one, superscript markers.
			file: "testdata/community-status-codes.md",
			want: []string{
				`close [testdata/community-status-codes.md:9] 4000 "Unknown error" "Something went wrong." reconnect=nil dep=false rm=false`,
				`close [testdata/community-status-codes.md:10] 4006 "Session no longer valid" "No longer sent." reconnect=nil dep=true rm=true`,
				`close [testdata/community-status-codes.md:11] 4007 "Invalid seq" "Bad sequence on resume." reconnect=nil dep=false rm=false`,
				`close [testdata/community-status-codes.md:12] 4016 "Invalid compression" "Unknown compression." reconnect=nil dep=true rm=true`,
				`voice [testdata/community-status-codes.md:18] 0 IDENTIFY client "Starts a voice connection." binary=false/true dep=false rm=false`,
				`voice [testdata/community-status-codes.md:19] 5 SPEAKING client/server "Says who is speaking." binary=false/true dep=false rm=false`,
				`voice [testdata/community-status-codes.md:21] 12 CLIENT_FLAGS server "The flags of a client." binary=false/true dep=false rm=false`,
				`voice [testdata/community-status-codes.md:22] 25 DAVE_MLS_EXTERNAL_SENDER server "The MLS external sender." binary=true/true dep=false rm=false`,
				`voice [testdata/community-status-codes.md:23] 31 DAVE_MLS_INVALID_COMMIT_WELCOME client "Flags a bad commit or welcome." binary=false/true dep=false rm=false`,
				`voiceclose [testdata/community-status-codes.md:32] 4006 "Session no longer valid" "The session timed out." reconnect=nil dep=false rm=false`,
				`voiceclose [testdata/community-status-codes.md:33] 4014 "Disconnected" "Kicked or the channel went away." reconnect=nil dep=false rm=false`,
				`voiceclose [testdata/community-status-codes.md:34] 4021 "Disconnected: Rate Limited" "Too many requests." reconnect=nil dep=false rm=false`,
				`intent [testdata/community-status-codes.md:39] 0 GUILDS privileged=false [GUILD_CREATE] ""`,
				`intent [testdata/community-status-codes.md:42] 1 GUILD_MEMBERS privileged=true [GUILD_MEMBER_ADD THREAD_MEMBERS_UPDATE] ""`,
				`intent [testdata/community-status-codes.md:46] 24 GUILD_MESSAGE_POLLS privileged=false [MESSAGE_POLL_VOTE_ADD] ""`,
			},
		},
	} {
		t.Run(tt.file, func(t *testing.T) {
			doc := parseFile(t, tt.file)
			if len(doc.Opcodes) != tt.ops || len(doc.Events) != tt.evs {
				t.Errorf("%d opcodes and %d events, want %d and %d", len(doc.Opcodes), len(doc.Events), tt.ops, tt.evs)
			}
			if got, want := describe(doc), strings.Join(tt.want, "\n"); got != want {
				t.Errorf("parsed:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// The intents table, the form for documents written by hand; typedoc enums
// of close codes and intents; headings that must not be mistaken.
func TestNewTableVariants(t *testing.T) {
	for _, tt := range []struct {
		name, src string
		want      []string
	}{
		{
			name: "intents table",
			src: "## Gateway intents\n\n| Bit | Name | Privileged | Events | Description |\n|--|--|--|--|--|\n" +
				"| 1 | GUILD_MEMBERS | yes | GUILD_MEMBER_ADD, THREAD_MEMBERS_UPDATE | Members. |\n" +
				"| 1 << 15 | Message Content | true |  | Content. |\n| 0 | GUILDS |  | GUILD_CREATE |  |\n",
			want: []string{
				`intent [t.md:5] 1 GUILD_MEMBERS privileged=true [GUILD_MEMBER_ADD THREAD_MEMBERS_UPDATE] "Members."`,
				`intent [t.md:6] 15 MESSAGE_CONTENT privileged=true [] "Content."`,
				`intent [t.md:7] 0 GUILDS privileged=false [GUILD_CREATE] ""`,
			},
		},
		{
			name: "close codes with a Name column keep Description as the description",
			src:  "### Close Codes\n\n| Code | Name | Description | Reconnect |\n|--|--|--|--|\n| 4004 | Authentication failed **(deprecated)** | Bad token. | no |\n",
			want: []string{`close [t.md:5] 4004 "Authentication failed" "Bad token." reconnect=false/column dep=true rm=false`},
		},
		{
			name: "Voice Close Event Codes and Voice Opcodes are not the Gateway's",
			src: "## Voice Close Event Codes\n\n| Code | Description | Explanation |\n|--|--|--|\n| 4014 | Disconnected | Gone. |\n\n" +
				"## Voice Opcodes\n\n| Code | Name | Sent By | Description |\n|--|--|--|--|\n| 3 | Heartbeat | client | Beat. |\n\n" +
				"## RPC Close Event Codes\n\n| Code | Description | Explanation |\n|--|--|--|\n| 4000 | Invalid client ID | x |\n",
			want: []string{
				`voice [t.md:11] 3 HEARTBEAT client "Beat." binary=false/false dep=false rm=false`,
				`voiceclose [t.md:5] 4014 "Disconnected" "Gone." reconnect=nil dep=false rm=false`,
			},
		},
		{
			name: "typedoc close codes and intents",
			src: "# Enumeration: GatewayCloseEventCodes\n\n• **AuthenticationFailed** = `4004`\n\nThe token was wrong.\n\n• **InvalidAPIVersion** = `4012`\n\n" +
				"# Enumeration: GatewayIntents\n\n• **GuildMembers** = `2`\n\n• **Guilds** = `1`\n\n• **MessageContent** = `32768`\n\n" +
				"# Enumeration: VoiceOpcodes\n\n• **HeartbeatAck** = `6`\n",
			want: []string{
				`close [t.md:3] 4004 "Authentication Failed" "The token was wrong." reconnect=nil dep=false rm=false`,
				`close [t.md:7] 4012 "Invalid API Version" "" reconnect=nil dep=false rm=false`,
				`voice [t.md:19] 6 HEARTBEAT_ACK unspecified "" binary=false/false dep=false rm=false`,
				`intent [t.md:11] 1 GUILD_MEMBERS privileged=false [] ""`,
				`intent [t.md:13] 0 GUILDS privileged=false [] ""`,
				`intent [t.md:15] 15 MESSAGE_CONTENT privileged=false [] ""`,
			},
		},
		{
			// The official voice table has no Reconnect column; its
			// explanations say which codes a client should not reconnect
			// after. A Reconnect cell, where there is one, says more than
			// the text, and a blank cell says no more than a missing column.
			name: "reconnect from the explanation",
			src: "## Voice Close Event Codes\n\n| Code | Description | Explanation |\n|--|--|--|\n" +
				"| 4014 | Disconnected | Disconnect individual client (you were kicked). Should not reconnect. |\n" +
				"| 4015 | Voice server crashed | The server crashed. Our bad! Try [resuming](#r). |\n" +
				"| 4021 | Disconnected: Rate Limited | Rate limited; *don’t* reconnect |\n\n" +
				"## Gateway Close Event Codes\n\n| Code | Description | Explanation | Reconnect |\n|--|--|--|--|\n" +
				"| 4001 | Unknown opcode | Don't do that! Do not reconnect. | true |\n" +
				"| 4007 | Invalid seq | Reconnect and start a new session. |  |\n" +
				"| 4099 | Made up | You cannot reconnect with this token. |  |\n\n" +
				"# Enumeration: VoiceCloseEventCodes\n\n• **CallTerminated** = `4022`\n\nCall ended. Should not reconnect.\n",
			want: []string{
				`close [t.md:13] 4001 "Unknown opcode" "Don't do that! Do not reconnect." reconnect=true/column dep=false rm=false`,
				`close [t.md:14] 4007 "Invalid seq" "Reconnect and start a new session." reconnect=nil dep=false rm=false`,
				`close [t.md:15] 4099 "Made up" "You cannot reconnect with this token." reconnect=false/text dep=false rm=false`,
				`voiceclose [t.md:5] 4014 "Disconnected" "Disconnect individual client (you were kicked). Should not reconnect." reconnect=false/text dep=false rm=false`,
				`voiceclose [t.md:6] 4015 "Voice server crashed" "The server crashed. Our bad! Try resuming." reconnect=nil dep=false rm=false`,
				`voiceclose [t.md:7] 4021 "Disconnected: Rate Limited" "Rate limited; don’t reconnect" reconnect=false/text dep=false rm=false`,
				`voiceclose [t.md:19] 4022 "Call Terminated" "Call ended. Should not reconnect." reconnect=false/text dep=false rm=false`,
			},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse("t.md", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if got, want := describe(doc), strings.Join(tt.want, "\n"); got != want {
				t.Errorf("parsed:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// Only an explanation that tells the client not to reconnect says
// anything: words that merely mention reconnecting, or say not to do
// something else, leave it unsaid.
func TestSaysNoReconnect(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"Disconnect due to rate limit exceeded. Should not reconnect.", true},
		{"The call ended; do not reconnect.", true},
		{"DON'T RECONNECT", true},
		{"You shouldn’t reconnect after this.", true},
		{"Clients must not reconnect.", true},
		{"You can't reconnect with this session.", true},
		{"Do not attempt to reconnect.", true},
		{"Stop reconnecting.", true},
		{"We're not sure what went wrong. Try reconnecting?", false},
		{"You sent an invalid payload. Don't do that!", false},
		{"Reconnect and start a new session.", false},
		{"You should attempt to reconnect and resume immediately.", false},
		{"The session is not reconnectable yet; do not reconnected", false},
		{"", false},
	} {
		if got := saysNoReconnect(tt.text); got != tt.want {
			t.Errorf("saysNoReconnect(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// A heading that names one of our tables means another table inside a voice
// section: the community Voice Connections page has "Gateway Events" of the
// voice gateway, and a page may put plain "Opcodes" under "## Voice".
func TestVoiceSections(t *testing.T) {
	for _, tt := range []struct {
		name, src string
		events    []string
		want      []string
	}{
		{
			name: "voice gateway events are not dispatch events",
			src: "# Voice Connections\n\n## Voice Gateway\n\n###### Gateway Events\n\n| Name | Description |\n|--|--|\n| [Speaking](#s) | Talks. |\n\n" +
				"# Gateway\n\n###### Gateway Events\n\n| Name | Description |\n|--|--|\n| [Ready](#r) | Up. |\n",
			events: []string{"READY"},
		},
		{
			name: "opcodes and close codes under Voice are the voice gateway's",
			src: "## Gateway\n\n###### Opcodes\n\n| Code | Name | Sent By |\n|--|--|--|\n| 1 | Heartbeat | client |\n\n" +
				"## Voice\n\n###### Opcodes\n\n| Code | Name | Sent By | Format |\n|--|--|--|--|\n| 25 | DAVE MLS External Sender | server | Binary |\n\n" +
				"###### Close Event Codes\n\n| Code | Description | Explanation |\n|--|--|--|\n| 4014 | Disconnected | Gone. |\n\n" +
				"## Gateway\n\n###### Close Codes\n\n| Code | Description | Explanation |\n|--|--|--|\n| 4004 | Authentication failed | Bad token. |\n",
			want: []string{
				`close [t.md:29] 4004 "Authentication failed" "Bad token." reconnect=nil dep=false rm=false`,
				`voice [t.md:15] 25 DAVE_MLS_EXTERNAL_SENDER server "" binary=true/true dep=false rm=false`,
				`voiceclose [t.md:21] 4014 "Disconnected" "Gone." reconnect=nil dep=false rm=false`,
			},
		},
		{
			name: "close codes under RPC are not the Gateway's",
			src: "## Gateway\n\n###### Close Event Codes\n\n| Code | Description | Explanation |\n|--|--|--|\n| 4004 | Authentication failed | Bad token. |\n\n" +
				"## RPC\n\n###### Close Event Codes\n\n| Code | Name | Description |\n|--|--|--|\n| 4000 | Invalid client ID | Bad client. |\n",
			want: []string{`close [t.md:7] 4004 "Authentication failed" "Bad token." reconnect=nil dep=false rm=false`},
		},
		{
			name: "intents in a voice section are not the Gateway's",
			src: "# Voice\n\n### List of Intents\n\n```\nGUILDS (1 << 0)\n  - GUILD_CREATE\n```\n\n" +
				"# Gateway\n\n### List of Intents\n\n```\nGUILD_MEMBERS (1 << 1)\n  - GUILD_MEMBER_ADD\n```\n",
			want: []string{`intent [t.md:15] 1 GUILD_MEMBERS privileged=false [GUILD_MEMBER_ADD] ""`},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse("t.md", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			var events []string
			for _, e := range doc.Events {
				events = append(events, e.Name)
			}
			if got, want := strings.Join(events, " "), strings.Join(tt.events, " "); got != want {
				t.Errorf("events = %q, want %q", got, want)
			}
			if got, want := describe(doc), strings.Join(tt.want, "\n"); got != want {
				t.Errorf("parsed:\n%s\nwant:\n%s", got, want)
			}
		})
	}
	// A voice page alone has nothing of ours, and the error says why its
	// "Gateway Events" were not read.
	src, err := os.ReadFile("testdata/voice-connections.mdx")
	if err != nil {
		t.Fatal(err)
	}
	wantErrors(t, "## RPC\n\n### Close Codes\n\n| Code | Name |\n|--|--|\n| 4000 | Invalid client ID |\n",
		[]string{`t.md:5:1: no Gateway table found: the table under "Close Codes" is in the section "RPC", which lists the codes of another protocol`})
	wantErrors(t, string(src), []string{`t.md:27:1: no Gateway table found: the table under "Gateway Events" is in the section "Voice Connections", which lists the voice gateway's messages`})
}

// Each event of a "List of Intents" block keeps its line, for messages
// about that event.
func TestIntentEventSources(t *testing.T) {
	src := "### List of Intents\n\n```\nGUILDS (1 << 0)\n  - GUILD_CREATE\n  - THREAD_MEMBERS_UPDATE ¹\n\nMESSAGE_CONTENT (1 << 15) ³\n```\n"
	doc, err := Parse("t.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, in := range doc.Intents {
		for i, ev := range in.Events {
			got = append(got, fmt.Sprintf("%s %s %v", in.Name, ev, in.EventSources[i]))
		}
	}
	if g, w := strings.Join(got, "\n"), "GUILDS GUILD_CREATE t.md:5\nGUILDS THREAD_MEMBERS_UPDATE t.md:6"; g != w {
		t.Errorf("events:\n%s\nwant:\n%s", g, w)
	}
}

func TestNewTableErrors(t *testing.T) {
	for _, tt := range []struct {
		name, src string
		want      []string
	}{
		{
			name: "bad cells",
			src: "## Gateway intents\n\n| Bit | Name | Privileged | Events |\n|--|--|--|--|\n" +
				"| x | A | no | |\n| 64 | B | no | |\n| 2 | C | maybe | |\n| 3 | D | no | GUILD_CREATE guildDelete |\n\n" +
				"## Gateway Close Event Codes\n\n| Code | Description | Explanation | Reconnect |\n|--|--|--|--|\n| 4000 | Unknown error | x | sometimes |\n\n" +
				"## Voice Opcodes\n\n| Code | Name | Format |\n|--|--|--|\n| 0 | Identify | XML |\n| x1 | Hello | JSON |\n\n" +
				"## Voice Close Event Codes\n\n| Code | Description | Explanation |\n|--|--|--|\n| -4001 | Unknown opcode | x |\n",
			want: []string{
				`t.md:5:3: intent bit "x" is not an integer`,
				`t.md:6:3: intent bit 64 is out of range: want 0 to 63`,
				`t.md:7:11: privileged "maybe": want true, false, yes or no`,
				`t.md:8:16: event "guildDelete" is not a wire name`,
				`t.md:14:30: reconnect "sometimes"`,
				`t.md:20:18: payload format "XML"`,
				`t.md:21:3: voice opcode code "x1" is not an integer`,
				`t.md:27:3: close code -4001 is negative`,
			},
		},
		{
			name: "list of intents",
			src: "###### List of Intents\n\n```\nGUILDS (1 << 0)\n  - GUILD_CREATE\n  - guild delete\nGUILD_MEMBERS = 2\nHUGE (1 << 64)\n```\n\n" +
				"###### Privileged Intents\n\n- `GUILD_PRESENCES`\n- DM channels are not affected\n- ~~GUILDS~~\n",
			want: []string{
				`t.md:6:3: event "guild delete" is not a wire name`,
				`t.md:7:1: cannot read "GUILD_MEMBERS = 2"`,
				`t.md:8:1: intent HUGE has bit 64: want 0 to 63`,
				`t.md:13:3: privileged intent GUILD_PRESENCES is not in the document's list of intents`,
			},
		},
		{
			name: "typedoc intent that is not a power of two",
			src:  "# Enumeration: GatewayIntents\n\n• **Guilds** = `3`\n\n• **GuildMembers** = `\"2\"`\n",
			want: []string{
				"t.md:3:18: GatewayIntents.Guilds has the value 3: an intent's value must be a power of two",
				`t.md:5:24: GatewayIntents.GuildMembers has the string value "2"`,
			},
		},
	} {
		t.Run(tt.name, func(t *testing.T) { wantErrors(t, tt.src, tt.want) })
	}
}

// TestVocabularyNamesTables makes sure that every heading of the
// vocabulary introduces a table of the model (or the privileged list), so
// that renaming a table's key cannot leave headings that read nothing.
func TestVocabularyNamesTables(t *testing.T) {
	known := func(k tableKind) bool { return k == noTable || k == privilegedList || k.table() != nil }
	for heading, kind := range headings {
		if !known(kind) || kind == noTable {
			t.Errorf("heading %q introduces %q, which is no table", heading, kind)
		}
	}
	for from, to := range voiceKinds {
		if !known(from) || !known(to) {
			t.Errorf("voiceKinds maps %q to %q: not both tables", from, to)
		}
	}
	for _, tab := range model.Tables {
		if _, ok := keyColumns[tab.Shape.Key()]; !ok {
			t.Errorf("table %s: no column holds its key, a %s", tab.Key, tab.Shape.Key())
		}
	}
}
