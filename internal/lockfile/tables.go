package lockfile

import (
	"cmp"
	"fmt"
	"go/token"
	"io"
	"slices"
	"strconv"

	"github.com/gatewaygen/gatewaygen/model"
)

// This file keeps the tables other than opcodes and events (see
// model.Tables): close codes, voice opcodes, intents, any table whose
// entries have one of the types below. They follow the opcodes' rules,
// with a code (a bit for intents) that never moves, and share one
// implementation, a section of the file per table. Their sections were
// added to version 1 of the format: a lock file without them reads as
// before, and they are written only when the spec has entries in them.

// A CloseCode is one close code the generated package declares, of the
// Gateway or of the voice gateway.
type CloseCode struct {
	Code      int    `json:"code"`
	Name      string `json:"name"`
	GoName    string `json:"go_name"`
	Reconnect *bool  `json:"reconnect,omitempty"`
	Kept      bool   `json:"kept,omitempty"`
	line      int
}

// A VoiceOpcode is one voice opcode the generated package declares.
type VoiceOpcode struct {
	Code   int          `json:"code"`
	Name   string       `json:"name"`
	GoName string       `json:"go_name"`
	SentBy model.Sender `json:"sent_by"`
	Binary bool         `json:"binary,omitempty"`
	Kept   bool         `json:"kept,omitempty"`
	line   int
}

// An Intent is one intent the generated package declares. The events it
// enables are not recorded: a kept intent enables none that the docs say.
type Intent struct {
	Bit        int    `json:"bit"`
	Name       string `json:"name"`
	GoName     string `json:"go_name"`
	Privileged bool   `json:"privileged,omitempty"`
	Kept       bool   `json:"kept,omitempty"`
	line       int
}

// A section is the lock file's section for one of these tables.
type section interface {
	table() *model.Table
	len() int
	// record sets the section's entries to those of the spec.
	record(spec *model.Spec)
	// write writes the section, followed by after.
	write(w io.Writer, after string)
	decode(p *fileParser) error
	sort()
	check(path string, once func(line int, key, what string), errs *model.ErrorList)
	// keep sets out's table to spec's with the section's entries that
	// spec no longer lists put back.
	keep(out, spec *model.Spec, path string, dropped map[string]bool, errs *ErrorList)
	dropNames(spec *model.Spec, kept, listed map[string]bool)
}

// sectionOf returns the section that keeps table t, by the type of its
// entries, or nil for the opcodes and events, which File keeps itself.
func sectionOf(t *model.Table) section {
	switch t.InSpec(new(model.Spec)).(type) {
	case *[]model.CloseCode:
		return &list[CloseCode, model.CloseCode]{t: t, kind: closeCodes}
	case *[]model.VoiceOpcode:
		return &list[VoiceOpcode, model.VoiceOpcode]{t: t, kind: voiceOpcodes}
	case *[]model.Intent:
		return &list[Intent, model.Intent]{t: t, kind: intents}
	}
	return nil
}

// A list is the section of table t, whose entries are L in the lock file
// and M in the spec.
type list[L any, M any] struct {
	t       *model.Table
	kind    kind[L, M]
	entries []L
}

// A kind says how the entries of one type are kept, as the lock file (L)
// and the spec (M) hold them.
type kind[L, M any] struct {
	lock func(*L) entryOf
	spec func(*M) entryOf
	// record makes the lock file's entry of a spec entry, and kept the
	// spec's entry of a kept one.
	record func(*M) L
	kept   func(*L, model.Source) M
	// setLine records the line an entry is on.
	setLine func(*L, int)
}

// entryOf is what the rules look at in an entry of either side.
type entryOf struct {
	key        int
	name, wire string // as printed, and as compared
	goName     string
	line       int // lock file entries only
	source     model.Source
}

