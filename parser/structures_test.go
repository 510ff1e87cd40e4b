package parser

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/gatewaygen/gatewaygen/model"
)

// typeString prints a TypeRef compactly for tests: "array(link:/a#b)".
func typeString(t *model.TypeRef) string {
	if t == nil {
		return "<nil>"
	}
	var s string
	switch t.Kind {
	case model.TypePrimitive:
		s = t.Primitive
	case model.TypeArray:
		s = "array(" + typeString(t.Elem) + ")"
	case model.TypeMap:
		s = "map(" + typeString(t.Key) + "," + typeString(t.Elem) + ")"
	case model.TypeLink:
		s = "link:" + t.Link
		if t.Primitive != "" {
			s += "/" + t.Primitive
		}
	case model.TypeRaw:
		s = "raw:" + t.Why
	default:
		s = string(t.Kind)
	}
	if t.Partial {
		s = "partial " + s
	}
	return s
}

// describeStructures prints every structure of doc, its fields, anchors and
// sections, one a line, for tests to compare whole.
func describeStructures(doc *model.Document) string {
	var lines []string
	for i, st := range doc.Structures {
		lines = append(lines, fmt.Sprintf("structure %d %q %v base=%q", i, st.Name, st.Sources, st.BaseLink))
		for _, f := range st.Fields {
			lines = append(lines, fmt.Sprintf("  %s %v opt=%v null=%v dep=%v type=%q %s desc=%v", f.Name, f.Sources, f.Optional, f.Nullable, f.Deprecated, f.Type, typeString(f.Resolved), f.DescriptionLinks))
		}
	}
	for _, e := range doc.Enums {
		lines = append(lines, fmt.Sprintf("table %q %v", e.Name, e.Sources))
	}
	for _, a := range doc.Anchors {
		switch {
		case a.Structure >= 0:
			lines = append(lines, fmt.Sprintf("anchor %s -> structure %d", a.ID, a.Structure))
		case a.Enum >= 0:
			lines = append(lines, fmt.Sprintf("anchor %s -> table %q", a.ID, doc.Enums[a.Enum].Name))
		default:
			lines = append(lines, fmt.Sprintf("anchor %s -> %s", a.ID, a.Table))
		}
	}
	for _, s := range doc.Sections {
		lines = append(lines, fmt.Sprintf("section %q %v structure=%d link=%q", s.Heading, s.Source, s.Structure, s.Link))
	}
	return strings.Join(lines, "\n")
}

