package model

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// TestTablesMatchSpec makes sure that the registry describes every table
// of a Spec and of a Document, once each and in field order, and that each
// table reaches its own field.
func TestTablesMatchSpec(t *testing.T) {
	var keys []string
	spec := reflect.TypeFor[Spec]()
	for i := range spec.NumField() {
		tag := strings.Split(spec.Field(i).Tag.Get("json"), ",")[0]
		// Structures and their enums are payloads, not enumerations of
		// the protocol: they have no key, shape or Go constants.
		if spec.Field(i).Type.Kind() == reflect.Slice && tag != "sources" && tag != "structures" && tag != "enums" {
			keys = append(keys, tag)
		}
	}
	var got []string
	for _, tab := range Tables {
		got = append(got, tab.Key)
	}
	if !reflect.DeepEqual(got, keys) {
		t.Fatalf("Tables' keys are %v; the Spec's tables are %v", got, keys)
	}
	for _, tab := range Tables {
		// One entry in this table alone: its JSON must show up under the
		// table's key and nowhere else.
		s := &Spec{}
		d := &Document{}
		for _, list := range []any{tab.InSpec(s), tab.InDocument(d)} {
			v := reflect.ValueOf(list).Elem()
			v.Set(reflect.Append(v, reflect.Zero(v.Type().Elem())))
		}
		data, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		var fields map[string]json.RawMessage
		if err := json.Unmarshal(data, &fields); err != nil {
			t.Fatal(err)
		}
		for key, val := range fields {
			if full := string(val) != "null"; full != (key == tab.Key) {
				t.Errorf("%s: with one entry in the table, the Spec's %s is %s", tab.Key, key, val)
			}
		}
		if n := tab.Len(s); n != 1 {
			t.Errorf("%s: Len = %d, want 1", tab.Key, n)
		}
		if got := reflect.ValueOf(d).Elem().FieldByName(spec.Field(fieldIndex(spec, tab.Key)).Name).Len(); got != 1 {
			t.Errorf("%s: InDocument reaches another field of Document", tab.Key)
		}
		if TableByKey(tab.Key) != tab {
			t.Errorf("TableByKey(%q) is not the table", tab.Key)
		}
	}
	if TableByKey("sources") != nil {
		t.Error(`TableByKey("sources") is a table`)
	}
}

func fieldIndex(typ reflect.Type, jsonKey string) int {
	for i := range typ.NumField() {
		if strings.Split(typ.Field(i).Tag.Get("json"), ",")[0] == jsonKey {
			return i
		}
	}
	return -1
}

// TestTablesDescribed makes sure that every table is described in full:
// a table without nouns, names or a file would turn up as blanks in
// messages and generated code.
func TestTablesDescribed(t *testing.T) {
	types := map[string]string{}
	for _, tab := range Tables {
		for field, v := range map[string]string{
			"Singular": tab.Singular, "Plural": tab.Plural, "Protocol": tab.Protocol, "Example": tab.Example,
			"Go.Type": tab.Go.Type, "File": tab.File, "TypeScript": tab.TypeScript,
		} {
			if v == "" {
				t.Errorf("%s: %s is empty", tab.Key, field)
			}
		}
		if tab.Go.Prefix != "" || tab.Go.List != "" {
			t.Errorf("%s: Go sets %+v; only Type is a default, the others are derived from it", tab.Key, tab.Go)
		}
		if prev, ok := types[tab.Go.Type]; ok {
			t.Errorf("%s: Go type %s is also %s's", tab.Key, tab.Go.Type, prev)
		}
		types[tab.Go.Type] = tab.Key
		if tab.Shape.String() == "" || strings.HasPrefix(tab.Shape.String(), "Shape(") {
			t.Errorf("%s: shape %d has no name", tab.Key, tab.Shape)
		}
	}
}

func TestGoNamesOverride(t *testing.T) {
	def := GoNames{Type: "Opcode"}
	for _, tc := range []struct {
		o, want GoNames
	}{
		{GoNames{}, GoNames{"Opcode", "Opcode", "Opcodes"}},
		{GoNames{Type: "Op"}, GoNames{"Op", "Op", "Ops"}},
		{GoNames{Prefix: "Op"}, GoNames{"Opcode", "Op", "Opcodes"}},
		{GoNames{List: "AllOpcodes"}, GoNames{"Opcode", "Opcode", "AllOpcodes"}},
		{GoNames{Type: "Op", List: "OpList"}, GoNames{"Op", "Op", "OpList"}},
		{GoNames{Type: "Intents", Prefix: "Intent"}, GoNames{"Intents", "Intent", "AllIntents"}},
		{GoNames{Type: "Intents", List: "IntentList"}, GoNames{"Intents", "Intents", "IntentList"}},
	} {
		if got := def.Override(tc.o); got != tc.want {
			t.Errorf("Override(%+v) = %+v, want %+v", tc.o, got, tc.want)
		}
	}
	if got := TableByKey("intents").Names(GoNames{}); got != (GoNames{"Intent", "Intent", "Intents"}) {
		t.Errorf("intents' names: %+v", got)
	}
}

func TestShapeKey(t *testing.T) {
	for s, want := range map[Shape]string{Codes: "code", Names: "name", Flags: "bit"} {
		if got := s.Key(); got != want {
			t.Errorf("%v.Key() = %q, want %q", s, got, want)
		}
	}
}