var closeCodes = kind[CloseCode, model.CloseCode]{
	lock: func(c *CloseCode) entryOf {
		return entryOf{key: c.Code, name: strconv.Quote(c.Name), wire: model.WireFromTitle(c.Name), goName: c.GoName, line: c.line}
	},
	spec: func(c *model.CloseCode) entryOf {
		return entryOf{key: c.Code, name: strconv.Quote(c.Name), wire: model.WireFromTitle(c.Name), goName: c.GoName, source: c.Sources[0]}
	},
	record: func(c *model.CloseCode) CloseCode {
		return CloseCode{Code: c.Code, Name: c.Name, GoName: c.GoName, Reconnect: c.Reconnect, Kept: c.Kept}
	},
	kept: func(c *CloseCode, src model.Source) model.CloseCode {
		kept := model.CloseCode{Code: c.Code, Entry: keptEntry(c.Name, c.GoName, src), Reconnect: c.Reconnect}
		if c.Reconnect != nil {
			kept.ReconnectFrom = model.ReconnectFromLock
		}
		return kept
	},
	setLine: func(c *CloseCode, line int) { c.line = line },
}

var voiceOpcodes = kind[VoiceOpcode, model.VoiceOpcode]{
	lock: func(o *VoiceOpcode) entryOf {
		return entryOf{key: o.Code, name: o.Name, wire: o.Name, goName: o.GoName, line: o.line}
	},
	spec: func(o *model.VoiceOpcode) entryOf {
		return entryOf{key: o.Code, name: o.Name, wire: o.Name, goName: o.GoName, source: o.Sources[0]}
	},
	record: func(o *model.VoiceOpcode) VoiceOpcode {
		return VoiceOpcode{Code: o.Code, Name: o.Name, GoName: o.GoName, SentBy: o.SentBy, Binary: o.Binary, Kept: o.Kept}
	},
	kept: func(o *VoiceOpcode, src model.Source) model.VoiceOpcode {
		return model.VoiceOpcode{Code: o.Code, Entry: keptEntry(o.Name, o.GoName, src), SentBy: o.SentBy, Binary: o.Binary}
	},
	setLine: func(o *VoiceOpcode, line int) { o.line = line },
}

var intents = kind[Intent, model.Intent]{
	lock: func(in *Intent) entryOf {
		return entryOf{key: in.Bit, name: in.Name, wire: in.Name, goName: in.GoName, line: in.line}
	},
	spec: func(in *model.Intent) entryOf {
		return entryOf{key: in.Bit, name: in.Name, wire: in.Name, goName: in.GoName, source: in.Sources[0]}
	},
	record: func(in *model.Intent) Intent {
		return Intent{Bit: in.Bit, Name: in.Name, GoName: in.GoName, Privileged: in.Privileged, Kept: in.Kept}
	},
	kept: func(in *Intent, src model.Source) model.Intent {
		return model.Intent{Bit: in.Bit, Entry: keptEntry(in.Name, in.GoName, src), Privileged: in.Privileged, Events: []string{}}
	},
	setLine: func(in *Intent, line int) { in.line = line },
}

// keptEntry is the common part of an entry the lock file keeps: deprecated,
// without a description, at its line in the file.
func keptEntry(name, goName string, src model.Source) model.Entry {
	return model.Entry{Name: name, GoName: goName, Deprecated: true, Kept: true, Sources: []model.Source{src}}
}

func (l *list[L, M]) table() *model.Table { return l.t }
func (l *list[L, M]) len() int            { return len(l.entries) }

// inSpec returns the table's entries in spec.
func (l *list[L, M]) inSpec(spec *model.Spec) *[]M { return l.t.InSpec(spec).(*[]M) }

func (l *list[L, M]) record(spec *model.Spec) {
	l.entries = nil
	for _, e := range *l.inSpec(spec) {
		l.entries = append(l.entries, l.kind.record(&e))
	}
}

func (l *list[L, M]) write(w io.Writer, after string) { writeList(w, l.t.Key, l.entries, after) }

func (l *list[L, M]) decode(p *fileParser) (err error) {
	l.entries, err = decodeList(p, l.kind.setLine)
	return err
}

func (l *list[L, M]) sort() {
	slices.SortStableFunc(l.entries, func(a, b L) int { return cmp.Compare(l.kind.lock(&a).key, l.kind.lock(&b).key) })
}

// dropKeys are the names by which --drop can name an entry: its wire name
// (for a close code, the wire form of its name) and TABLE:CODE.
func (l *list[L, M]) dropKeys(e entryOf) [2]string {
	return [2]string{e.wire, fmt.Sprintf("%s:%d", l.t.Key, e.key)}
}

