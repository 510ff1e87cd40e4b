package model

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
)

// Build merges docs into one Spec, derives the Go names with naming (nil
// means DefaultNaming) and validates the result. It reports every problem it
// finds, as an ErrorList, each at the positions of the rows involved.
//
// Merging rules, in the order docs are given:
//   - Opcodes, close codes, voice opcodes and voice close codes are the same
//     entry when they have the same code, intents when they have the same
//     bit, and events when they have the same wire name. Two documents that
//     give one code two names, or one name two codes, conflict, and the
//     error names both rows; so do two documents that disagree on a sender,
//     on whether a client may reconnect, or on whether a voice opcode's
//     payloads are binary.
//   - A field left blank in one document (a sender, a reconnect flag) is
//     taken from another.
//   - The description comes from the first document that has one.
//   - An entry is deprecated (or removed) if any document says so; an intent
//     is privileged if any document says so, and enables the union of the
//     events every document lists for it, in the order first seen.
//   - Every entry keeps the positions of all rows that describe it.
//
// Within one document, a repeated code, bit, name or Go name is an error,
// except that a close code table may give several codes one name (see the
// package documentation for their Go names).
//
// When the documents list dispatch events, every event an intent lists must
// be one of them.
//
// Build is BuildWith with only a Naming, merging strictly.
func Build(docs []*Document, naming *Naming) (*Spec, error) {
	spec, _, err := BuildWith(docs, Options{Naming: naming})
	return spec, err
}

// BuildWith is Build with options: how to settle documents that disagree
// (with MergeFirstWins, every disagreement is a Warning rather than an
// error, and the earlier document's value stays), and whether a client may
// reconnect after given close codes. It applies the renames of opt.Naming
// but does not report those that address nothing (see CheckOverrides).
func BuildWith(docs []*Document, opt Options) (*Spec, []Warning, error) {
	if opt.Naming == nil {
		opt.Naming = DefaultNaming()
	}
	b := builder{
		opt:             opt,
		opcodes:         newTable(opcodeTable),
		closeCodes:      newTable(closeCodeTable("close code")),
		voiceOpcodes:    newTable(voiceOpcodeTable),
		voiceCloseCodes: newTable(closeCodeTable("voice close code")),
		intents:         newTable(intentTable),
		evByName:        make(map[string]*entry[Event]),
		intentEventSrc:  make(map[intentEvent]Source),
		spec: &Spec{
			Sources: []string{}, Opcodes: []Opcode{}, Events: []Event{},
			CloseCodes: []CloseCode{}, VoiceOpcodes: []VoiceOpcode{}, VoiceCloseCodes: []CloseCode{}, Intents: []Intent{},
		},
	}
	for i, doc := range docs {
		b.spec.Sources = append(b.spec.Sources, doc.File)
		add(&b, b.opcodes, i, doc.Opcodes)
		for _, ev := range doc.Events {
			b.addEvent(i, ev)
		}
		add(&b, b.closeCodes, i, doc.CloseCodes)
		add(&b, b.voiceOpcodes, i, doc.VoiceOpcodes)
		add(&b, b.voiceCloseCodes, i, doc.VoiceCloseCodes)
		for _, in := range doc.Intents {
			for j, name := range in.Events {
				if _, ok := b.intentEventSrc[intentEvent{in.Bit, name}]; !ok {
					src := in.Sources[0]
					if j < len(in.EventSources) {
						src = in.EventSources[j]
					}
					b.intentEventSrc[intentEvent{in.Bit, name}] = src
				}
			}
		}
		add(&b, b.intents, i, doc.Intents)
	}
	b.finish()
	if len(b.errs) > 0 {
		b.errs.Sort()
		return nil, nil, b.errs
	}
	return b.spec, b.warnings, nil
}

// An entry is an entry of a table being merged, with the index of the
// document that last described it.
type entry[T any] struct {
	val T
	doc int
}

// intentEvent is an event an intent lists.
type intentEvent struct {
	bit   int
	event string
}

type builder struct {
	opt             Options
	opcodes         *table[Opcode]
	closeCodes      *table[CloseCode]
	voiceOpcodes    *table[VoiceOpcode]
	voiceCloseCodes *table[CloseCode]
	intents         *table[Intent]
	events          []*entry[Event]
	evByName        map[string]*entry[Event]
	// intentEventSrc is the row of the first intent that lists an event,
	// where an unknown event is reported.
	intentEventSrc map[intentEvent]Source
	spec           *Spec
	errs           ErrorList
	warnings       []Warning
}

// conflict reports a disagreement of the row at pos with the entry first
// described at other: an error when merging strictly, else a Warning that
// the earlier value wins.
func (b *builder) conflict(pos, other Source, format string, args ...any) {
	msg := fmt.Sprintf(format, args...) + " at " + other.String()
	if b.opt.Merge == MergeFirstWins {
		b.warnings = append(b.warnings, Warning{Pos: pos, Other: other, Msg: msg + ", which wins"})
		return
	}
	b.errs.Add(pos, "%s", msg)
}

