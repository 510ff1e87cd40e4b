package specdiff

import (
	"strings"
	"testing"

	"github.com/gatewaygen/gatewaygen/model"
)

func structure(name, base string, fields ...model.Field) model.Structure {
	return model.Structure{Name: name, Base: base, Fields: fields}
}

func fieldOf(name string, t *model.TypeRef, optional, nullable bool) model.Field {
	return model.Field{Name: name, Resolved: t, Optional: optional, Nullable: nullable}
}

// Structures are matched by name and fields by key; a type is compared as
// words, so a link that moved is no change.
func TestCompareStructures(t *testing.T) {
	str := &model.TypeRef{Kind: model.TypePrimitive, Primitive: "string"}
	user := &model.TypeRef{Kind: model.TypeStructure, Structure: "User", Link: "/a#user"}
	userMoved := &model.TypeRef{Kind: model.TypeStructure, Structure: "User", Link: "/b#user-object"}
	old := []model.Structure{
		structure("Gone", ""),
		structure("Message", "", fieldOf("author", user, false, false), fieldOf("content", str, false, false), fieldOf("nonce", str, true, false)),
		structure("Message Create", "Message"),
	}
	new := []model.Structure{
		structure("Message", "", fieldOf("author", userMoved, false, false), fieldOf("content", str, true, true), fieldOf("poll", user, true, false)),
		structure("Message Create", "Channel"),
		structure("New", ""),
	}
	var got []string
	for _, c := range compareStructures(old, new) {
		got = append(got, c.Kind.String()+" "+c.Name+" "+fieldsText(c.Changes))
		for _, f := range c.Fields {
			got = append(got, "  "+f.Kind.String()+" "+f.Name+" "+fieldsText(f.Changes))
		}
	}
	want := []string{
		"added New ",
		"removed Gone ",
		"changed Message ",
		"  changed content optional no->yes, nullable no->yes",
		"  added poll ",
		"  removed nonce ",
		"changed Message Create base Message->Channel",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("changes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if c := Compare(&model.Spec{Structures: old}, &model.Spec{Structures: old}); !c.Empty() {
		t.Errorf("a spec compared with itself: %+v", c.Structures)
	}
}

func fieldsText(fs []Field) string {
	var s []string
	for _, f := range fs {
		s = append(s, f.Name+" "+f.Old+"->"+f.New)
	}
	return strings.Join(s, ", ")
}