// keep puts back the entries the spec no longer lists, sorted by key,
// following the opcodes' rules: an entry is listed if the spec has its code
// with its name, or (where names are not shared) its name at another code;
// a code the spec gives another name, or a Go name the spec gives another
// entry, is an error.
func (l *list[L, M]) keep(out, spec *model.Spec, path string, dropped map[string]bool, errs *ErrorList) {
	k, what, sharedNames := l.kind, l.t.Singular, l.t.Has(model.AttrNamedInWords)
	entries := *l.inSpec(spec)
	kept := slices.Clone(entries)
	byKey := make(map[int]entryOf)
	byWire := make(map[string]bool)
	goNames := make(map[string]model.Source)
	for i := range entries {
		e := k.spec(&entries[i])
		byKey[e.key], byWire[e.wire], goNames[e.goName] = e, true, e.source
	}
	for i := range l.entries {
		e := k.lock(&l.entries[i])
		other, ok := byKey[e.key]
		keys := l.dropKeys(e)
		switch {
		case ok && other.wire == e.wire, !sharedNames && byWire[e.wire], dropped[keys[0]], dropped[keys[1]]:
			continue
		}
		src := model.Source{File: path, Line: e.line}
		if ok {
			*errs = append(*errs, &Error{Pos: other.source, Drop: keys[1],
				Msg: fmt.Sprintf("%s %d is %s here, but the lock file keeps %s, which the docs no longer list, at that code (%s)", what, e.key, other.name, e.name, src)})
			continue
		}
		if pos, ok := goNames[e.goName]; ok {
			*errs = append(*errs, &Error{Pos: pos, Drop: keys[1], Rename: true,
				Msg: fmt.Sprintf("this %s has the Go name %s, which the lock file keeps for %s, which the docs no longer list (%s)", what, e.goName, e.name, src)})
			continue
		}
		kept = append(kept, k.kept(&l.entries[i], src))
	}
	slices.SortStableFunc(kept, func(a, b M) int { return cmp.Compare(k.spec(&a).key, k.spec(&b).key) })
	*l.inSpec(out) = kept
}

// dropNames adds to kept and listed the --drop names of the table's
// entries that the lock file keeps and that the spec lists.
func (l *list[L, M]) dropNames(spec *model.Spec, kept, listed map[string]bool) {
	inSpec := make(map[string]bool)
	entries := *l.inSpec(spec)
	for i := range entries {
		for _, key := range l.dropKeys(l.kind.spec(&entries[i])) {
			inSpec[key], listed[key] = true, true
		}
	}
	for i := range l.entries {
		keys := l.dropKeys(l.kind.lock(&l.entries[i]))
		// A close code whose code the spec still has is listed, whatever
		// other codes share its name.
		gone := !inSpec[keys[1]] && (l.t.Has(model.AttrNamedInWords) || !inSpec[keys[0]])
		for _, key := range keys {
			kept[key] = kept[key] || gone
		}
	}
}

// check reports entries of the table that a generated package could not
// declare; once reports a key seen twice.
func (l *list[L, M]) check(path string, once func(line int, key, what string), errs *model.ErrorList) {
	what, word := l.t.Singular, l.t.Shape.Key()
	for i := range l.entries {
		e := l.kind.lock(&l.entries[i])
		at := model.Source{File: path, Line: e.line}
		if e.wire == "" {
			errs.Add(at, "%s without a name", what)
		}
		if !token.IsIdentifier(e.goName) || !token.IsExported(e.goName) {
			errs.Add(at, "%s %s: go_name %q is not an exported Go identifier", what, e.name, e.goName)
		}
		if e.key < 0 || l.t.Shape == model.Flags && e.key > 63 {
			errs.Add(at, "%s %s: %s %d is out of range", what, e.name, word, e.key)
		}
		if !l.t.Has(model.AttrNamedInWords) {
			once(e.line, l.t.Key+" name "+e.wire, what+" "+e.name)
		}
		once(e.line, l.t.Key+" go "+e.goName, fmt.Sprintf("%s Go name %s", what, e.goName))
		once(e.line, fmt.Sprint(l.t.Key, " ", e.key), fmt.Sprint(what, " ", word, " ", e.key))
	}
}
