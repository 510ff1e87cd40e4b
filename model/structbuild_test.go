package model_test

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/gatewaygen/gatewaygen/model"
	"github.com/gatewaygen/gatewaygen/parser"
)

// pages are three documents in the official docs' shape: the Gateway's
// events and opcodes link to a user page and a message page, which hold
// more than the Gateway's payloads.
var pages = map[string]string{
	"docs/topics/opcodes.md": `
## Gateway Opcodes

| Code | Name | Client Action | Description |
|------|------|---------------|-------------|
| 2 | Identify | Send | Starts a session. |
| 3 | Presence Update | Send | Updates the presence. |
| 10 | Hello | Receive | Says how often to heartbeat. |

## Gateway Intents

` + "```\nGUILD_MESSAGES (1 << 9)\n  - MESSAGE_CREATE\n```" + `
`,
	"docs/events/gateway-events.md": `
## Send Events

#### Identify

###### Identify Structure

| Field | Type | Description |
|-------|------|-------------|
| token | string | The token |
| intents | integer | The [Gateway Intents](/docs/topics/opcodes#gateway-intents) to receive |
| properties | object | The [connection properties](#identify-connection-properties) |

###### Identify Connection Properties

| Field | Type | Description |
|-------|------|-------------|
| os | string | The operating system |

#### Update Presence

###### Gateway Presence Update Structure

| Field | Type | Description |
|-------|------|-------------|
| since | ?integer | Since when idle |

## Receive Events

| Name | Description |
|------|-------------|
| Hello | Heartbeat interval |
| Ready | The session is ready |
| Message Create | A message was sent |
| Channel Create | A channel was made |

#### Hello

###### Hello Structure

| Field | Type | Description |
|-------|------|-------------|
| heartbeat_interval | integer | Milliseconds |

#### Ready

###### Ready Event Fields

| Field | Type | Description |
|-------|------|-------------|
| user | [user](/docs/resources/user#user-object) object | The current user |
| guilds | array of [guild](/docs/resources/guild#guild-object) objects | Not given |

#### Message Create

The inner payload is a [message](/docs/resources/message#message-object) object with extra fields:

###### Message Create Extra Fields

| Field | Type | Description |
|-------|------|-------------|
| guild_id? | snowflake | The guild |

#### Channel Create

The inner payload is a [channel](/docs/resources/channel#channel-object) object.
`,
	"docs/resources/user.md": `
### User Object

###### User Structure

| Field | Type | Description |
|-------|------|-------------|
| id | snowflake | The ID |
| flags? | integer | The [flags](#user-object-user-flags) |
| status | integer | The [status](#user-object-statuses), though the values are strings |

###### User Flags

| Value | Name |
|-------|------|
| 1 << 0 | STAFF |

###### Statuses

| Status | Description |
|--------|-------------|
| online | Online |

### Connection Object

###### Connection Structure

| Field | Type | Description |
|-------|------|-------------|
| id | string | Not a payload |

## Modify Current User

###### JSON Params

| Field | Type | Description |
|-------|------|-------------|
| username | string | Not a payload |
`,
	"docs/resources/message.md": `
### Message Object

###### Message Structure

| Field | Type | Description |
|-------|------|-------------|
| id | snowflake | The ID |
| author | [user](/docs/resources/user#user-object) object | The author |
| reply | ?[message](#message-object) object | The message replied to |
`,
}

