package generator

import (
	"math/bits"
	"slices"

	"github.com/dave/jennifer/jen"

	"github.com/gatewaygen/gatewaygen/model"
)

// This file emits the enums that payload fields link to and that are not
// tables of the package (Channel Types, Message Flags, Status Types): a
// type of the enum's JSON representation and a constant for each value, so
// that a field of one is typed by it. Unlike the package's tables they have
// no String methods or lookups: they are values a payload carries, which a
// library compares with the constants.

// An enumType is one such enum.
type enumType struct {
	e *model.Enum
}

// newEnumTypes returns the enums of spec whose values the IR has and whose
// names, the type's and the constants', are not taken: the ones fields are
// typed by. An enum whose names another declaration has (the docs' "Event
// Types" of auto moderation against EventTypes, the list of events of the
// type EventType) is left out rather than refused, since no setting names
// it: its fields keep the JSON type, their doc comments listing its values.
func newEnumTypes(spec *model.Spec, taken map[string]bool) []*enumType {
	var enums []*enumType
	for i := range spec.Enums {
		e := &spec.Enums[i]
		if e.Shape == "" || len(e.Members) == 0 {
			continue
		}
		t := &enumType{e: e}
		names := []string{e.GoName}
		for j := range e.Members {
			names = append(names, t.constant(&e.Members[j]))
		}
		if slices.ContainsFunc(names, func(n string) bool { return taken[n] }) {
			continue
		}
		for _, n := range names {
			taken[n] = true
		}
		enums = append(enums, t)
	}
	return enums
}

// underlying returns the Go type beneath the enum's type.
func (t *enumType) underlying() jen.Code {
	switch t.e.Shape {
	case model.EnumString:
		return jen.String()
	case model.EnumFlags:
		return jen.Uint64()
	}
	return jen.Int64()
}

// constant returns the name of the constant of a member.
func (t *enumType) constant(m *model.EnumValue) string {
	return t.e.GoName + m.GoName
}

// emit declares the type and its constants.
func (t *enumType) emit(f *jen.File) {
	e := t.e
	what := "one of the values below"
	if e.Shape == model.EnumFlags {
		what = "a set of the flags below"
	}
	lines := []string{e.GoName + ` is the docs' "` + e.Name + `": ` + what + "."}
	if e.Description != "" {
		lines = append(lines, "", e.Description)
	}
	f.Add(doc(lines...))
	f.Type().Id(e.GoName).Add(t.underlying())
	f.Add(doc("The values of " + e.GoName + " the docs list."))
	f.Const().DefsFunc(func(g *jen.Group) {
		for i := range e.Members {
			m := &e.Members[i]
			first := t.constant(m) + " is " + m.Name + "."
			if m.Description != "" && m.Description != m.Name {
				first += " " + sentence(m.Description)
			}
			lines := []string{first}
			if m.Deprecated {
				lines = append(lines, "", "Deprecated: the docs mark this value as deprecated.")
			}
			g.Add(doc(lines...))
			g.Id(t.constant(m)).Id(e.GoName).Op("=").Add(t.value(m))
		}
	})
}

// value returns the constant's value: the wire string, the integer, or a
// flag as a shift where it is one bit.
func (t *enumType) value(m *model.EnumValue) jen.Code {
	switch {
	case t.e.Shape == model.EnumString:
		return jen.Lit(m.Wire)
	case t.e.Shape == model.EnumFlags && m.Value > 0 && m.Value&(m.Value-1) == 0:
		return jen.Lit(1).Op("<<").Lit(bits.TrailingZeros64(uint64(m.Value)))
	}
	return jen.Lit(int(m.Value))
}