// A tableKind describes one of the tables whose entries are keyed by an
// integer (a code or a bit), for the merging they share.
type tableKind[T any] struct {
	kind    string // "opcode", "close code", ...
	keyWord string // "code" or "bit"
	key     func(*T) int
	// name is the name entries are compared by; show is how messages
	// print it.
	name, show func(*T) string
	common     func(*T) common
	// merge merges the fields particular to T from v into m, filling in
	// what m leaves blank and keeping m's value where they disagree, and
	// returns each disagreement, as "is sent by client here but by server".
	merge func(m, v *T) []string
	// sharedNames is set for tables in which several codes may have one
	// name.
	sharedNames bool
}

// common points at the fields every table's entries have.
type common struct {
	desc                *string
	deprecated, removed *bool
	sources             *[]Source
}

// A table is one table being merged.
type table[T any] struct {
	tableKind[T]
	entries []*entry[T]
	byKey   map[int]*entry[T]
	byName  map[string][]*entry[T]
}

func newTable[T any](k tableKind[T]) *table[T] {
	return &table[T]{tableKind: k, byKey: make(map[int]*entry[T]), byName: make(map[string][]*entry[T])}
}

// add merges the rows of document doc into t.
func add[T any](b *builder, t *table[T], doc int, rows []T) {
	for i := range rows {
		t.add(b, doc, &rows[i])
	}
}

func (t *table[T]) add(b *builder, doc int, v *T) {
	vc := t.common(v)
	pos := (*vc.sources)[0]
	key, name := t.key(v), t.name(v)
	byKey := t.byKey[key]
	sameName := t.byName[name]
	var byName *entry[T] // an entry with this name and another key
	namedHere := false   // this document already gave the name to a key
	for _, e := range sameName {
		namedHere = namedHere || e.doc == doc
		if t.key(&e.val) != key && byName == nil {
			byName = e
		}
	}
	switch {
	case byKey != nil && byKey.doc == doc:
		b.errs.Add(pos, "duplicate %s %s %d: %s here, %s at %s", t.kind, t.keyWord, key, t.show(v), t.show(&byKey.val), t.first(byKey))
		return
	case byName != nil && byName.doc == doc && !t.sharedNames:
		b.errs.Add(pos, "duplicate %s name %s: %s %d here, %s %d at %s", t.kind, t.show(v), t.keyWord, key, t.keyWord, t.key(&byName.val), t.first(byName))
		return
	case byKey != nil && t.name(&byKey.val) != name:
		// First wins: the row still describes the entry, renamed.
		b.conflict(pos, t.first(byKey), "%s %d is %s here but %s", t.kind, key, t.show(v), t.show(&byKey.val))
	case byName != nil && !namedHere && (byKey == nil || !t.sharedNames):
		// In a table that shares names, a document that lists the name
		// twice itself says that the name has several codes. First wins:
		// the name keeps its code, and the entry the position of the row
		// that gave it another.
		b.conflict(pos, t.first(byName), "%s %s has %s %d here but %d", t.kind, t.show(v), t.keyWord, key, t.key(&byName.val))
		bc := t.common(&byName.val)
		*bc.sources = append(*bc.sources, pos)
		return
	case byKey == nil:
		e := &entry[T]{val: *v, doc: doc}
		ec := t.common(&e.val)
		*ec.sources = slices.Clone(*vc.sources)
		t.entries = append(t.entries, e)
		t.byKey[key] = e
		t.byName[name] = append(t.byName[name], e)
		return
	}
	for _, msg := range t.merge(&byKey.val, v) {
		b.conflict(pos, t.first(byKey), "%s %s %s", t.kind, t.show(v), msg)
	}
	mc := t.common(&byKey.val)
	if *mc.desc == "" {
		*mc.desc = *vc.desc
	}
	*mc.deprecated = *mc.deprecated || *vc.deprecated
	*mc.removed = *mc.removed || *vc.removed
	*mc.sources = append(*mc.sources, *vc.sources...)
	byKey.doc = doc
}

// first is the first row that describes e.
func (t *table[T]) first(e *entry[T]) Source {
	return (*t.common(&e.val).sources)[0]
}

// values returns the merged entries, sorted by key.
func (t *table[T]) values() []T {
	out := make([]T, 0, len(t.entries))
	for _, e := range t.entries {
		out = append(out, e.val)
	}
	slices.SortStableFunc(out, func(a, b T) int { return cmp.Compare(t.key(&a), t.key(&b)) })
	return out
}

