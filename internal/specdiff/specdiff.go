// Package specdiff compares two versions of a Gateway spec and lists what a
// refresh of the docs did to each opcode and event: added, removed, renamed,
// re-coded or changed. It is what a reviewer of a regenerated package needs
// to read, since any change but an addition can break code downstream.
//
// Opcodes are matched by wire name first, then, among those left, by code:
// an opcode whose name survives is the same opcode even if its code moved
// (re-coded), and a code that survives under another name is the same opcode
// renamed. Events have no code, so they are matched by name alone, and a
// renamed event is one removed and one added.
//
// Package specdiff only computes; the formats users read are templates in
// package templates, and the JSON form is that of the types here.
package specdiff

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/gatewaygen/gatewaygen/model"
)

// A Kind is what happened to an entry.
type Kind int

// The kinds, in the order Changes lists them.
const (
	Added   Kind = iota + 1 // only in the new spec
	Removed                 // only in the old spec
	Renamed                 // an opcode with the same code and a new name
	Recoded                 // an opcode with the same name and a new code
	Changed                 // the same entry with another sender, description or status
)

var kindNames = map[Kind]string{
	Added:   "added",
	Removed: "removed",
	Renamed: "renamed",
	Recoded: "re-coded",
	Changed: "changed",
}

// String returns "added", "removed", "renamed", "re-coded" or "changed".
func (k Kind) String() string {
	if s, ok := kindNames[k]; ok {
		return s
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// MarshalText writes the String form, so JSON output reads as words.
func (k Kind) MarshalText() ([]byte, error) {
	if _, ok := kindNames[k]; !ok {
		return nil, fmt.Errorf("invalid change kind %d", int(k))
	}
	return []byte(k.String()), nil
}

// A Change is what happened to one opcode or event. Old is nil for an added
// entry and New for a removed one.
type Change[T model.Opcode | model.Event] struct {
	Kind Kind `json:"kind"`
	Old  *T   `json:"old,omitempty"`
	New  *T   `json:"new,omitempty"`
	// Fields lists the fields that differ, for every kind but Added and
	// Removed: a renamed opcode may also have a new description.
	Fields []Field `json:"fields,omitempty"`
}

// A Field is one field that differs between the old and the new version of
// an entry, with both values as text.
type Field struct {
	// Name is "sender" (opcodes only), "description" or "status".
	Name string `json:"name"`
	Old  string `json:"old"`
	New  string `json:"new"`
}

// Changes is everything that differs between two specs. It is empty when
// the specs describe the same entries, even if the documents differ in
// layout, order of rows or line numbers.
type Changes struct {
	// Old and New name the documents of each spec.
	Old []string `json:"old"`
	New []string `json:"new"`
	// Opcodes and Events are sorted by kind, in the order of the Kind
	// constants, then opcodes by code (the old code for a removed one),
	// events by name.
	Opcodes []Change[model.Opcode] `json:"opcodes"`
	Events  []Change[model.Event]  `json:"events"`
}

// Empty reports whether nothing changed.
func (c *Changes) Empty() bool {
	return len(c.Opcodes) == 0 && len(c.Events) == 0
}

// Compare returns what changed from old to new.
func Compare(old, new *model.Spec) *Changes {
	return &Changes{
		Old:     nonNil(old.Sources),
		New:     nonNil(new.Sources),
		Opcodes: compareOpcodes(old.Opcodes, new.Opcodes),
		Events:  compareEvents(old.Events, new.Events),
	}
}

// nonNil makes JSON print an empty list as [], not null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func compareOpcodes(old, new []model.Opcode) []Change[model.Opcode] {
	changes := []Change[model.Opcode]{}
	pairedOld := make([]bool, len(old))
	pairedNew := make([]bool, len(new))
	pair := func(i, j int) {
		pairedOld[i], pairedNew[j] = true, true
		o, n := &old[i], &new[j]
		fields := opcodeFields(o, n)
		kind := Changed
		switch {
		case o.Name != n.Name:
			kind = Renamed
		case o.Code != n.Code:
			kind = Recoded
		case len(fields) == 0:
			return
		}
		changes = append(changes, Change[model.Opcode]{Kind: kind, Old: o, New: n, Fields: fields})
	}

	// A Spec holds one opcode per name and one per code, so each lookup
	// finds at most one candidate.
	newByName := make(map[string]int, len(new))
	newByCode := make(map[int]int, len(new))
	for j, n := range new {
		newByName[n.Name] = j
		newByCode[n.Code] = j
	}
	for i, o := range old {
		if j, ok := newByName[o.Name]; ok {
			pair(i, j)
		}
	}
	for i, o := range old {
		if j, ok := newByCode[o.Code]; ok && !pairedOld[i] && !pairedNew[j] {
			pair(i, j)
		}
	}
	for i := range old {
		if !pairedOld[i] {
			changes = append(changes, Change[model.Opcode]{Kind: Removed, Old: &old[i]})
		}
	}
	for j := range new {
		if !pairedNew[j] {
			changes = append(changes, Change[model.Opcode]{Kind: Added, New: &new[j]})
		}
	}
	slices.SortFunc(changes, func(a, b Change[model.Opcode]) int {
		ea, eb := either(a), either(b)
		return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(ea.Code, eb.Code), cmp.Compare(ea.Name, eb.Name))
	})
	return changes
}

