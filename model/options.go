package model

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// Options say how BuildWith merges documents and names their entries. The
// zero value is Build's: default names, strict merging, no overrides.
type Options struct {
	// Naming derives Go names; nil means DefaultNaming.
	Naming *Naming
	// Merge says what to do when documents disagree.
	Merge MergePolicy
	// Reconnect sets whether a client may reconnect after a close code,
	// over what the documents say. A key is a close code table's IR key, a
	// colon and a code: "close_codes:4008". BuildWith reports a key
	// that is not of that form; a code that no document lists is left for
	// CheckOverrides, which can weigh several Specs (see there).
	Reconnect map[string]bool
	// ReconnectOrigin optionally says where each key of Reconnect was set,
	// for messages, as Rename.Origin does for a name. Messages about a key
	// it lacks start with "reconnect override KEY".
	ReconnectOrigin map[string]Source
	// NoStructures leaves the documents' structure tables out: the Spec
	// has no structures or enums and no payloads, and their links are not
	// followed, so a page's links to pages not given raise no warnings.
	// It is for what generates no payload structs, such as a configuration
	// whose tables do not list them.
	NoStructures bool
}

// A MergePolicy says what BuildWith does when documents disagree about an
// entry: give it two names, give its name two codes, or give it two
// senders, payload formats or reconnect flags.
type MergePolicy int

const (
	// MergeStrict refuses every disagreement, as an error at the later
	// row that names the earlier one.
	MergeStrict MergePolicy = iota
	// MergeFirstWins keeps the value of the earlier document and reports
	// each value it overrides as a Warning; later documents still add
	// what the earlier ones lack: entries, descriptions, blank fields, an
	// intent's events. An entry keeps the positions of both rows.
	MergeFirstWins
)

// mergePolicies are the policies' names, as flags and config files spell
// them.
var mergePolicies = [...]string{MergeStrict: "strict", MergeFirstWins: "first-wins"}

// String returns "strict" or "first-wins".
func (p MergePolicy) String() string {
	if p >= 0 && int(p) < len(mergePolicies) {
		return mergePolicies[p]
	}
	return fmt.Sprintf("MergePolicy(%d)", int(p))
}

// ParseMergePolicy returns the policy named s ("strict" or "first-wins").
func ParseMergePolicy(s string) (MergePolicy, error) {
	for p, name := range mergePolicies {
		if s == name {
			return MergePolicy(p), nil
		}
	}
	return 0, fmt.Errorf("unknown merge policy %q: want strict or first-wins", s)
}

// MarshalText writes the policy's name.
func (p MergePolicy) MarshalText() ([]byte, error) {
	if p < 0 || int(p) >= len(mergePolicies) {
		return nil, fmt.Errorf("invalid merge policy %d", int(p))
	}
	return []byte(p.String()), nil
}

// UnmarshalText reads a policy's name, as ParseMergePolicy, for tools that
// decode a MergePolicy from JSON or YAML. gatewaygen's own config file
// keeps the name as a string (internal/config), which cmd parses.
func (p *MergePolicy) UnmarshalText(b []byte) error {
	v, err := ParseMergePolicy(string(b))
	if err != nil {
		return err
	}
	*p = v
	return nil
}

// A Warning is a disagreement between documents that MergeFirstWins
// settled: the value at Other, in an earlier document, was kept, and the
// one at Pos overridden.
type Warning struct {
	// Pos is the row whose value was overridden, or left out.
	Pos Source
	// Other is the earlier row whose entry kept its value; zero for a
	// warning about one row alone.
	Other Source
	// Msg says what the documents disagree on, naming both positions:
	// "voice opcode 21 is DAVE_PROTOCOL_PREPARE_TRANSITION here but
	// DAVE_PREPARE_TRANSITION at official.mdx:72, which wins".
	Msg string
}

// String formats w as one line, "file:line: message", as errors are.
func (w Warning) String() string { return w.Pos.String() + ": " + w.Msg }

// splitOverrideKey splits an override's key "TABLE:KEY" into the table's
// IR key and the entry's key; a key without a colon has no table.
func splitOverrideKey(s string) (table, key string) {
	if t, k, ok := strings.Cut(s, ":"); ok {
		return t, k
	}
	return "", s
}

// tableKeys lists the IR keys of the tables, for messages about one that
// is not among them; codesOnly keeps those of the close code tables.
func tableKeys(codesOnly bool) string {
	var keys []string
	for _, t := range Tables {
		if !codesOnly || t.Has(AttrReconnect) {
			keys = append(keys, t.Key)
		}
	}
	return strings.Join(keys, ", ")
}

// reconnectKey reads a key of Options.Reconnect: a close code table and a
// code.
func reconnectKey(key string) (*Table, int, error) {
	name, code, ok := strings.Cut(key, ":")
	t := TableByKey(name)
	switch {
	case !ok:
		return nil, 0, fmt.Errorf("want TABLE:CODE, such as close_codes:4008")
	case t == nil || !t.Has(AttrReconnect):
		return nil, 0, fmt.Errorf("%q is not a table of close codes: want %s", name, tableKeys(true))
	}
	n, err := strconv.Atoi(code)
	if err != nil || n < 0 {
		return nil, 0, fmt.Errorf("%q is not a close code", code)
	}
	return t, n, nil
}

// reconnectError reports a problem with the key of Options.Reconnect at
// its origin.
func (o *Options) reconnectError(errs *ErrorList, key string, format string, args ...any) {
	if pos, ok := o.ReconnectOrigin[key]; ok {
		errs.Add(pos, format, args...)
		return
	}
	errs.Add(Source{}, "reconnect override %s: %s", key, fmt.Sprintf(format, args...))
}

// applyReconnect sets the reconnect flags of Options.Reconnect on the close
// codes of spec, reporting keys that are not TABLE:CODE.
func (o *Options) applyReconnect(spec *Spec, errs *ErrorList) {
	for _, key := range slices.Sorted(maps.Keys(o.Reconnect)) {
		t, code, err := reconnectKey(key)
		if err != nil {
			o.reconnectError(errs, key, "%v", err)
			continue
		}
		codes := *t.InSpec(spec).(*[]CloseCode)
		for i := range codes {
			if codes[i].Code == code {
				r := o.Reconnect[key]
				codes[i].Reconnect, codes[i].ReconnectFrom = &r, ReconnectFromOverride
			}
		}
	}
}

// CheckOverrides reports what in opt addresses nothing in any of specs,
// most likely a typo, which would otherwise do nothing, silently: a rename
// whose key no entry has, a rename without a table whose key entries of
// two tables have (it must say which it means), and a Reconnect key whose
// code no close code table lists. Each problem is at the override's
// origin. It takes several Specs for tools that build more than one from
// the same options, such as gatewaygen diff: an override needs to address
// an entry of one of them.
func CheckOverrides(opt Options, specs ...*Spec) ErrorList {
	var errs ErrorList
	if opt.Naming != nil {
		errs = opt.Naming.check(specs)
	}
	for _, key := range slices.Sorted(maps.Keys(opt.Reconnect)) {
		t, code, err := reconnectKey(key)
		if err != nil {
			continue // BuildWith reports it
		}
		found := false
		for _, s := range specs {
			for _, c := range *t.InSpec(s).(*[]CloseCode) {
				found = found || c.Code == code
			}
		}
		if !found {
			opt.reconnectError(&errs, key, "the specs have no %s %d", t.Singular, code)
		}
	}
	errs.Sort()
	return errs
}
