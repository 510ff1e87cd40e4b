package lockfile

import (
	"errors"
	"strings"
	"testing"

	"github.com/gatewaygen/gatewaygen/model"
)

func structureSpec(fields ...model.Field) *model.Spec {
	return &model.Spec{
		Sources: []string{"a.md"}, Opcodes: []model.Opcode{}, Events: []model.Event{},
		Structures: []model.Structure{
			{Name: "User", GoName: "User", Fields: fields, Sources: []model.Source{{File: "a.md", Line: 1}}},
			{Name: "Guild", GoName: "Guild", Fields: []model.Field{}, Sources: []model.Source{{File: "a.md", Line: 9}}},
		},
		Enums: []model.Enum{},
	}
}

func field(name, goName string, line int, t *model.TypeRef) model.Field {
	return model.Field{Name: name, GoName: goName, Type: t.String(), Resolved: t, Sources: []model.Source{{File: "a.md", Line: line}}}
}

var (
	snowflake = &model.TypeRef{Kind: model.TypePrimitive, Primitive: model.PrimitiveSnowflake}
	guildRef  = &model.TypeRef{Kind: model.TypeStructure, Structure: "Guild"}
	teamRef   = &model.TypeRef{Kind: model.TypeArray, Elem: &model.TypeRef{Kind: model.TypeStructure, Structure: "Team"}}
)

// A field the docs drop is kept, deprecated, with its recorded type, until
// dropped as STRUCTURE.FIELD; what its type named that the spec no longer
// has becomes raw JSON.
func TestKeepFields(t *testing.T) {
	v1 := structureSpec(field("id", "ID", 2, snowflake), field("guild", "Guild", 3, guildRef), field("teams", "Teams", 4, teamRef))
	lock := (&File{Path: "gateway.lock.json"}).Record(v1)
	data := lock.Marshal()
	if !strings.Contains(string(data), `"fields": [`) || !strings.Contains(string(data), `{"structure":"User","name":"guild","go_name":"Guild","type":{"kind":"structure","structure":"Guild"}}`) {
		t.Fatalf("lock file:\n%s", data)
	}
	lock, err := Parse("gateway.lock.json", data)
	if err != nil {
		t.Fatal(err)
	}
	v2 := structureSpec(field("id", "ID", 2, snowflake))
	kept, err := lock.Keep(v2, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range kept.Structures[0].Fields {
		got = append(got, f.Name+" "+f.Resolved.String()+" "+f.Sources[0].String()+" kept="+map[bool]string{true: "yes", false: "no"}[f.Kept && f.Deprecated])
	}
	want := "id snowflake a.md:2 kept=no\nguild Guild gateway.lock.json:9 kept=yes\nteams array of raw JSON (unresolved link) gateway.lock.json:10 kept=yes"
	if strings.Join(got, "\n") != want {
		t.Errorf("fields:\n%s\nwant:\n%s", strings.Join(got, "\n"), want)
	}
	if len(v2.Structures[0].Fields) != 1 {
		t.Error("Keep modified the spec it was given")
	}
	dropped, err := lock.Keep(v2, []string{"User.guild", "User.teams"})
	if err != nil || len(dropped.Structures[0].Fields) != 1 {
		t.Errorf("dropping both: %v, %+v", err, dropped)
	}
	var de *DropError
	if _, err := lock.Keep(v2, []string{"User.id"}); !errors.As(err, &de) || !de.Listed {
		t.Errorf("dropping a listed field: %v", err)
	}
	// A new field that takes a kept field's Go name needs a decision.
	v3 := structureSpec(field("id", "ID", 2, snowflake), field("guild_", "Guild", 5, snowflake))
	var list ErrorList
	if _, err := lock.Keep(v3, nil); !errors.As(err, &list) || len(list) != 1 || list[0].Drop != "User.guild" || list[0].Pos.Line != 5 {
		t.Errorf("Go name clash: %v", err)
	}
}