// mergeSender merges a sender left blank in one document, or reports two
// that differ, keeping m.
func mergeSender(m *Sender, v Sender) []string {
	if *m != 0 && v != 0 && *m != v {
		return []string{fmt.Sprintf("is sent by %s here but by %s", v, *m)}
	}
	if *m == 0 {
		*m = v
	}
	return nil
}

var opcodeTable = tableKind[Opcode]{
	kind: "opcode", keyWord: "code",
	key:  func(o *Opcode) int { return o.Code },
	name: func(o *Opcode) string { return o.Name },
	show: func(o *Opcode) string { return o.Name },
	common: func(o *Opcode) common {
		return common{&o.Description, &o.Deprecated, &o.Removed, &o.Sources}
	},
	merge: func(m, v *Opcode) []string { return mergeSender(&m.SentBy, v.SentBy) },
}

var voiceOpcodeTable = tableKind[VoiceOpcode]{
	kind: "voice opcode", keyWord: "code",
	key:  func(o *VoiceOpcode) int { return o.Code },
	name: func(o *VoiceOpcode) string { return o.Name },
	show: func(o *VoiceOpcode) string { return o.Name },
	common: func(o *VoiceOpcode) common {
		return common{&o.Description, &o.Deprecated, &o.Removed, &o.Sources}
	},
	merge: func(m, v *VoiceOpcode) []string {
		var msgs []string
		if m.BinaryKnown && v.BinaryKnown && m.Binary != v.Binary {
			msgs = append(msgs, fmt.Sprintf("has %s payloads here but %s", payloads(v.Binary), payloads(m.Binary)))
		}
		if !m.BinaryKnown {
			m.Binary, m.BinaryKnown = v.Binary, v.BinaryKnown
		}
		return append(msgs, mergeSender(&m.SentBy, v.SentBy)...)
	},
}

func payloads(binary bool) string {
	if binary {
		return "binary"
	}
	return "JSON"
}

// closeCodeTable describes a close code table; kind says which.
func closeCodeTable(kind string) tableKind[CloseCode] {
	return tableKind[CloseCode]{
		kind: kind, keyWord: "code", sharedNames: true,
		key: func(c *CloseCode) int { return c.Code },
		// Documents differ in case and punctuation: "Invalid seq",
		// "Invalid Seq".
		name: func(c *CloseCode) string { return WireFromTitle(c.Name) },
		show: func(c *CloseCode) string { return strconv.Quote(c.Name) },
		common: func(c *CloseCode) common {
			return common{&c.Description, &c.Deprecated, &c.Removed, &c.Sources}
		},
		merge: func(m, v *CloseCode) []string {
			if m.Reconnect != nil && v.Reconnect != nil && *m.Reconnect != *v.Reconnect {
				return []string{fmt.Sprintf("has reconnect %s here but %s", reconnectSaid(v), reconnectSaid(m))}
			}
			if m.Reconnect == nil && v.Reconnect != nil {
				r := *v.Reconnect
				m.Reconnect, m.ReconnectFrom = &r, v.ReconnectFrom
			}
			return nil
		},
	}
}

// reconnectSaid says what a document says of reconnecting after c, for
// messages: "true", or "false (in its explanation)".
func reconnectSaid(c *CloseCode) string {
	if c.ReconnectFrom == ReconnectFromText {
		return fmt.Sprintf("%v (in its explanation)", *c.Reconnect)
	}
	return fmt.Sprint(*c.Reconnect)
}

var intentTable = tableKind[Intent]{
	kind: "intent", keyWord: "bit",
	key:  func(in *Intent) int { return in.Bit },
	name: func(in *Intent) string { return in.Name },
	show: func(in *Intent) string { return in.Name },
	common: func(in *Intent) common {
		return common{&in.Description, &in.Deprecated, &in.Removed, &in.Sources}
	},
	merge: func(m, v *Intent) []string {
		m.Privileged = m.Privileged || v.Privileged
		for _, ev := range v.Events {
			if !slices.Contains(m.Events, ev) {
				m.Events = append(m.Events, ev)
			}
		}
		return nil
	},
}

func (b *builder) addEvent(doc int, ev Event) {
	pos := ev.Sources[0]
	prev := b.evByName[ev.Name]
	switch {
	case prev == nil:
		e := &entry[Event]{val: ev, doc: doc}
		e.val.Sources = slices.Clone(ev.Sources)
		b.events = append(b.events, e)
		b.evByName[ev.Name] = e
		return
	case prev.doc == doc:
		b.errs.Add(pos, "duplicate event name %s: also at %s", ev.Name, prev.val.Sources[len(prev.val.Sources)-1])
		return
	}
	m := &prev.val
	if m.Description == "" {
		m.Description = ev.Description
	}
	m.Deprecated = m.Deprecated || ev.Deprecated
	m.Removed = m.Removed || ev.Removed
	m.Sources = append(m.Sources, ev.Sources...)
	prev.doc = doc
}

