package parser

import (
	"fmt"
	"strings"
	"testing"
)

// A typedoc enum page: breadcrumb, an enum description, a table of
// contents, members sorted by name with their values out of order, code
// spans, links and entities in descriptions, a description of two
// paragraphs, one with a soft line break, one that follows the declaration
// without a blank line, a @deprecated tag, a member without a description,
// and both "---" and "___" between members. Each member is positioned at its
// "• **Name** = value" line.
func TestTypedocOpcodes(t *testing.T) {
	doc := parseFile(t, "testdata/typedoc-opcodes.md")
	checkDoc(t, doc, []wantOpcode{
		{22, 0, "DISPATCH", 0, "Delivers a dispatch event; its t field names the event.", false, false},
		{34, 11, "HEARTBEAT_ACK", 0, "Acknowledges a HEARTBEAT.\n\nSent by Discord after every heartbeat.", false, false},
		{49, 10, "HELLO", 0, "Sent first, with the heartbeat_interval in milliseconds.", false, false},
		{60, 15, "LOBBY_CONNECT", 0, "Lobbies were retired.", true, false},
		{74, 8, "REQUEST_GUILD_MEMBERS", 0, "Asks for the members of a guild & their presences.", false, false},
		{86, 5, "VOICE_SERVER_PING", 0, "", false, false},
	}, nil)
}

// The seed typedoc page, as committed in specs/: discordeno's GatewayOpcodes.
func TestSpecTypedocPage(t *testing.T) {
	doc := parseFile(t, "../specs/discordeno-gateway-opcodes.md")
	checkDoc(t, doc, []wantOpcode{
		{29, 0, "DISPATCH", 0, "An event was dispatched.", false, false},
		{41, 1, "HEARTBEAT", 0, "Fired periodically by the client to keep the connection alive.", false, false},
		{53, 11, "HEARTBEAT_ACK", 0, "Sent in response to receiving a heartbeat to acknowledge that it has been received.", false, false},
		{65, 10, "HELLO", 0, "Sent immediately after connecting, contains the heartbeat_interval to use.", false, false},
		{77, 2, "IDENTIFY", 0, "Starts a new session during the initial handshake.", false, false},
		{89, 9, "INVALID_SESSION", 0, "The session has been invalidated. You should reconnect and identify/resume accordingly.", false, false},
		{101, 3, "PRESENCE_UPDATE", 0, "Update the client's presence.", false, false},
		{113, 7, "RECONNECT", 0, "You should attempt to reconnect and resume immediately.", false, false},
		{125, 8, "REQUEST_GUILD_MEMBERS", 0, "Request information about offline guild members in a large guild.", false, false},
		{137, 6, "RESUME", 0, "Resume a previous session that was disconnected.", false, false},
		{149, 4, "VOICE_STATE_UPDATE", 0, "Used to join/leave or move between voice channels.", false, false},
	}, nil)
}

// An enum of dispatch events: the string values are the wire names, whatever
// the members are called; opcode-level messages are dropped; enums that are
// not ours on the same page are skipped, and their members with them; a
// heading of the enum's level ends it.
func TestTypedocEvents(t *testing.T) {
	src := `# Enumeration: GatewayCloseEventCodes

• **UnknownError** = ` + "`4000`" + `

# Enumeration: GatewayDispatchEvents

### Ready

• **Ready** = ` + "`\"READY\"`" + `

Sent after a session starts.

### MessageCreate

• **MessageCreate** = ` + "`'MESSAGE_CREATE'`" + `

### Hello

• **Hello** = ` + "`\"HELLO\"`" + `

### GuildSync

• **GuildSync** = ` + "`\"GUILD_SYNC\"`" + `

**` + "`Deprecated`" + `** Gone since v7.

# Enumeration: VoiceOpcodes

• **Identify** = ` + "`0`" + `

# Notes

• **NotAMember** = ` + "`\"NOT_AN_EVENT\"`" + `
`
	doc, err := Parse("t.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	checkDoc(t, doc, nil, []wantEvent{
		{9, "READY", "Sent after a session starts.", false, false},
		{15, "MESSAGE_CREATE", "", false, false},
		{23, "GUILD_SYNC", "Gone since v7.", true, false},
	})
}