// The official docs' shapes, in a fixture of the project's own: ManualAnchor
// ids, heading slugs and the anchors sections lead by, extra fields and the
// prose link to what they extend, footnote markers, optional and nullable
// fields, the type grammar, headings and columns in any case, and the
// tables that are not ours (an enum, a request's parameters).
func TestStructures(t *testing.T) {
	const file = "testdata/structures.mdx"
	doc := parseFile(t, file)
	want := []string{
		`structure 0 "Hello" [testdata/structures.mdx:23] base=""`,
		`  heartbeat_interval [testdata/structures.mdx:25] opt=false null=false dep=false type="integer" integer desc=[]`,
		`structure 1 "Message Create" [testdata/structures.mdx:34] base="/resources/message#message-object"`,
		`  guild_id [testdata/structures.mdx:36] opt=true null=false dep=false type="snowflake" snowflake desc=[]`,
		`  member [testdata/structures.mdx:37] opt=true null=false dep=false type="partial guild member object" partial link:#guild-member-object desc=[]`,
		`  mentions [testdata/structures.mdx:38] opt=false null=false dep=false type="array of user objects" array(link:#user-object) desc=[]`,
		`structure 2 "Channel" [testdata/structures.mdx:56] base=""`,
		`  id [testdata/structures.mdx:58] opt=false null=false dep=false type="snowflake" snowflake desc=[]`,
		`  type [testdata/structures.mdx:59] opt=false null=false dep=false type="integer" integer desc=[#channel-object-channel-types]`,
		`  topic [testdata/structures.mdx:60] opt=true null=true dep=false type="?string" string desc=[]`,
		`  last_pin_timestamp [testdata/structures.mdx:61] opt=true null=true dep=false type="?ISO8601 timestamp" timestamp desc=[]`,
		`  shard [testdata/structures.mdx:62] opt=false null=false dep=false type="array of two integers (shard_id, num_shards)" raw:tuple desc=[]`,
		`  nonce [testdata/structures.mdx:63] opt=true null=false dep=false type="integer or string" raw:union desc=[]`,
		`  overwrites [testdata/structures.mdx:64] opt=false null=false dep=false type="Map of Snowflakes to user objects" map(snowflake,link:#user-object) desc=[]`,
		`  data [testdata/structures.mdx:65] opt=false null=false dep=false type="object" raw:object desc=[#user-object]`,
		`structure 3 "User" [testdata/structures.mdx:79] base=""`,
		`  id [testdata/structures.mdx:81] opt=false null=false dep=false type="snowflake" snowflake desc=[]`,
		`  avatar_decoration_data [testdata/structures.mdx:82] opt=true null=true dep=false type="?avatar decoration data object" link:/resources/user#avatar-decoration-data-object desc=[]`,
		`structure 4 "Guild Member" [testdata/structures.mdx:88] base=""`,
		`  user [testdata/structures.mdx:90] opt=true null=false dep=false type="user object" link:#user-object desc=[]`,
		`  roles [testdata/structures.mdx:91] opt=false null=false dep=false type="array of role object ids" array(snowflake) desc=[]`,
		`table "Channel Types" [testdata/structures.mdx:69]`,
		`anchor receive-events -> events`,
		`anchor hello -> structure 0`,
		`anchor hello-hello-structure -> structure 0`,
		`anchor hello-structure -> structure 0`,
		`anchor message-create -> structure 1`,
		`anchor message-create-message-create-extra-fields -> structure 1`,
		`anchor message-create-extra-fields -> structure 1`,
		`anchor channel-object -> structure 2`,
		`anchor channel-structure -> structure 2`,
		`anchor channel-object-channel-structure -> structure 2`,
		`anchor channel-types -> table "Channel Types"`,
		`anchor channel-object-channel-types -> table "Channel Types"`,
		`anchor user-object -> structure 3`,
		`anchor user-object-user-structure -> structure 3`,
		`anchor user-structure -> structure 3`,
		`anchor guild-member-object -> structure 4`,
		`anchor guild-member-structure -> structure 4`,
		`anchor guild-member-object-guild-member-structure -> structure 4`,
		`section "Hello" testdata/structures.mdx:16 structure=0 link=""`,
		`section "Message Create" testdata/structures.mdx:27 structure=1 link="/resources/message#message-object"`,
		`section "Message Update" testdata/structures.mdx:44 structure=-1 link="#message-create"`,
		`section "Channel Create" testdata/structures.mdx:48 structure=-1 link="#channel-object"`,
		`section "Channel Object" testdata/structures.mdx:52 structure=2 link=""`,
		`section "User Object" testdata/structures.mdx:74 structure=3 link=""`,
		`section "Guild Member Object" testdata/structures.mdx:84 structure=4 link=""`,
	}
	if got := describeStructures(doc); got != strings.Join(want, "\n") {
		t.Errorf("parsed:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
	// A table's description is the prose above it, or the message's
	// section's above its heading.
	for i, want := range []string{"Sent on connection.", "Sent when a message is created. The inner payload is a message object with the following extra fields:", "", "", ""} {
		if got := doc.Structures[i].Description; got != want {
			t.Errorf("%s's description is %q, want %q", doc.Structures[i].Name, got, want)
		}
	}
	if len(doc.Events) != 3 {
		t.Errorf("%d events, want the 3 dispatch events of the Receive Events table", len(doc.Events))
	}
}

// The closing words of a heading over fields are not part of the name, and
// extra fields extend what the section's prose links to.
func TestStructureName(t *testing.T) {
	for _, tt := range []struct {
		heading, name string
		extends       bool
	}{
		{"User Structure", "User", false},
		{"Ready Event Fields", "Ready", false},
		{"Message Create Extra Fields", "Message Create", true},
		{"Thread Member Update Event Extra Fields", "Thread Member Update", true},
		{"Integration Create Event Additional Fields", "Integration Create", true},
		{"Message Poll Vote Add Fields", "Message Poll Vote Add", false},
		{"Poll Object Structure", "Poll", false},
		{"Role Colors Object", "Role Colors", false},
		{"Activity Timestamps", "Activity Timestamps", false},
		{"team object", "team", false},
		{"Guild Scheduled Event Recurrence Rule - N_Weekday Structure", "Guild Scheduled Event Recurrence Rule - N_Weekday", false},
	} {
		name, extends := structureName(tt.heading)
		if name != tt.name || extends != tt.extends {
			t.Errorf("structureName(%q) = %q, %v; want %q, %v", tt.heading, name, extends, tt.name, tt.extends)
		}
	}
}

// The grammar of Type cells, link by link.
func TestReadType(t *testing.T) {
	links := []typeLink{{"/a#x", "x"}, {"/b#y", "partial y"}, {"/r#ts", "ISO8601 timestamp"}}
	for _, tt := range []struct {
		text     string
		want     string
		nullable bool
	}{
		{"string", "string", false},
		{"?integer *", "integer", true},
		{"?int", "integer", true},
		{"boolean", "boolean", false},
		{"double", "float", false},
		{"IS08601 timestamp", "timestamp", false},
		{"null", "null", false},
		{"?mixed (any JSON value)", "raw:mixed", true},
		{"object", "raw:object", false},
		{"array", "array(raw:unknown type)", false},
		{"array of snowflakes", "array(snowflake)", false},
		{"?array of int", "array(integer)", true},
		{"List of \x000\x00", "array(link:/a#x)", false},
		{"array of \x000\x00 objects", "array(link:/a#x)", false},
		{"array of \x000\x00 strings", "array(link:/a#x/string)", false},
		{"array of \x000\x00 object ids", "array(snowflake)", false},
		{"array of partial \x000\x00 objects", "array(partial link:/a#x)", false},
		{"array of \x000\x00 objects, optionally with an additional partial \x001\x00 field", "array(link:/a#x)", false},
		{"a \x000\x00 object", "link:/a#x", false},
		{"a partial \x000\x00 object", "partial link:/a#x", false},
		{"\x001\x00 object", "partial link:/b#y", false},
		{"?\x000\x00", "link:/a#x", true},
		{"\x000\x00 data", "link:/a#x", false},
		{"?\x002\x00", "timestamp", true},
		{"Map of Snowflakes to \x000\x00 objects", "map(snowflake,link:/a#x)", false},
		{"dictionary with keys of \x000\x00", "map(link:/a#x,raw:unknown type)", false},
		{"snowflake or array of snowflakes", "raw:union", false},
		{"array of two integers (shard_id, num_shards)", "raw:tuple", false},
		{"file contents", "raw:unknown type", false},
		{"\x009\x00", "raw:unknown type", false},
	} {
		got, nullable := readType(tt.text, links)
		if s := typeString(got); s != tt.want || nullable != tt.nullable {
			t.Errorf("readType(%q) = %s, nullable %v; want %s, %v", tt.text, s, nullable, tt.want, tt.nullable)
		}
	}
}

// Field cells: a JSON key, "?" when optional, then footnote markers.
func TestFieldName(t *testing.T) {
	for _, tt := range []struct {
		cell, name           string
		optional, deprecated bool
		ok                   bool
	}{
		{"id", "id", false, false, true},
		{"compress?", "compress", true, false, true},
		{"author [1]", "author", false, false, true},
		{"member? * **", "member", true, false, true},
		{"locale?****", "locale", true, false, true},
		{"count  [1]", "count", false, false, true},
		{"region (deprecated)", "region", false, true, true},
		{"$browser", "$browser", false, false, true},
		{"two words", "", false, false, false},
		{"? alone", "", false, false, false},
	} {
		name, optional, deprecated, ok := fieldName(tt.cell)
		if ok != tt.ok || ok && (name != tt.name || optional != tt.optional || deprecated != tt.deprecated) {
			t.Errorf("fieldName(%q) = %q, %v, %v, %v; want %q, %v, %v, %v", tt.cell, name, optional, deprecated, ok, tt.name, tt.optional, tt.deprecated, tt.ok)
		}
	}
}

// Mistakes in structure tables are errors at the cell, file and line.
func TestStructureErrors(t *testing.T) {
	for _, tt := range []struct {
		name, src, want string
	}{
		{"misaligned row", "## User Structure\n\n| Field | Type | Description |\n|---|---|---|\n| id | snowflake | the id | extra |\n",
			"f.md:5:29: row has 1 more cells than the table's 3 columns"},
		{"field name", "## User Structure\n\n| Field | Type | Description |\n|---|---|---|\n| the id | snowflake | the id |\n",
			`f.md:5:3: field name "the id": want a JSON key, then ? if it is optional, then footnote markers such as * or [1]`},
		{"no name", "## User Structure\n\n| Field | Type | Description |\n|---|---|---|\n| | snowflake | the id |\n",
			"f.md:5:2: missing field name"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("f.md", []byte(tt.src))
			var list model.ErrorList
			if !errors.As(err, &list) || len(list) != 1 || list[0].Error() != tt.want {
				t.Errorf("error %v, want %s", err, tt.want)
			}
		})
	}
}

// A page with nothing gatewaygen reads is skipped by ParseOptional and an
// error for Parse; a page with only a table fields may link to is kept.
func TestParseOptional(t *testing.T) {
	none := []byte("# Overview\n\nNothing here.\n")
	doc, err := ParseOptional("o.md", none)
	if err != nil || !doc.Skipped {
		t.Errorf("ParseOptional = %+v, %v; want a skipped document", doc, err)
	}
	if _, err := Parse("o.md", none); err == nil {
		t.Error("Parse accepted a document with nothing in it")
	}
	enums := []byte("### Channel Types\n\n| Type | ID |\n|---|---|\n| DM | 1 |\n")
	doc, err = ParseOptional("e.md", enums)
	if err != nil || doc.Skipped || len(doc.Enums) != 1 {
		t.Errorf("ParseOptional = %+v, %v; want a document with one table", doc, err)
	}
}

// Enum tables are read by content: a column of integers or bits is the
// value, words alone make a string enum, anything else is only named.
func TestEnums(t *testing.T) {
	for _, tt := range []struct {
		name, table, want string
	}{
		{"integers", "| Type | ID | Description |\n|---|---|---|\n| GUILD_TEXT | 0 | text |\n| DM | 1 | dm |\n",
			`integer GUILD_TEXT=0 "text" DM=1 "dm"`},
		{"value first", "| Value | Name |\n|---|---|\n| 0 | Remove role |\n| 1 | Kick |\n",
			`integer Remove role=0 "" Kick=1 ""`},
		{"integers in a Type column", "| Name | Type | Description |\n|---|---|---|\n| GUILD | 0 | x |\n| BOT_DM | 1 | y |\n",
			`integer GUILD=0 "x" BOT_DM=1 "y"`},
		{"flags", "| Flag | Value | Description |\n|---|---|---|\n| PINNED | `1 << 1` | pinned |\n| HIDDEN \\* | `1 << 4` | x |\n",
			`flags PINNED=2 "pinned" HIDDEN=16 "x"`},
		{"permissions", "| Permission | Value |\n|---|---|\n| KICK | `0x0000000000000002` `(1 << 1)` |\n",
			`flags KICK=2 ""`},
		{"words", "| Status | Description |\n|---|---|\n| online | Online |\n| dnd | Do Not Disturb |\n",
			`string online="online" "Online" dnd="dnd" "Do Not Disturb"`},
		{"quoted", "| Type | Value | Description |\n|---|---|---|\n| Role Mentions | \"roles\" | roles |\n",
			`string Role Mentions="roles" "roles"`},
		{"value words", "| Role Name | Value |\n|---|---|\n| Owner | |\n| Read-only | read_only |\n",
			`string Read-only="read_only" ""`},
		{"prose", "| Type | Format |\n|---|---|\n| Media Proxy Image | `mp:{id}` |\n", `untyped`},
		{"a structure", "| Opcode | Type |\n|---|---|\n| 8 | x |\n", `untyped`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			heading := "Things"
			if tt.name == "a structure" {
				heading = "Things Structure"
			}
			doc, err := ParseOptional("e.md", []byte("###### "+heading+"\n\n"+tt.table))
			if err != nil || len(doc.Enums) != 1 {
				t.Fatalf("%v, %+v", err, doc)
			}
			e := doc.Enums[0]
			got := string(e.Shape)
			if got == "" {
				got = "untyped"
			}
			for _, m := range e.Members {
				if e.Shape == model.EnumString {
					got += fmt.Sprintf(" %s=%q %q", m.Name, m.Wire, m.Description)
				} else {
					got += fmt.Sprintf(" %s=%d %q", m.Name, m.Value, m.Description)
				}
			}
			if got != tt.want {
				t.Errorf("got %s\nwant %s", got, tt.want)
			}
		})
	}
}
