package config

import (
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/gatewaygen/gatewaygen/model"
)

// issueExample is the configuration of issue 17, the contract of the keys.
const issueExample = `specs: [../docs/opcodes-and-status-codes.mdx, ../docs/gateway.mdx, ../docs/gateway-events.mdx]
out: .
package: gateway
initialisms: [DM, SKU]
merge: first-wins            # or strict (the default)
keep_removed: gatewaygen.lock.json
tables:                      # when present, only the tables listed are generated
  opcodes:    {type: Opcode}
  events:     {type: EventType, prefix: EventType, representation: string}
  intents:    {type: Intents, prefix: Intent, underlying: int64, list: AllIntents}
  close_codes: {type: CloseCode}
names:                       # per table, by wire name or code
  opcodes: {HEARTBEAT_ACK: HeartbeatAck}
  close_codes: {4003: NotAuthenticated}
`

func TestParseIssueExample(t *testing.T) {
	path := filepath.Join("lib", "gateway", "gatewaygen.yaml")
	f, err := Parse(path, []byte(issueExample))
	if err != nil {
		t.Fatal(err)
	}
	at := func(line, col int) model.Source { return model.Source{File: path, Line: line, Column: col} }
	want := &File{
		Path: path,
		Specs: []string{
			filepath.Join("lib", "docs", "opcodes-and-status-codes.mdx"),
			filepath.Join("lib", "docs", "gateway.mdx"),
			filepath.Join("lib", "docs", "gateway-events.mdx"),
		},
		Out:         filepath.Join("lib", "gateway"),
		Package:     "gateway",
		Initialisms: []string{"DM", "SKU"},
		Merge:       "first-wins",
		KeepRemoved: filepath.Join("lib", "gateway", "gatewaygen.lock.json"),
		Tables: map[string]Table{
			"opcodes":     {Type: "Opcode"},
			"events":      {Type: "EventType", Prefix: "EventType", Representation: "string"},
			"intents":     {Type: "Intents", Prefix: "Intent", Underlying: "int64", List: "AllIntents"},
			"close_codes": {Type: "CloseCode"},
		},
		Names: []model.Rename{
			{Table: "opcodes", Key: "HEARTBEAT_ACK", GoName: "HeartbeatAck", Origin: at(13, 13)},
			{Table: "close_codes", Key: "4003", GoName: "NotAuthenticated", Origin: at(14, 17)},
		},
	}
	f.keys = nil
	if !reflect.DeepEqual(f, want) {
		t.Errorf("Parse =\n%+v\nwant\n%+v", f, want)
	}
}

func TestPos(t *testing.T) {
	f, err := Parse("gw.yaml", []byte(issueExample))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		key  string
		want string
		has  bool
	}{
		{"package", "gw.yaml:3:1", true},
		{"tables.intents.list", "gw.yaml:10:66", true},
		{"tables.intents", "gw.yaml:10:3", true},
		{"tables.opcodes.list", "gw.yaml:8:3", false}, // the table, which the file sets
		{"tables.voice_opcodes.type", "gw.yaml:7:1", false},
		{"names.close_codes.4003", "gw.yaml:14:17", true},
		{"sender_type", "gw.yaml", false},
	} {
		if got := f.Pos(tt.key).String(); got != tt.want {
			t.Errorf("Pos(%q) = %s, want %s", tt.key, got, tt.want)
		}
		if got := f.Has(tt.key); got != tt.has {
			t.Errorf("Has(%q) = %v, want %v", tt.key, got, tt.has)
		}
	}
}

