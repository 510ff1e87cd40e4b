package specdiff

import (
	"slices"
	"strings"

	"github.com/gatewaygen/gatewaygen/model"
)

// A StructureChange is what happened to one payload structure, matched by
// name: added, removed, or changed, when its base or any field is.
type StructureChange struct {
	Kind Kind   `json:"kind"`
	Name string `json:"name"`
	// Old is the structure in the old spec, nil when it was added; New in
	// the new one, nil when it was removed.
	Old *model.Structure `json:"old,omitempty"`
	New *model.Structure `json:"new,omitempty"`
	// Changes lists what differs of the structure itself: "base".
	Changes []Field `json:"changes,omitempty"`
	// Fields are the fields added, removed or changed, in the new
	// structure's order, then the removed ones in the old one's.
	Fields []FieldChange `json:"fields,omitempty"`
}

// A FieldChange is what happened to one field of a structure, matched by
// its JSON key.
type FieldChange struct {
	Kind Kind         `json:"kind"`
	Name string       `json:"name"`
	Old  *model.Field `json:"old,omitempty"`
	New  *model.Field `json:"new,omitempty"`
	// Changes lists what differs: "type" (as model.TypeRef.String writes
	// it),
	// "optional" and "nullable" (yes or no), "status".
	Changes []Field `json:"changes,omitempty"`
}

// matchNames pairs the entries of old and new by name, and returns the
// change of each: added (in new only), removed (in old only, after the
// others) or what changed says of a pair, if it is not nil.
func matchNames[T, C any](old, new []T, name func(*T) string, added, removed func(*T) C, changed func(o, n *T) *C) []C {
	oldBy := map[string]*T{}
	for i := range old {
		oldBy[name(&old[i])] = &old[i]
	}
	var out []C
	for i := range new {
		n := &new[i]
		o := oldBy[name(n)]
		if o == nil {
			out = append(out, added(n))
			continue
		}
		delete(oldBy, name(n))
		if c := changed(o, n); c != nil {
			out = append(out, *c)
		}
	}
	for i := range old {
		if o := &old[i]; oldBy[name(o)] != nil {
			out = append(out, removed(o))
		}
	}
	return out
}

// compareStructures lists the structures added, removed and changed, by
// kind, then name.
func compareStructures(old, new []model.Structure) []StructureChange {
	out := matchNames(old, new, func(s *model.Structure) string { return s.Name },
		func(n *model.Structure) StructureChange { return StructureChange{Kind: Added, Name: n.Name, New: n} },
		func(o *model.Structure) StructureChange { return StructureChange{Kind: Removed, Name: o.Name, Old: o} },
		func(o, n *model.Structure) *StructureChange {
			c := StructureChange{Kind: Changed, Name: n.Name, Old: o, New: n, Fields: compareFields(o.Fields, n.Fields)}
			if o.Base != n.Base {
				c.Changes = append(c.Changes, Field{Name: "base", Old: o.Base, New: n.Base})
			}
			if len(c.Changes)+len(c.Fields) == 0 {
				return nil
			}
			return &c
		})
	slices.SortStableFunc(out, func(a, b StructureChange) int {
		if a.Kind != b.Kind {
			return int(a.Kind - b.Kind)
		}
		return strings.Compare(a.Name, b.Name)
	})
	return out
}

// compareFields lists the fields added, changed and removed.
func compareFields(old, new []model.Field) []FieldChange {
	return matchNames(old, new, func(f *model.Field) string { return f.Name },
		func(n *model.Field) FieldChange { return FieldChange{Kind: Added, Name: n.Name, New: n} },
		func(o *model.Field) FieldChange { return FieldChange{Kind: Removed, Name: o.Name, Old: o} },
		func(o, n *model.Field) *FieldChange {
			var changes []Field
			if ot, nt := o.Resolved.String(), n.Resolved.String(); ot != nt {
				changes = append(changes, Field{Name: "type", Old: ot, New: nt})
			}
			if o.Optional != n.Optional {
				changes = append(changes, Field{Name: "optional", Old: yesNo(o.Optional), New: yesNo(n.Optional)})
			}
			if o.Nullable != n.Nullable {
				changes = append(changes, Field{Name: "nullable", Old: yesNo(o.Nullable), New: yesNo(n.Nullable)})
			}
			if o.Deprecated != n.Deprecated {
				changes = append(changes, Field{Name: "status", Old: Status(o.Deprecated, false), New: Status(n.Deprecated, false)})
			}
			if changes == nil {
				return nil
			}
			return &FieldChange{Kind: Changed, Name: n.Name, Old: o, New: n, Changes: changes}
		})
}