// Columns are byte columns, as everywhere: the bullet • is three bytes.
func TestTypedocErrors(t *testing.T) {
	for _, tt := range []struct {
		name, src string
		want      []string
	}{
		{
			name: "bad opcode values, all reported",
			src: "# Enumeration: GatewayOpcodes\n\n" +
				"• **Hello** = `\"HELLO\"`\n\n" +
				"• **Resume** = `6n`\n\n" +
				"• **Big** =   `4294967296`\n\n" +
				"• **Identify**: `number`\n\n" +
				"• **Empty** =\n",
			want: []string{
				`t.md:3:17: GatewayOpcodes.Hello has the string value "HELLO": opcode values must be integers`,
				`t.md:5:18: opcode code "6n" is not an integer`,
				`t.md:7:17: opcode code 4294967296 is too large`,
				"t.md:9:5: enum member Identify has no value: want • **Identify** = `value`",
				"t.md:11:5: enum member Empty has no value",
			},
		},
		{
			name: "event values must be wire names",
			src:  "## Enum: GatewayDispatchEvents\n\n• **Ready** = `0`\n\n• **MessageCreate** = `\"messageCreate\"`\n",
			want: []string{
				`t.md:3:17: GatewayDispatchEvents.Ready has the value 0: event values must be strings holding the event's wire name, such as "MESSAGE_CREATE"`,
				`t.md:5:25: GatewayDispatchEvents.MessageCreate has the value "messageCreate": event values must be strings`,
			},
		},
		{
			name: "an enum that is not ours",
			src:  "[pkg](README.md) / ActivityType\n\n# Enumeration: ActivityType\n\n• **Playing** = `0`\n",
			want: []string{"t.md:3: enum ActivityType lists no Gateway table"},
		},
		{
			name: "an enum in a form not read",
			src:  "# Enumeration: GatewayOpcodes\n\n## Enumeration Members\n\n### Dispatch\n\n> **Dispatch**: `0`\n",
			want: []string{"t.md:1: enum GatewayOpcodes has no members that gatewaygen can read: want lines such as • **Name** = `0`"},
		},
	} {
		t.Run(tt.name, func(t *testing.T) { wantErrors(t, tt.src, tt.want) })
	}
}

// discordeno documents each intent's events as a bullet list after the
// member's declaration; an item may carry a note after the event's name. A
// list whose items are not wire names is prose, and lists in other enums are
// not events.
func TestTypedocIntentEvents(t *testing.T) {
	src := "# Enumeration: GatewayIntents\n\n" +
		"### GuildInvites\n\n• **GuildInvites** = `64`\n\n- INVITE_CREATE\n- INVITE_DELETE\n\n#### Defined in\n\nshared.ts:1\n\n---\n\n" +
		"### GuildScheduledEvents\n\n• **GuildScheduledEvents** = `65536`\n\n- GUILD_SCHEDULED_EVENT_CREATE\n- GUILD_SCHEDULED_EVENT_USER_ADD this is experimental.\n\n---\n\n" +
		"### GuildWebhooks\n\n• **GuildWebhooks** = `32`\n\nEnables the following events:\n\n- `WEBHOOKS_UPDATE`\n\n---\n\n" +
		"### MessageContent\n\n• **MessageContent** = `32768`\n\nAdds content to messages:\n\n- in guilds\n- in DMs\n\n" +
		"# Enumeration: GatewayOpcodes\n\n• **Hello** = `10`\n\n- HELLO_AGAIN\n"
	doc, err := Parse("t.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, in := range doc.Intents {
		line := fmt.Sprintf("%d %s %q", in.Bit, in.Name, in.Description)
		for i, ev := range in.Events {
			line += fmt.Sprintf(" %s@%d", ev, in.EventSources[i].Line)
		}
		got = append(got, line)
	}
	want := []string{
		`6 GUILD_INVITES "" INVITE_CREATE@7 INVITE_DELETE@8`,
		`16 GUILD_SCHEDULED_EVENTS "" GUILD_SCHEDULED_EVENT_CREATE@20 GUILD_SCHEDULED_EVENT_USER_ADD@21`,
		`5 GUILD_WEBHOOKS "Enables the following events:" WEBHOOKS_UPDATE@31`,
		`15 MESSAGE_CONTENT "Adds content to messages:"`,
	}
	if g, w := strings.Join(got, "\n"), strings.Join(want, "\n"); g != w {
		t.Errorf("intents:\n%s\nwant:\n%s", g, w)
	}
	if len(doc.Opcodes) != 1 || doc.Opcodes[0].Description != "" {
		t.Errorf("opcodes = %+v, want HELLO with no description", doc.Opcodes)
	}
}