func TestParseValues(t *testing.T) {
	for _, tt := range []struct {
		name, src string
		want      *File
	}{
		{"empty file", "", &File{}},
		{"comments only", "# nothing yet\n", &File{}},
		{"a document marker alone", "---", &File{}},
		{"absolute paths stay", "specs: [/docs/a.md]\nout: /tmp/gw\n", &File{Specs: []string{"/docs/a.md"}, Out: "/tmp/gw"}},
		{"a table with no settings takes the defaults", "tables:\n  opcodes:\n  events: {}\n",
			&File{Tables: map[string]Table{"opcodes": {}, "events": {}}}},
		{"the structures are listed like a table", "tables:\n  opcodes:\n  structures:\n",
			&File{Tables: map[string]Table{"opcodes": {}, "structures": {}}}},
		{"block style", "specs:\n  - a.md\n  - b.md\nsender_type: Sender\nmerge: strict\n",
			&File{Specs: []string{"a.md", "b.md"}, SenderType: "Sender", Merge: "strict"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse("gw.yaml", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			f.keys = nil
			tt.want.Path = "gw.yaml"
			if !reflect.DeepEqual(f, tt.want) {
				t.Errorf("Parse =\n%+v\nwant\n%+v", f, tt.want)
			}
		})
	}
}

func TestParseReconnect(t *testing.T) {
	src := "reconnect:\n  voice_close_codes: {4014: false, 0xFB5: true}\n  close_codes:\n    \"4004\": false\n"
	f, err := Parse("gw.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	at := func(line, col int) model.Source { return model.Source{File: "gw.yaml", Line: line, Column: col} }
	want := []Reconnect{
		{Table: "voice_close_codes", Code: 4014, Reconnect: false, Pos: at(2, 23)},
		{Table: "voice_close_codes", Code: 4021, Reconnect: true, Pos: at(2, 36)},
		{Table: "close_codes", Code: 4004, Reconnect: false, Pos: at(4, 5)},
	}
	if !reflect.DeepEqual(f.Reconnect, want) {
		t.Errorf("Reconnect = %+v, want %+v", f.Reconnect, want)
	}
}

func TestParseTypes(t *testing.T) {
	src := "types:\n  Identify: {Shard: \"[2]int\"}\n  Activity:\n    CreatedAt: Optional[int64]\n"
	f, err := Parse("gw.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"Identify.Shard": "[2]int", "Activity.CreatedAt": "Optional[int64]"}
	if !reflect.DeepEqual(f.Types, want) {
		t.Errorf("Types = %v, want %v", f.Types, want)
	}
	if got := f.Pos("types.Activity.CreatedAt").String(); got != "gw.yaml:4:5" {
		t.Errorf("Pos(types.Activity.CreatedAt) = %s", got)
	}
}

func TestParseAliases(t *testing.T) {
	src := "specs: &docs [a.md]\ntables:\n  opcodes: &op {type: Op}\n  voice_opcodes: *op\n"
	f, err := Parse("gw.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if want := (Table{Type: "Op"}); f.Tables["voice_opcodes"] != want {
		t.Errorf("voice_opcodes = %+v, want %+v", f.Tables["voice_opcodes"], want)
	}
}

// TestParseErrors asserts every message with its position.
func TestParseErrors(t *testing.T) {
	for _, tt := range []struct {
		name, src string
		want      []string
	}{
		{"unknown key", "spec: [a.md]\n",
			[]string{`gw.yaml:1:1: unknown key "spec"; want one of specs, out, package, sender_type, initialisms, merge, keep_removed, tables, names, reconnect, types`}},
		{"unknown table setting", "tables:\n  opcodes: {tpye: Op}\n",
			[]string{`gw.yaml:2:13: tables.opcodes: unknown key "tpye"; want one of type, prefix, representation, underlying, list`}},
		{"unknown table", "tables:\n  opcode: {type: Op}\n",
			[]string{`gw.yaml:2:3: tables: unknown key "opcode"; want one of opcodes, events, close_codes, voice_opcodes, voice_close_codes, intents, structures`}},
		{"settings of the structures", "tables:\n  structures: {type: Payload}\n",
			[]string{`gw.yaml:2:15: tables.structures: the payload structures have no settings; write "structures:" alone to generate them`}},
		{"unknown table of names", "names:\n  gateway_opcodes: {HELLO: Hi}\n",
			[]string{`gw.yaml:2:3: names: unknown key "gateway_opcodes"; want one of opcodes, events, close_codes, voice_opcodes, voice_close_codes, intents`}},
		{"reconnect of a table without close codes", "reconnect:\n  opcodes: {1: false}\n",
			[]string{`gw.yaml:2:3: reconnect: unknown key "opcodes"; want one of close_codes, voice_close_codes`}},
		{"a key twice", "out: a\npackage: p\nout: b\n",
			[]string{`gw.yaml:3:1: "out" given twice; first at line 1`}},
		{"a code twice in two spellings", "names:\n  close_codes:\n    4003: A\n    0xFA3: B\n",
			[]string{`gw.yaml:4:5: names.close_codes: "4003" given twice; first at line 3`}},
		{"not a mapping", "- specs\n",
			[]string{`gw.yaml:1:1: the config file: want a mapping of keys to values, got a list`}},
		{"a scalar document", "gateway\n",
			[]string{`gw.yaml:1:1: the config file: want a mapping of keys to values, got the string "gateway"`}},
		{"a string for a list", "specs: docs/gateway.md\n",
			[]string{`gw.yaml:1:8: specs: want a list of file names, such as [docs/gateway.md], got the string "docs/gateway.md"`}},
		{"a list for a string", "out: [a, b]\n",
			[]string{`gw.yaml:1:6: out: want a string, got a list`}},
		{"an integer for a string", "package: 7\n",
			[]string{`gw.yaml:1:10: package: want a string, got the integer 7`}},
		{"nothing for a string", "package:\n",
			[]string{`gw.yaml:1:9: package: want a string, got nothing`}},
		{"an empty string", "out: \"\"\n",
			[]string{`gw.yaml:1:6: out: an empty string; leave the key out for the default`}},
		{"an empty list", "specs: []\n",
			[]string{`gw.yaml:1:8: specs: an empty list; leave the key out for the default`}},
		{"a wrong item", "initialisms: [DM, 3, {a: b}]\n",
			[]string{`gw.yaml:1:19: initialisms[1]: want a string, got the integer 3`, `gw.yaml:1:22: initialisms[2]: want a string, got a mapping`}},
		{"a merge policy", "merge: first wins\n",
			[]string{`gw.yaml:1:8: merge: unknown merge policy "first wins": want strict or first-wins`}},
		{"a boolean for a setting", "tables:\n  events: {representation: true}\n",
			[]string{`gw.yaml:2:28: tables.events.representation: want a string, got the boolean true`}},
		{"a list of tables", "tables: [opcodes, events]\n",
			[]string{`gw.yaml:1:9: tables: want a mapping of keys to values, got a list`}},
		{"no tables", "tables: {}\n",
			[]string{`gw.yaml:1:1: tables lists no table; list those to generate, or leave tables out to generate every table the specs have`}},
		{"a table's settings as a string", "tables:\n  opcodes: Opcode\n",
			[]string{`gw.yaml:2:12: tables.opcodes: want a mapping of keys to values, got the string "Opcode"`}},
		{"a name that is no string", "names:\n  opcodes: {HELLO: [Hi]}\n",
			[]string{`gw.yaml:2:20: names.opcodes.HELLO: want a string, got a list`}},
		{"names not per table", "names: {HELLO: Hi}\n",
			[]string{`gw.yaml:1:9: names: unknown key "HELLO"; want one of opcodes, events, close_codes, voice_opcodes, voice_close_codes, intents`}},
		{"a complex key", "names:\n  opcodes: {[A]: B}\n",
			[]string{`gw.yaml:2:13: names.opcodes: want a key, got a list`}},
		{"a code that is no integer", "reconnect:\n  close_codes: {auth: false}\n",
			[]string{`gw.yaml:2:17: reconnect.close_codes: "auth" is not a close code; want an integer such as 4014`}},
		{"a reconnect that is no boolean", "reconnect:\n  close_codes: {4004: \"no\"}\n",
			[]string{`gw.yaml:2:23: reconnect.close_codes.4004: want true or false, got the string "no"`}},
		{"every fault at once, in order", "out: 1\nbogus: 2\ntables:\n  events: {type: 3}\n",
			[]string{`gw.yaml:1:6: out: want a string, got the integer 1`, `gw.yaml:2:1: unknown key "bogus"; want one of specs, out, package, sender_type, initialisms, merge, keep_removed, tables, names, reconnect, types`, `gw.yaml:4:18: tables.events.type: want a string, got the integer 3`}},
		{"a syntax error", "specs: [a.md\nout: .\n",
			[]string{`gw.yaml:1: invalid YAML: did not find expected ',' or ']'`}},
		{"a tab", "tables:\n\topcodes: {}\n",
			[]string{`gw.yaml:2: invalid YAML: found character that cannot start any token`}},
		{"two documents", "out: a\n---\nout: b\n",
			[]string{`gw.yaml:2:1: a second YAML document; a config file holds one`}},
		{"an alias to a list for a string", "specs: &s [a.md]\nout: *s\n",
			[]string{`gw.yaml:2:6: out: want a string, got a list`}},
		{"a merge key", "tables:\n  opcodes: &o {type: Op}\n  events:\n    <<: *o\n",
			[]string{`gw.yaml:4:5: tables.events: unknown key "<<"; want one of type, prefix, representation, underlying, list`}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse("gw.yaml", []byte(tt.src))
			if err == nil {
				t.Fatalf("no error; got %+v", f)
			}
			var list model.ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("error %T is not a model.ErrorList: %v", err, err)
			}
			if got := strings.Split(err.Error(), "\n"); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if f != nil {
				t.Error("a File with the error")
			}
		})
	}
}