// finish derives Go names, rejects names that collide once converted,
// checks the events of intents, sets the reconnect flags of the options,
// and fills in the Spec.
func (b *builder) finish() {
	g := goNamer{naming: b.opt.Naming, seen: make(map[goName]Source), errs: &b.errs}
	for _, o := range b.opcodes.values() {
		o.GoName = g.name(TableByKey("opcodes"), o.Name, o.Sources[0])
		b.spec.Opcodes = append(b.spec.Opcodes, o)
	}
	for _, e := range b.events {
		e.val.GoName = g.name(TableByKey("events"), e.val.Name, e.val.Sources[0])
		e.val.Value = len(b.spec.Events) + 1
		b.spec.Events = append(b.spec.Events, e.val)
	}
	b.spec.CloseCodes = g.closeCodes(b.closeCodes, TableByKey("close_codes"))
	b.spec.VoiceCloseCodes = g.closeCodes(b.voiceCloseCodes, TableByKey("voice_close_codes"))
	b.opt.applyReconnect(b.spec, &b.errs)
	for _, o := range b.voiceOpcodes.values() {
		o.GoName = g.name(TableByKey("voice_opcodes"), o.Name, o.Sources[0])
		o.BinaryKnown = false // a matter of documents, not of the Spec
		b.spec.VoiceOpcodes = append(b.spec.VoiceOpcodes, o)
	}
	for _, in := range b.intents.values() {
		in.GoName = g.name(TableByKey("intents"), in.Name, in.Sources[0])
		in.EventSources = nil // a matter of documents, kept in intentEventSrc
		if in.Events == nil {
			in.Events = []string{}
		}
		if len(b.evByName) > 0 {
			for _, ev := range in.Events {
				if b.evByName[ev] == nil {
					b.errs.Add(b.intentEventSrc[intentEvent{in.Bit, ev}], "intent %s lists the event %s, which no event table lists", in.Name, ev)
				}
			}
		}
		b.spec.Intents = append(b.spec.Intents, in)
	}
}

// A goNamer derives Go names and reports those that collide within a
// table.
type goNamer struct {
	naming *Naming
	seen   map[goName]Source
	errs   *ErrorList
}

type goName struct{ kind, name string }

// name returns the Go name of the entry of table t with the wire name
// wire: the name a rename chose, or else its derived one; or "" after
// reporting why there is none.
func (g *goNamer) name(t *Table, wire string, pos Source) string {
	if r, _, ok := g.naming.renameOf(t, wire, 0); ok {
		return g.claim(r.GoName, wire, pos, t.Singular)
	}
	name, err := g.naming.GoName(wire)
	if err != nil {
		g.errs.Add(pos, "%s %v", t.Singular, err)
		return ""
	}
	return g.claim(name, wire, pos, t.Singular)
}

// claim reports a Go name another entry of the table has.
func (g *goNamer) claim(name, what string, pos Source, kind string) string {
	if prev, ok := g.seen[goName{kind, name}]; ok {
		g.errs.Add(pos, "%s %s becomes the Go name %s, as the %s at %s does", kind, what, name, kind, prev)
		return ""
	}
	g.seen[goName{kind, name}] = pos
	return name
}

// closeCodes names the close codes of t, the table of codes tab. The Go
// name of a close code is that of its name's wire form ("Invalid
// intent(s)" → INVALID_INTENTS → InvalidIntents), or the name a rename of
// that wire form chose; when several codes have one name, the lowest keeps
// it and each other gets its code appended (Disconnected4021). A rename of
// the code ("voice_close_codes:4021") wins over both.
func (g *goNamer) closeCodes(t *table[CloseCode], tab *Table) []CloseCode {
	codes := t.values()
	lowest := make(map[string]int) // wire name → lowest code
	for _, c := range codes {
		// codes are sorted, so the first code of a name is its lowest.
		if w := WireFromTitle(c.Name); !has(lowest, w) {
			lowest[w] = c.Code
		}
	}
	for i := range codes {
		c := &codes[i]
		pos := c.Sources[0]
		wire := WireFromTitle(c.Name)
		r, byCode, renamed := g.naming.renameOf(tab, wire, c.Code)
		name := r.GoName
		if !renamed {
			var err error
			if name, err = g.naming.GoName(wire); err != nil {
				g.errs.Add(pos, "%s %d %v; name it with --name %s:%d=GoName", tab.Singular, c.Code, err, tab.Key, c.Code)
				continue
			}
		}
		if !byCode && lowest[wire] != c.Code {
			name += strconv.Itoa(c.Code)
		}
		c.GoName = g.claim(name, strconv.Quote(c.Name), pos, tab.Singular)
	}
	return codes
}

func has[K comparable, V any](m map[K]V, k K) bool {
	_, ok := m[k]
	return ok
}
