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
// Merging rules, table by table (see Tables), in the order docs are given:
//   - Entries are the same entry when they have the same key: the same code
//     or bit in a table of integer codes or bit flags, the same wire name
//     among events. Two documents that give one key two names, or one name
//     two keys, conflict, and the error names both rows; so do two
//     documents that disagree on an attribute: a sender, whether a client
//     may reconnect, whether a voice opcode's payloads are binary.
//   - An attribute left blank in one document (a sender, a reconnect flag)
//     is taken from another.
//   - The description comes from the first document that has one.
//   - An entry is deprecated (or removed) if any document says so; an intent
//     is privileged if any document says so, and enables the union of the
//     events every document lists for it, in the order first seen.
//   - Every entry keeps the positions of all rows that describe it.
//
// Within one document, a repeated key, name or Go name is an error, except
// that a table named in words (AttrNamedInWords: close codes) may give
// several codes one name (see the package documentation for their Go
// names).
//
// When the documents list dispatch events, an event an intent lists that
// none of them lists is left out of the intent, with a Warning, in either
// policy: the docs' two lists disagree, and no document says which is right.
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
// Links of structure tables that lead to no table of the documents given
// are warnings too.
func BuildWith(docs []*Document, opt Options) (*Spec, []Warning, error) {
	if opt.Naming == nil {
		opt.Naming = DefaultNaming()
	}
	b := &builder{
		opt:            opt,
		evByName:       make(map[string]*entry[Event]),
		intentEventSrc: make(map[intentEvent]Source),
		spec:           &Spec{Sources: []string{}, Structures: []Structure{}, Enums: []Enum{}},
	}
	for _, t := range Tables {
		b.tables = append(b.tables, mergerOf(t))
	}
	for i, doc := range docs {
		b.spec.Sources = append(b.spec.Sources, doc.File)
		for _, m := range b.tables {
			m.add(b, i, doc)
		}
	}
	g := goNamer{naming: opt.Naming, seen: make(map[goName]Source), errs: &b.errs}
	for _, m := range b.tables {
		m.finish(b, &g)
	}
	if !opt.NoStructures {
		buildStructures(docs, b.spec, opt.Naming, &b.errs, &b.warnings)
	}
	opt.applyReconnect(b.spec, &b.errs)
	if len(b.errs) > 0 {
		b.errs.Sort()
		return nil, nil, b.errs
	}
	slices.SortStableFunc(b.warnings, func(a, b Warning) int { return comparePos(a.Pos, b.Pos) })
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
	opt      Options
	tables   []merger // one for each of Tables, in its order
	evByName map[string]*entry[Event]
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

// A merger merges the entries of one table of the documents into the Spec.
type merger interface {
	// add merges the table's entries of document doc, the doc'th.
	add(b *builder, doc int, d *Document)
	// finish names the merged entries, checks them and sets the Spec's
	// table.
	finish(b *builder, g *goNamer)
}

// mergerOf returns how Build merges the entries of t: the rules of its
// entry type. Tables of integer codes or bits share one merger, which these
// rules complete; events, keyed by name, have their own.
func mergerOf(t *Table) merger {
	switch t.InDocument(new(Document)).(type) {
	case *[]Opcode:
		return newTable(t, rules[Opcode]{
			merge: func(m, v *Opcode) []string { return mergeSender(&m.SentBy, v.SentBy) },
		})
	case *[]VoiceOpcode:
		return newTable(t, rules[VoiceOpcode]{
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
			finish: func(_ *builder, o *VoiceOpcode) {
				o.BinaryKnown = false // a matter of documents, not of the Spec
			},
		})
	case *[]CloseCode:
		return newTable(t, rules[CloseCode]{
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
		})
	case *[]Intent:
		return newTable(t, rules[Intent]{
			note:   (*builder).noteIntentEvents,
			merge:  mergeIntent,
			finish: (*builder).finishIntent,
		})
	case *[]Event:
		return &events{table: t}
	}
	panic("model: Build has no rules for the entries of table " + t.Key)
}

// rules are what the merging of a table of integer keys (codes or bits)
// needs to know of its entry type T beyond what Entry and the Table say.
type rules[T any] struct {
	// merge merges the fields particular to T from v into m, filling in
	// what m leaves blank and keeping m's value where they disagree, and
	// returns each disagreement, as "is sent by client here but by server".
	merge func(m, v *T) []string
	// note, if set, sees every row before it is merged; finish, if set,
	// completes each merged entry once it is named.
	note   func(b *builder, v *T)
	finish func(b *builder, v *T)
}

// A table is one table of integer keys being merged.
type table[T any, P Keyed[T]] struct {
	*Table
	rules[T]
	entries []*entry[T]
	byKey   map[int]*entry[T]
	byName  map[string][]*entry[T]
}

func newTable[T any, P Keyed[T]](t *Table, r rules[T]) *table[T, P] {
	return &table[T, P]{Table: t, rules: r, byKey: make(map[int]*entry[T]), byName: make(map[string][]*entry[T])}
}

// name returns the name entries are compared by: in a table named in
// words, documents differ in case and punctuation ("Invalid seq",
// "Invalid Seq"), so its wire form.
func (t *table[T, P]) name(v *T) string {
	if t.Has(AttrNamedInWords) {
		return WireFromTitle(P(v).Common().Name)
	}
	return P(v).Common().Name
}

// show returns the name of v as messages print it: words are quoted.
func (t *table[T, P]) show(v *T) string {
	if t.Has(AttrNamedInWords) {
		return strconv.Quote(P(v).Common().Name)
	}
	return P(v).Common().Name
}

func (t *table[T, P]) add(b *builder, doc int, d *Document) {
	rows := *t.InDocument(d).(*[]T)
	for i := range rows {
		if t.note != nil {
			t.note(b, &rows[i])
		}
		t.addRow(b, doc, &rows[i])
	}
}

func (t *table[T, P]) addRow(b *builder, doc int, v *T) {
	vc := P(v).Common()
	pos := vc.Sources[0]
	key, name := P(v).Key(), t.name(v)
	kind, keyWord, sharedNames := t.Singular, t.Shape.Key(), t.Has(AttrNamedInWords)
	byKey := t.byKey[key]
	sameName := t.byName[name]
	var byName *entry[T] // an entry with this name and another key
	namedHere := false   // this document already gave the name to a key
	for _, e := range sameName {
		namedHere = namedHere || e.doc == doc
		if P(&e.val).Key() != key && byName == nil {
			byName = e
		}
	}
	switch {
	case byKey != nil && byKey.doc == doc:
		b.errs.Add(pos, "duplicate %s %s %d: %s here, %s at %s", kind, keyWord, key, t.show(v), t.show(&byKey.val), t.first(byKey))
		return
	case byName != nil && byName.doc == doc && !sharedNames:
		b.errs.Add(pos, "duplicate %s name %s: %s %d here, %s %d at %s", kind, t.show(v), keyWord, key, keyWord, P(&byName.val).Key(), t.first(byName))
		return
	case byKey != nil && t.name(&byKey.val) != name:
		// First wins: the row still describes the entry, renamed.
		b.conflict(pos, t.first(byKey), "%s %d is %s here but %s", kind, key, t.show(v), t.show(&byKey.val))
	case byName != nil && !namedHere && (byKey == nil || !sharedNames):
		// In a table that shares names, a document that lists the name
		// twice itself says that the name has several codes. First wins:
		// the name keeps its key, and its entry the position of the row
		// that gave it another.
		b.conflict(pos, t.first(byName), "%s %s has %s %d here but %d", kind, t.show(v), keyWord, key, P(&byName.val).Key())
		bc := P(&byName.val).Common()
		bc.Sources = append(bc.Sources, pos)
		return
	case byKey == nil:
		e := &entry[T]{val: *v, doc: doc}
		P(&e.val).Common().Sources = slices.Clone(vc.Sources)
		t.entries = append(t.entries, e)
		t.byKey[key] = e
		t.byName[name] = append(t.byName[name], e)
		return
	}
	for _, msg := range t.merge(&byKey.val, v) {
		b.conflict(pos, t.first(byKey), "%s %s %s", kind, t.show(v), msg)
	}
	mergeEntry(P(&byKey.val).Common(), vc)
	byKey.doc = doc
}

// mergeEntry merges what every entry has from v into m: the description
// of the first document that has one, the status any document gives, and
// every row.
func mergeEntry(m, v *Entry) {
	if m.Description == "" {
		m.Description = v.Description
	}
	m.Deprecated = m.Deprecated || v.Deprecated
	m.Removed = m.Removed || v.Removed
	m.Sources = append(m.Sources, v.Sources...)
}

// first is the first row that describes e.
func (t *table[T, P]) first(e *entry[T]) Source {
	return P(&e.val).Common().Sources[0]
}

// finish names the entries, sorted by key, and sets the Spec's table. The
// Go name of an entry named in words is that of its name's wire form (see
// goNamer.words).
func (t *table[T, P]) finish(b *builder, g *goNamer) {
	out := make([]T, 0, len(t.entries))
	for _, e := range t.entries {
		out = append(out, e.val)
	}
	slices.SortStableFunc(out, func(a, b T) int { return cmp.Compare(P(&a).Key(), P(&b).Key()) })
	if t.Has(AttrNamedInWords) {
		words[T, P](g, t.Table, out)
	}
	for i := range out {
		c := P(&out[i]).Common()
		if !t.Has(AttrNamedInWords) {
			c.GoName = g.name(t.Table, c.Name, c.Sources[0])
		}
		if t.rules.finish != nil {
			t.rules.finish(b, &out[i])
		}
	}
	*t.InSpec(b.spec).(*[]T) = out
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

// reconnectSaid says what a document says of reconnecting after c, for
// messages: "true", or "false (in its explanation)".
func reconnectSaid(c *CloseCode) string {
	if c.ReconnectFrom == ReconnectFromText {
		return fmt.Sprintf("%v (in its explanation)", *c.Reconnect)
	}
	return fmt.Sprint(*c.Reconnect)
}

func payloads(binary bool) string {
	if binary {
		return "binary"
	}
	return "JSON"
}

// mergeIntent makes an intent privileged if either document says so, and
// enabling the events both list.
func mergeIntent(m, v *Intent) []string {
	m.Privileged = m.Privileged || v.Privileged
	for _, ev := range v.Events {
		if !slices.Contains(m.Events, ev) {
			m.Events = append(m.Events, ev)
		}
	}
	return nil
}

// noteIntentEvents records where an intent first lists each of its events.
func (b *builder) noteIntentEvents(in *Intent) {
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

// finishIntent checks that the documents list the events an intent
// enables, if they list any.
func (b *builder) finishIntent(in *Intent) {
	in.EventSources = nil // a matter of documents, kept in intentEventSrc
	if in.Events == nil {
		in.Events = []string{}
	}
	if len(b.evByName) == 0 {
		return
	}
	// The official docs list new events under their intents before the
	// event table has them (VOICE_CHANNEL_STATUS_UPDATE under GUILDS): an
	// error would make those docs unusable until Discord fixes them, so
	// the event is left out of the intent, and said so.
	in.Events = slices.DeleteFunc(in.Events, func(ev string) bool {
		if b.evByName[ev] != nil {
			return false
		}
		b.warnings = append(b.warnings, Warning{
			Pos: b.intentEventSrc[intentEvent{in.Bit, ev}],
			Msg: fmt.Sprintf("intent %s lists the event %s, which no event table lists; the intent leaves it out", in.Name, ev),
		})
		return true
	})
}

// events merges the dispatch events, which are keyed by their wire names
// and numbered in the order they first appear.
type events struct {
	table   *Table
	entries []*entry[Event]
}

func (m *events) add(b *builder, doc int, d *Document) {
	for _, ev := range *m.table.InDocument(d).(*[]Event) {
		pos := ev.Sources[0]
		prev := b.evByName[ev.Name]
		switch {
		case prev == nil:
			e := &entry[Event]{val: ev, doc: doc}
			e.val.Sources = slices.Clone(ev.Sources)
			m.entries = append(m.entries, e)
			b.evByName[ev.Name] = e
			continue
		case prev.doc == doc:
			b.errs.Add(pos, "duplicate %s name %s: also at %s", m.table.Singular, ev.Name, prev.val.Sources[len(prev.val.Sources)-1])
			continue
		}
		mergeEntry(&prev.val.Entry, &ev.Entry)
		prev.doc = doc
	}
}

func (m *events) finish(b *builder, g *goNamer) {
	out := make([]Event, 0, len(m.entries))
	for _, e := range m.entries {
		ev := e.val
		ev.GoName = g.name(m.table, ev.Name, ev.Sources[0])
		ev.Value = len(out) + 1
		out = append(out, ev)
	}
	*m.table.InSpec(b.spec).(*[]Event) = out
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

// words names the entries of table t, which are named in words and
// sorted by key. The Go name of such an entry is that of its name's wire
// form ("Invalid intent(s)" → INVALID_INTENTS → InvalidIntents), or the
// name a rename of that wire form chose; when several entries have one
// name, the lowest key keeps it and each other gets its key appended
// (Disconnected4022). A rename of the key ("close_codes:4004") wins over
// both.
func words[T any, P Keyed[T]](g *goNamer, t *Table, entries []T) {
	lowest := make(map[string]int) // wire name → lowest key
	for i := range entries {
		// entries are sorted, so the first key of a name is its lowest.
		if w := WireFromTitle(P(&entries[i]).Common().Name); !has(lowest, w) {
			lowest[w] = P(&entries[i]).Key()
		}
	}
	for i := range entries {
		c, k := P(&entries[i]).Common(), P(&entries[i]).Key()
		pos := c.Sources[0]
		wire := WireFromTitle(c.Name)
		r, byKey, renamed := g.naming.renameOf(t, wire, k)
		name := r.GoName
		if !renamed {
			var err error
			if name, err = g.naming.GoName(wire); err != nil {
				g.errs.Add(pos, "%s %d %v; name it with --name %s:%d=GoName", t.Singular, k, err, t.Key, k)
				continue
			}
		}
		if !byKey && lowest[wire] != k {
			name += strconv.Itoa(k)
		}
		c.GoName = g.claim(name, strconv.Quote(c.Name), pos, t.Singular)
	}
}

func has[K comparable, V any](m map[K]V, k K) bool {
	_, ok := m[k]
	return ok
}
