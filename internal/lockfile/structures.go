package lockfile

import (
	"fmt"
	"go/token"
	"slices"

	"github.com/gatewaygen/gatewaygen/model"
)

// This file keeps the fields of payload structures. The lock file records
// every field of every structure, one a line under "fields"; when the docs
// drop a field of a structure they still list, Keep puts it back, marked
// Kept and Deprecated, with the type the lock file recorded, so that code
// reading it still builds. A structure the docs drop altogether is not
// kept: nothing in the docs' payloads refers to it any more. A kept field
// is dropped as STRUCTURE.FIELD, such as "User.avatar".

// A Field is one field of a payload structure the generated package
// declares.
type Field struct {
	Structure string         `json:"structure"`
	Name      string         `json:"name"`
	GoName    string         `json:"go_name"`
	Type      *model.TypeRef `json:"type"`
	Optional  bool           `json:"optional,omitempty"`
	Nullable  bool           `json:"nullable,omitempty"`
	Kept      bool           `json:"kept,omitempty"`
	line      int
}

// dropName is how a kept field is named in Keep's drop list.
func (f *Field) dropName() string { return f.Structure + "." + f.Name }

// recordFields lists the fields of spec's structures.
func recordFields(spec *model.Spec) []Field {
	var out []Field
	for _, st := range spec.Structures {
		for _, f := range st.Fields {
			out = append(out, Field{Structure: st.Name, Name: f.Name, GoName: f.GoName, Type: f.Resolved, Optional: f.Optional, Nullable: f.Nullable, Kept: f.Kept})
		}
	}
	return out
}

// checkFields reports fields that no generated struct could declare.
func (f *File) checkFields(once func(line int, key, what string), errs *model.ErrorList) {
	for _, fl := range f.Fields {
		at := model.Source{File: f.Path, Line: fl.line}
		if fl.Structure == "" || fl.Name == "" {
			errs.Add(at, "field without a structure or a name")
		}
		if !token.IsIdentifier(fl.GoName) || !token.IsExported(fl.GoName) {
			errs.Add(at, "field %s: go_name %q is not an exported Go identifier", fl.dropName(), fl.GoName)
		}
		once(fl.line, "field "+fl.dropName(), "field "+fl.dropName())
	}
}

// keepFields puts back into out's structures the fields f records that
// spec no longer lists, except those dropped.
func (f *File) keepFields(out *model.Spec, dropped map[string]bool, errs *ErrorList) {
	index := map[string]int{}
	for i, st := range out.Structures {
		index[st.Name] = i
	}
	enums := map[string]bool{}
	for _, e := range out.Enums {
		enums[e.Name] = true
	}
	cloned := map[int]bool{}
	for _, fl := range f.Fields {
		i, ok := index[fl.Structure]
		if !ok || dropped[fl.dropName()] {
			continue
		}
		st := &out.Structures[i]
		if slices.ContainsFunc(st.Fields, func(g model.Field) bool { return g.Name == fl.Name }) {
			continue
		}
		src := model.Source{File: f.Path, Line: fl.line}
		if j := slices.IndexFunc(st.Fields, func(g model.Field) bool { return g.GoName == fl.GoName }); j >= 0 {
			*errs = append(*errs, &Error{Pos: st.Fields[j].Sources[0], Drop: fl.dropName(), Rename: true,
				Msg: fmt.Sprintf("this field of %s has the Go name %s, which the lock file keeps for the field %s, which the docs no longer list (%s)", st.Name, fl.GoName, fl.Name, src)})
			continue
		}
		if !cloned[i] {
			st.Fields = slices.Clone(st.Fields)
			cloned[i] = true
		}
		st.Fields = append(st.Fields, model.Field{
			Name: fl.Name, GoName: fl.GoName, Type: fl.Type.String(), Optional: fl.Optional, Nullable: fl.Nullable,
			Resolved: keptType(fl.Type, index, enums), Deprecated: true, Kept: true, Sources: []model.Source{src},
		})
	}
}

// keptType is a kept field's recorded type, with what the spec no longer
// has (a structure, an enum) left as raw JSON or its primitive.
func keptType(t *model.TypeRef, structures map[string]int, enums map[string]bool) *model.TypeRef {
	if t == nil {
		return &model.TypeRef{Kind: model.TypeRaw, Why: "unknown type"}
	}
	out := *t
	if t.Elem != nil {
		out.Elem = keptType(t.Elem, structures, enums)
	}
	if t.Key != nil {
		out.Key = keptType(t.Key, structures, enums)
	}
	switch {
	case t.Kind == model.TypeStructure:
		if _, ok := structures[t.Structure]; !ok {
			return &model.TypeRef{Kind: model.TypeRaw, Why: "unresolved link", Link: t.Link}
		}
	case t.Kind == model.TypeEnum && t.Enum != "" && !enums[t.Enum]:
		out.Kind, out.Enum = model.TypePrimitive, ""
	}
	return &out
}

// fieldDropNames marks the fields f keeps that spec no longer lists, and
// those spec lists, for checkDrop.
func (f *File) fieldDropNames(spec *model.Spec, kept, listed map[string]bool) {
	for _, st := range spec.Structures {
		for _, fl := range st.Fields {
			listed[st.Name+"."+fl.Name] = true
		}
	}
	for _, fl := range f.Fields {
		kept[fl.dropName()] = kept[fl.dropName()] || !listed[fl.dropName()]
	}
}