func compareEvents(old, new []model.Event) []Change[model.Event] {
	changes := []Change[model.Event]{}
	newByName := make(map[string]int, len(new))
	for j, n := range new {
		newByName[n.Name] = j
	}
	paired := make([]bool, len(new))
	for i := range old {
		o := &old[i]
		j, ok := newByName[o.Name]
		if !ok {
			changes = append(changes, Change[model.Event]{Kind: Removed, Old: o})
			continue
		}
		paired[j] = true
		n := &new[j]
		if fields := commonFields(o.Description, n.Description, o.Deprecated, n.Deprecated, o.Removed, n.Removed); len(fields) > 0 {
			changes = append(changes, Change[model.Event]{Kind: Changed, Old: o, New: n, Fields: fields})
		}
	}
	for j := range new {
		if !paired[j] {
			changes = append(changes, Change[model.Event]{Kind: Added, New: &new[j]})
		}
	}
	slices.SortFunc(changes, func(a, b Change[model.Event]) int {
		return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(either(a).Name, either(b).Name))
	})
	return changes
}

// either returns the new version of the entry, or the old one if it was
// removed: the version a change is sorted by.
func either[T model.Opcode | model.Event](c Change[T]) *T {
	if c.New != nil {
		return c.New
	}
	return c.Old
}

func opcodeFields(o, n *model.Opcode) []Field {
	var fields []Field
	if o.SentBy != n.SentBy {
		fields = append(fields, Field{Name: "sender", Old: o.SentBy.String(), New: n.SentBy.String()})
	}
	return append(fields, commonFields(o.Description, n.Description, o.Deprecated, n.Deprecated, o.Removed, n.Removed)...)
}

// commonFields compares the fields opcodes and events share.
func commonFields(oldDesc, newDesc string, oldDeprecated, newDeprecated, oldRemoved, newRemoved bool) []Field {
	var fields []Field
	if oldDesc != newDesc {
		fields = append(fields, Field{Name: "description", Old: oldDesc, New: newDesc})
	}
	if o, n := Status(oldDeprecated, oldRemoved), Status(newDeprecated, newRemoved); o != n {
		fields = append(fields, Field{Name: "status", Old: o, New: n})
	}
	return fields
}

// Status returns the status of an entry as one word: "removed" if the docs
// strike it out, else "deprecated" if they say so, else "active".
func Status(deprecated, removed bool) string {
	switch {
	case removed:
		return "removed"
	case deprecated:
		return "deprecated"
	}
	return "active"
}