func buildPages(t *testing.T, names ...string) (*model.Spec, []model.Warning) {
	t.Helper()
	var docs []*model.Document
	for _, name := range names {
		doc, err := parser.Parse(name, []byte(pages[name]))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		docs = append(docs, doc)
	}
	spec, warnings, err := model.BuildWith(docs, model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return spec, warnings
}

func typeJSON(t *model.TypeRef) string {
	b, _ := json.Marshal(t)
	return string(b)
}

// Only the payloads and what they reach are structures of the Spec; links
// resolve across documents; a link to a page not given is a warning and
// raw JSON.
func TestStructuresAcrossPages(t *testing.T) {
	spec, warnings := buildPages(t, "docs/topics/opcodes.md", "docs/events/gateway-events.md", "docs/resources/user.md", "docs/resources/message.md")
	var names []string
	byName := map[string]model.Structure{}
	for _, st := range spec.Structures {
		names = append(names, st.Name+"="+st.GoName)
		byName[st.Name] = st
	}
	if got, want := strings.Join(names, " "), "Gateway Presence Update=GatewayPresenceUpdate Hello=Hello Identify=Identify Identify Connection Properties=IdentifyConnectionProperties Message=Message Message Create=MessageCreate Ready=Ready User=User"; got != want {
		t.Errorf("structures:\n%s\nwant:\n%s", got, want)
	}
	payloads := map[string]string{}
	for _, o := range spec.Opcodes {
		payloads[o.Name] = o.Payload
	}
	for _, e := range spec.Events {
		payloads[e.Name] = e.Payload
	}
	for name, want := range map[string]string{
		"IDENTIFY": "Identify", "PRESENCE_UPDATE": "Gateway Presence Update", "HELLO": "Hello",
		"READY": "Ready", "MESSAGE_CREATE": "Message Create", "CHANNEL_CREATE": "",
	} {
		if payloads[name] != want {
			t.Errorf("%s's payload is %q, want %q", name, payloads[name], want)
		}
	}
	if b := byName["Message Create"].Base; b != "Message" {
		t.Errorf("Message Create's base is %q, want Message", b)
	}
	for _, tt := range []struct{ structure, field, want string }{
		{"Identify", "intents", `{"kind":"enum","primitive":"integer","table":"intents","link":"/docs/topics/opcodes#gateway-intents"}`},
		{"Identify", "properties", `{"kind":"structure","structure":"Identify Connection Properties","link":"#identify-connection-properties"}`},
		{"Ready", "user", `{"kind":"structure","structure":"User","link":"/docs/resources/user#user-object"}`},
		{"Ready", "guilds", `{"kind":"array","elem":{"kind":"raw","link":"/docs/resources/guild#guild-object","why":"unresolved link"}}`},
		{"User", "flags", `{"kind":"enum","primitive":"integer","enum":"User Flags","link":"#user-object-user-flags"}`},
		{"User", "status", `{"kind":"primitive","primitive":"integer","enum":"Statuses","link":"#user-object-statuses"}`},
		{"Message", "reply", `{"kind":"structure","structure":"Message","link":"#message-object"}`},
	} {
		var got *model.TypeRef
		for _, f := range byName[tt.structure].Fields {
			if f.Name == tt.field {
				got = f.Resolved
			}
		}
		if s := typeJSON(got); s != tt.want {
			t.Errorf("%s.%s = %s, want %s", tt.structure, tt.field, s, tt.want)
		}
	}
	if len(spec.Enums) != 1 || spec.Enums[0].Name != "User Flags" || spec.Enums[0].Shape != model.EnumFlags || spec.Enums[0].Members[0].GoName != "Staff" || spec.Enums[0].Members[0].Value != 1 {
		t.Errorf("enums: %+v", spec.Enums)
	}
	if a := byName["User"].Anchors; strings.Join(a, " ") != "docs/resources/user#user-object docs/resources/user#user-object-user-structure docs/resources/user#user-structure" {
		t.Errorf("User's anchors: %v", a)
	}
	var got []string
	for _, w := range warnings {
		got = append(got, w.String())
	}
	want := []string{
		"docs/events/gateway-events.md:52: the link /docs/resources/guild#guild-object leads to no table of the specs given (no spec is the page /docs/resources/guild); what it types is left as raw JSON",
		"docs/events/gateway-events.md:64: the link /docs/resources/channel#channel-object leads to no table of the specs given (no spec is the page /docs/resources/channel); what it types is left as raw JSON",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// The Gateway's pages alone build as before: links to the other pages are
// raw JSON and warnings, never errors.
func TestStructuresGatewayPagesAlone(t *testing.T) {
	spec, warnings := buildPages(t, "docs/events/gateway-events.md")
	// Without the opcodes' table, Identify and Hello are nobody's payload.
	if len(spec.Structures) != 2 || len(warnings) != 4 {
		t.Errorf("%d structures and %d warnings, want 2 and 4", len(spec.Structures), len(warnings))
	}
	for _, st := range spec.Structures {
		if st.Name == "Message Create" && st.Base != "" {
			t.Errorf("Message Create extends %q, a page not given", st.Base)
		}
	}
}

// Two pages with a structure of one name: the later is qualified by its
// page, with a warning, so that names stay unique and deterministic.
func TestStructureNameClash(t *testing.T) {
	a := "#### Hello\n\n###### Hello Structure\n\n| Field | Type | Description |\n|---|---|---|\n| user | [user](/b/two#user-object) object | x |\n| other | [user](/a/one#user-object) object | x |\n\n### User Object\n\n###### User Structure\n\n| Field | Type | Description |\n|---|---|---|\n| id | snowflake | x |\n\n## Gateway Opcodes\n\n| Code | Name |\n|---|---|\n| 10 | Hello |\n"
	b := "### User Object\n\n###### User Structure\n\n| Field | Type | Description |\n|---|---|---|\n| name | string | x |\n"
	docA, err := parser.Parse("a/one.md", []byte(a))
	if err != nil {
		t.Fatal(err)
	}
	docB, err := parser.Parse("b/two.md", []byte(b))
	if err != nil {
		t.Fatal(err)
	}
	spec, warnings, err := model.BuildWith([]*model.Document{docA, docB}, model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, st := range spec.Structures {
		names = append(names, st.Name)
	}
	if got := strings.Join(names, ", "); got != "Hello, Two User, User" {
		t.Errorf("structures %s, want Hello, Two User, User: the later document's is qualified", got)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0].Msg, "another structure is named User") {
		t.Errorf("warnings %v", warnings)
	}
}

// Three pages with an enum of one name: the later ones are qualified by
// their page, and numbered when two pages have one name, so that every
// enum keeps a name of its own and each field its own enum.
func TestEnumNameClash(t *testing.T) {
	// A page needs a structure table to be read; these are out of scope.
	enum := "###### Kind Types\n\n| Value | Name |\n|---|---|\n| 1 | %s |\n\n###### Unused Structure\n\n| Field | Type | Description |\n|---|---|---|\n| x | string | x |\n"
	hello := "#### Hello\n\n###### Hello Structure\n\n| Field | Type | Description |\n|---|---|---|\n| a | integer | [kind](/a/one#kind-types) |\n| b | integer | [kind](/b/two#kind-types) |\n| c | integer | [kind](/c/two#kind-types) |\n\n## Gateway Opcodes\n\n| Code | Name |\n|---|---|\n| 10 | Hello |\n"
	var docs []*model.Document
	for _, f := range []struct{ file, text string }{
		{"a/one.md", hello + "\n" + fmt.Sprintf(enum, "A")},
		{"b/two.md", fmt.Sprintf(enum, "B")},
		{"c/two.md", fmt.Sprintf(enum, "C")},
	} {
		doc, err := parser.Parse(f.file, []byte(f.text))
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, doc)
	}
	spec, _, err := model.BuildWith(docs, model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range spec.Enums {
		got = append(got, e.Name+"="+e.Members[0].Name)
	}
	if s := strings.Join(got, ", "); s != "Kind Types=A, Two Kind Types=B, Two Kind Types 2=C" {
		t.Errorf("enums %s, want Kind Types=A, Two Kind Types=B, Two Kind Types 2=C", s)
	}
	for _, st := range spec.Structures {
		for _, f := range st.Fields {
			got = append(got, f.Name+"="+f.Resolved.Enum)
		}
	}
	if s := strings.Join(got[3:], ", "); s != "a=Kind Types, b=Two Kind Types, c=Two Kind Types 2" {
		t.Errorf("fields %s", s)
	}
}

// Libraries copy the pages they use into one folder: a link's page is then
// the only spec whose file has the link's last element as its name, and
// no page at all when two folders hold one of that name.
func TestStructuresFlatFolder(t *testing.T) {
	build := func(files map[string]string) (*model.Spec, []model.Warning) {
		t.Helper()
		var docs []*model.Document
		for _, name := range slices.Sorted(maps.Keys(files)) {
			doc, err := parser.Parse(name, []byte(pages[files[name]]))
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			docs = append(docs, doc)
		}
		spec, warnings, err := model.BuildWith(docs, model.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return spec, warnings
	}
	readyUser := func(spec *model.Spec) string {
		for _, st := range spec.Structures {
			for _, f := range st.Fields {
				if st.Name == "Ready" && f.Name == "user" {
					return typeJSON(f.Resolved)
				}
			}
		}
		return "no Ready.user"
	}
	flat := map[string]string{
		"lib/docs/opcodes.md": "docs/topics/opcodes.md", "lib/docs/gateway-events.md": "docs/events/gateway-events.md",
		"lib/docs/user.md": "docs/resources/user.md", "lib/docs/message.md": "docs/resources/message.md",
	}
	spec, _ := build(flat)
	if got, want := readyUser(spec), `{"kind":"structure","structure":"User","link":"/docs/resources/user#user-object"}`; got != want {
		t.Errorf("in one folder, Ready.user is %s, want %s", got, want)
	}
	flat["other/user.md"] = "docs/resources/user.md"
	spec, warnings := build(flat)
	if got := readyUser(spec); !strings.Contains(got, `"why":"unresolved link"`) {
		t.Errorf("with two user.md, Ready.user is %s, want an unresolved link", got)
	}
	if !slices.ContainsFunc(warnings, func(w model.Warning) bool { return strings.Contains(w.Msg, "/docs/resources/user#user-object") }) {
		t.Errorf("with two user.md, no warning names the link: %v", warnings)
	}
}

// With NoStructures the structure tables are not read: no structures, no
// payloads, and no warnings about their links.
func TestNoStructures(t *testing.T) {
	doc, err := parser.Parse("docs/events/gateway-events.md", []byte(pages["docs/events/gateway-events.md"]))
	if err != nil {
		t.Fatal(err)
	}
	spec, warnings, err := model.BuildWith([]*model.Document{doc}, model.Options{NoStructures: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(spec.Structures) != 0 || spec.Structures == nil || len(spec.Enums) != 0 || len(warnings) != 0 {
		t.Errorf("NoStructures: %d structures (nil: %v), %d enums, warnings %v; want none", len(spec.Structures), spec.Structures == nil, len(spec.Enums), warnings)
	}
	for _, e := range spec.Events {
		if e.Payload != "" {
			t.Errorf("NoStructures: %s has the payload %s", e.Name, e.Payload)
		}
	}
}
