package model

import (
	"cmp"
	"slices"
)

// Build merges docs into one Spec, derives the Go names with naming (nil
// means DefaultNaming) and validates the result. It reports every problem it
// finds, as an ErrorList, each at the positions of the rows involved.
//
// Merging rules, in the order docs are given:
//   - Opcodes are the same opcode when they have the same code, and events
//     when they have the same wire name. Two documents that give one code two
//     names, or one name two codes, or one opcode two different senders,
//     conflict, and the error names both rows.
//   - A sender left blank in one document is taken from another.
//   - The description comes from the first document that has one.
//   - An entry is deprecated (or removed) if any document says so.
//   - Every entry keeps the positions of all rows that describe it.
//
// Within one document, a repeated code, name or Go name is an error.
func Build(docs []*Document, naming *Naming) (*Spec, error) {
	if naming == nil {
		naming = DefaultNaming()
	}
	b := builder{
		opByCode: make(map[int]*entry[Opcode]),
		opByName: make(map[string]*entry[Opcode]),
		evByName: make(map[string]*entry[Event]),
		spec: &Spec{
			Sources: []string{}, Opcodes: []Opcode{}, Events: []Event{},
			CloseCodes: []CloseCode{}, VoiceOpcodes: []VoiceOpcode{}, VoiceCloseCodes: []CloseCode{}, Intents: []Intent{},
		},
	}
	for i, doc := range docs {
		b.spec.Sources = append(b.spec.Sources, doc.File)
		for _, op := range doc.Opcodes {
			b.addOpcode(i, op)
		}
		for _, ev := range doc.Events {
			b.addEvent(i, ev)
		}
	}
	b.finish(naming)
	if len(b.errs) > 0 {
		b.errs.Sort()
		return nil, b.errs
	}
	return b.spec, nil
}

// An entry is an opcode or event being merged, with the index of the
// document that introduced it.
type entry[T any] struct {
	val T
	doc int
}

type builder struct {
	opcodes  []*entry[Opcode]
	events   []*entry[Event]
	opByCode map[int]*entry[Opcode]
	opByName map[string]*entry[Opcode]
	evByName map[string]*entry[Event]
	spec     *Spec
	errs     ErrorList
}

func (b *builder) addOpcode(doc int, op Opcode) {
	pos := op.Sources[0]
	byCode, byName := b.opByCode[op.Code], b.opByName[op.Name]
	switch {
	case byCode != nil && byCode.doc == doc:
		b.errs.Add(pos, "duplicate opcode code %d: %s here, %s at %s", op.Code, op.Name, byCode.val.Name, byCode.val.Sources[0])
		return
	case byName != nil && byName.doc == doc:
		b.errs.Add(pos, "duplicate opcode name %s: code %d here, code %d at %s", op.Name, op.Code, byName.val.Code, byName.val.Sources[0])
		return
	case byCode != nil && byCode.val.Name != op.Name:
		b.errs.Add(pos, "opcode %d is %s here but %s at %s", op.Code, op.Name, byCode.val.Name, byCode.val.Sources[0])
		return
	case byName != nil && byName.val.Code != op.Code:
		b.errs.Add(pos, "opcode %s has code %d here but %d at %s", op.Name, op.Code, byName.val.Code, byName.val.Sources[0])
		return
	case byCode == nil:
		e := &entry[Opcode]{val: op, doc: doc}
		e.val.Sources = slices.Clone(op.Sources)
		b.opcodes = append(b.opcodes, e)
		b.opByCode[op.Code], b.opByName[op.Name] = e, e
		return
	}
	m := &byCode.val
	if m.SentBy != 0 && op.SentBy != 0 && m.SentBy != op.SentBy {
		b.errs.Add(pos, "opcode %s is sent by %s here but by %s at %s", op.Name, op.SentBy, m.SentBy, m.Sources[0])
		return
	}
	if m.SentBy == 0 {
		m.SentBy = op.SentBy
	}
	mergeCommon(&m.Description, &m.Deprecated, &m.Removed, &m.Sources, op.Description, op.Deprecated, op.Removed, op.Sources)
	byCode.doc = doc
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
	mergeCommon(&m.Description, &m.Deprecated, &m.Removed, &m.Sources, ev.Description, ev.Deprecated, ev.Removed, ev.Sources)
	prev.doc = doc
}

// mergeCommon merges the fields opcodes and events share.
func mergeCommon(desc *string, deprecated, removed *bool, sources *[]Source, newDesc string, newDeprecated, newRemoved bool, newSources []Source) {
	if *desc == "" {
		*desc = newDesc
	}
	*deprecated = *deprecated || newDeprecated
	*removed = *removed || newRemoved
	*sources = append(*sources, newSources...)
}

// finish derives Go names, rejects names that collide once converted, and
// fills in the Spec.
func (b *builder) finish(naming *Naming) {
	type goName struct{ kind, name string }
	seen := make(map[goName]Source, len(b.opcodes)+len(b.events))
	name := func(wire string, pos Source, kind string) string {
		name, err := naming.GoName(wire)
		if err != nil {
			b.errs.Add(pos, "%s %v", kind, err)
			return ""
		}
		if prev, ok := seen[goName{kind, name}]; ok {
			b.errs.Add(pos, "%s %s becomes the Go name %s, as the %s at %s does", kind, wire, name, kind, prev)
			return ""
		}
		seen[goName{kind, name}] = pos
		return name
	}
	for _, e := range b.opcodes {
		e.val.GoName = name(e.val.Name, e.val.Sources[0], "opcode")
		b.spec.Opcodes = append(b.spec.Opcodes, e.val)
	}
	for _, e := range b.events {
		e.val.GoName = name(e.val.Name, e.val.Sources[0], "event")
		e.val.Value = len(b.spec.Events) + 1
		b.spec.Events = append(b.spec.Events, e.val)
	}
	slices.SortStableFunc(b.spec.Opcodes, func(a, b Opcode) int { return cmp.Compare(a.Code, b.Code) })
}
