package model

import (
	"fmt"
	"go/token"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// A Rename is a Go name a user chose for one entry in place of the one its
// wire name gives, so that a library can keep the exported names it has.
type Rename struct {
	// Table is the IR key of the entry's table ("opcodes",
	// "close_codes"), or "" for the entry of whichever table has Key.
	// CheckOverrides refuses a Key without a table that entries of two
	// tables have: HEARTBEAT is an opcode and a voice opcode.
	Table string
	// Key is the entry's wire name (HEARTBEAT_ACK); for a close code, its
	// code (4004), which needs a Table, or the wire form of its name
	// (AUTHENTICATION_FAILED).
	Key string
	// GoName is the entry's Go name without its type's prefix:
	// HeartbeatAck.
	GoName string
	// Origin is where the user chose the name, which messages about the
	// rename point at: the line of a config file, or, for a command-line
	// flag, a Source whose File is the flag as given
	// ("--name opcodes:HELLO=Hi") and whose Line is 0.
	Origin Source
}

// String returns the rename as a flag's value: "opcodes:HELLO=Hi".
func (r Rename) String() string { return r.key() + "=" + r.GoName }

// key is the rename's key in a Naming: "TABLE:KEY", or "KEY" without a
// table.
func (r Rename) key() string {
	if r.Table == "" {
		return r.Key
	}
	return r.Table + ":" + r.Key
}

// ParseRename reads a rename written "TABLE:KEY=GoName" or "KEY=GoName",
// as the --name flag takes it, with origin as its Origin. It checks the
// form only; NewNamingWith checks the parts.
func ParseRename(s string, origin Source) (Rename, error) {
	key, goName, ok := strings.Cut(s, "=")
	table, key := splitOverrideKey(strings.TrimSpace(key))
	r := Rename{Table: strings.TrimSpace(table), Key: strings.TrimSpace(key), GoName: strings.TrimSpace(goName), Origin: origin}
	if !ok || r.Key == "" || r.GoName == "" {
		return r, fmt.Errorf("want KEY=GoName or TABLE:KEY=GoName, such as MESSAGE_CREATE=MsgCreate or opcodes:HEARTBEAT_ACK=HeartbeatAck")
	}
	return r, nil
}

// NewNamingWith returns a Naming that knows DefaultInitialisms plus extra
// and gives the entries that renames address the Go names they choose. A
// bad initialism is an error of its own; bad renames (a table that does
// not exist, a Go name that is no exported identifier, two names for one
// key) are an ErrorList, each at the rename's Origin.
func NewNamingWith(extra []string, renames []Rename) (*Naming, error) {
	n, err := newNaming(extra)
	if err != nil {
		return nil, err
	}
	var errs ErrorList
	for _, r := range renames {
		t := TableByKey(r.Table)
		switch {
		case r.Table != "" && t == nil:
			errs.Add(r.Origin, "no table %q: want %s", r.Table, tableKeys(false))
		case r.Key == "":
			errs.Add(r.Origin, "no key to rename: want a wire name, or a close code's code")
		case isCode(r.Key) && (t == nil || !t.Has(AttrNamedInWords)):
			errs.Add(r.Origin, "%s is a code, which only a close code table's entries go by: write %s", r.Key, qualified(closeCodeTables(), r.Key))
		case !token.IsIdentifier(r.GoName) || r.GoName[0] < 'A' || r.GoName[0] > 'Z':
			errs.Add(r.Origin, "%q is not a Go identifier starting with an upper-case ASCII letter", r.GoName)
		case n.renames[r.key()].GoName != "":
			prev := n.renames[r.key()]
			errs.Add(r.Origin, "%s already has the name %s%s", r.key(), prev.GoName, at(prev.Origin))
		default:
			n.renames[r.key()] = r
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return n, nil
}

// at says " (at POS)" for messages, or nothing for an unknown position.
func at(pos Source) string {
	if pos.File == "" {
		return ""
	}
	return " (" + pos.String() + ")"
}

func isCode(key string) bool {
	_, err := strconv.Atoi(key)
	return err == nil
}

// closeCodeTables returns the tables whose entries are named in words and
// go by their codes.
func closeCodeTables() []*Table {
	var ts []*Table
	for _, t := range Tables {
		if t.Has(AttrNamedInWords) {
			ts = append(ts, t)
		}
	}
	return ts
}

// qualified spells key in each of tables: "opcodes:HEARTBEAT or
// voice_opcodes:HEARTBEAT".
func qualified(tables []*Table, key string) string {
	var keys []string
	for _, t := range tables {
		keys = append(keys, t.Key+":"+key)
	}
	return strings.Join(keys, " or ")
}

// renameOf returns the rename of the entry of table t that has the wire
// name wire (for a close code, the wire form of its name) and, for a close
// code, the code code: a rename of the code in its table, else of the name
// in its table, else of the name without a table. byCode says the first.
func (n *Naming) renameOf(t *Table, wire string, code int) (r Rename, byCode, ok bool) {
	if t.Has(AttrNamedInWords) {
		if r, ok := n.renames[t.Key+":"+strconv.Itoa(code)]; ok {
			return r, true, true
		}
	}
	if r, ok := n.renames[t.Key+":"+wire]; ok {
		return r, false, true
	}
	r, ok = n.renames[wire]
	return r, false, ok
}

// A namedEntry is what a rename can address in an entry: its wire name
// (for a close code, the wire form of its name) and its code, and where it
// is, for messages.
type namedEntry struct {
	wire string
	code int
	pos  Source
}

// namedEntries returns the entries of table t in s.
func namedEntries(t *Table, s *Spec) []namedEntry {
	var out []namedEntry
	if t.Has(AttrNamedInWords) {
		for _, c := range *t.InSpec(s).(*[]CloseCode) { // the one type named in words
			out = append(out, namedEntry{wire: WireFromTitle(c.Name), code: c.Code, pos: firstSource(c.Sources)})
		}
		return out
	}
	for _, e := range t.Entries(s) {
		out = append(out, namedEntry{wire: e.Name, pos: firstSource(e.Sources)})
	}
	return out
}

func firstSource(sources []Source) Source {
	if len(sources) == 0 {
		return Source{}
	}
	return sources[0]
}

// check reports, at its origin, each rename that addresses no entry of
// specs, and each one without a table that addresses entries of two.
func (n *Naming) check(specs []*Spec) ErrorList {
	used := make(map[string]bool)
	// where, for a rename without a table, is the first entry it addresses
	// in each table.
	type hit struct {
		table *Table
		pos   Source
	}
	where := make(map[string][]hit)
	for _, s := range specs {
		for _, t := range Tables {
			for _, e := range namedEntries(t, s) {
				r, _, ok := n.renameOf(t, e.wire, e.code)
				if !ok {
					continue
				}
				used[r.key()] = true
				hits := where[r.key()]
				if r.Table == "" && !slices.ContainsFunc(hits, func(h hit) bool { return h.table == t }) {
					where[r.key()] = append(hits, hit{t, e.pos})
				}
			}
		}
	}
	var errs ErrorList
	for _, key := range slices.Sorted(maps.Keys(n.renames)) {
		r := n.renames[key]
		t := TableByKey(r.Table)
		switch hits := where[key]; {
		case len(hits) > 1:
			var what []string
			var tables []*Table
			for _, h := range hits {
				what = append(what, fmt.Sprintf("the %s at %s", h.table.Singular, h.pos))
				tables = append(tables, h.table)
			}
			errs.Add(r.Origin, "%s is both %s: write %s", r.Key, strings.Join(what, " and "), qualified(tables, r.Key))
		case used[key]:
		case t == nil:
			errs.Add(r.Origin, "the specs have no entry named %s (%s; TABLE:%s addresses one table)", r.Key, keyForms(), r.Key)
		case t.Has(AttrNamedInWords) && !isCode(r.Key):
			errs.Add(r.Origin, "the specs have no %s named %s (%s go by code, or by the UPPER_SNAKE form of their name)", t.Singular, r.Key, t.Plural)
		default:
			errs.Add(r.Origin, "the specs have no %s %s", t.Singular, r.Key)
		}
	}
	return errs
}

// keyForms says how renames address the entries of each table: "opcodes,
// events, voice opcodes and intents go by wire name, close codes and voice
// close codes by code or by the UPPER_SNAKE form of their name".
func keyForms() string {
	var wire, words []string
	for _, t := range Tables {
		if t.Has(AttrNamedInWords) {
			words = append(words, t.Plural)
		} else {
			wire = append(wire, t.Plural)
		}
	}
	return joinList(wire) + " go by wire name, " + joinList(words) + " by code or by the UPPER_SNAKE form of their name"
}

// joinList joins words as a sentence does: "a, b and c".
func joinList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}
