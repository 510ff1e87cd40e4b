package model

import (
	"cmp"
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"
)

// This file turns the documents' structure tables into the Spec's
// structures: it resolves links across documents, finds the payload of
// each opcode and event, keeps the structures those payloads reach
// (nothing else: a page's REST tables stay out), names them and types
// their fields.
//
// A link "/a/b#c" leads to the document whose path, without its
// extension, ends in "a/b", and there to the table the anchor c leads to
// (a <ManualAnchor> id or a heading's slug; see Anchor); "#c" stays in the
// linking document. A link that leads nowhere, or to a page not given,
// leaves the field raw and is a Warning, once per field and link.

// A ref is a table of a document: a structure or an enum, by index.
type ref struct{ doc, idx int }

// A target is where a link leads: a structure, an enum table or a
// protocol table.
type target struct {
	kind            targetKind
	structure, enum ref
	table           string
}

type targetKind int

const (
	toNowhere targetKind = iota
	toStructure
	toEnum
	toTable
)

type structBuilder struct {
	docs    []*Document
	pages   []string // each document's path without its extension
	anchors []map[string]Anchor
	naming  *Naming
	errs    *ErrorList
	warns   []Warning
	warned  map[string]bool
	// dangling holds the places of each link that leads nowhere, in the
	// order danglingOrder first met them.
	dangling      map[string][]Source
	danglingOrder []string

	// order lists the structures in scope in the order they were reached,
	// enums the enums; names holds the IR name of each.
	order, enums []ref
	names        map[ref]string
	enumNames    map[ref]string
	// fixups are the types that name a structure or enum, filled in once
	// every name is known.
	fixups     []fixup
	structures map[ref]*Structure
	// bases holds the structure each extra fields table extends.
	bases map[ref]ref
}

type fixup struct {
	t    *TypeRef
	r    ref
	enum bool
}

// buildStructures fills in spec.Structures and spec.Enums and the payloads
// of spec's opcodes and events, adding to errs and warnings.
func buildStructures(docs []*Document, spec *Spec, naming *Naming, errs *ErrorList, warnings *[]Warning) {
	s := &structBuilder{
		docs: docs, naming: naming, errs: errs, warned: map[string]bool{}, dangling: map[string][]Source{},
		names: map[ref]string{}, enumNames: map[ref]string{}, structures: map[ref]*Structure{}, bases: map[ref]ref{},
	}
	for _, d := range docs {
		s.pages = append(s.pages, pageOf(d.File))
		m := map[string]Anchor{}
		for _, a := range d.Anchors {
			// Browsers match fragments exactly; the docs' links and ids
			// differ only in case by mistake.
			id := strings.ToLower(a.ID)
			if _, dup := m[id]; !dup {
				m[id] = a
			}
		}
		s.anchors = append(s.anchors, m)
	}
	payloads := s.payloads(spec)
	// resolve puts in scope the structures a structure's fields reach, at
	// the end of order, so this loop reaches them too.
	for i := 0; i < len(s.order); i++ {
		s.resolve(s.order[i])
	}
	s.name()
	for _, f := range s.fixups {
		if f.enum {
			f.t.Enum = s.enumNames[f.r]
		} else {
			f.t.Structure = s.names[f.r]
		}
	}
	for i := range spec.Opcodes {
		if r, ok := payloads[opcodeKey(spec.Opcodes[i].Name)]; ok {
			spec.Opcodes[i].Payload = s.names[r]
		}
	}
	for i := range spec.Events {
		if r, ok := payloads[spec.Events[i].Name]; ok {
			spec.Events[i].Payload = s.names[r]
		}
	}
	for _, r := range s.order {
		st := s.structures[r]
		if base, ok := s.bases[r]; ok {
			st.Base = s.names[base]
		}
		spec.Structures = append(spec.Structures, *st)
	}
	slices.SortFunc(spec.Structures, func(a, b Structure) int { return strings.Compare(a.Name, b.Name) })
	for _, r := range s.enums {
		e := s.docs[r.doc].Enums[r.idx]
		e.Name = s.enumNames[r]
		e.GoName = s.goName(e.Name, e.Sources[0], "enum")
		e.Anchors = s.anchorsOf(func(a Anchor) bool { return a.Enum == r.idx }, r.doc)
		e.Members = slices.Clone(e.Members)
		names := map[string]Source{}
		for i := range e.Members {
			m := &e.Members[i]
			m.GoName = s.goName(m.Name, m.Sources[0], "enum member")
			if prev, ok := names[m.GoName]; ok && m.GoName != "" {
				s.errs.Add(m.Sources[0], "enum member %s of %s has the Go name %s, as has the member at %s", m.Name, e.Name, m.GoName, prev)
			}
			names[m.GoName] = m.Sources[0]
		}
		spec.Enums = append(spec.Enums, e)
	}
	slices.SortFunc(spec.Enums, func(a, b Enum) int { return strings.Compare(a.Name, b.Name) })
	s.checkGoNames(spec)
	s.danglingWarnings()
	*warnings = append(*warnings, s.warns...)
}

// pageOf returns a document's path as links name it: slash-separated,
// without its extension or a leading "./".
func pageOf(file string) string {
	file = strings.TrimPrefix(strings.ReplaceAll(file, "\\", "/"), "./")
	return strings.TrimSuffix(file, path.Ext(file))
}

// opcodeKey is the key of an opcode in the payloads map: its words sorted,
// since the docs' sections name opcodes in another order ("Update
// Presence" for PRESENCE_UPDATE).
func opcodeKey(wire string) string {
	words := strings.Split(wire, "_")
	slices.Sort(words)
	return "op:" + strings.Join(words, "_")
}

// payloads finds the structure of each section that describes a message:
// by event wire name, else, for the opcodes' sections, by the words of the
// opcode's name. The first section for a message wins. It puts the
// payloads in scope.
func (s *structBuilder) payloads(spec *Spec) map[string]ref {
	events := map[string]bool{}
	for _, e := range spec.Events {
		events[e.Name] = true
	}
	opcodes := map[string]bool{}
	for _, o := range spec.Opcodes {
		opcodes[opcodeKey(o.Name)] = true
	}
	out := map[string]ref{}
	for d, doc := range s.docs {
		for _, sec := range doc.Sections {
			wire := WireFromTitle(sec.Heading)
			key := wire
			if !events[key] {
				key = opcodeKey(wire)
				if !opcodes[key] {
					continue
				}
			}
			if _, done := out[key]; done {
				continue
			}
			r := ref{d, sec.Structure}
			if sec.Structure < 0 {
				t, ok := s.follow(d, sec.Link, sec.Source)
				if !ok || t.kind != toStructure {
					continue
				}
				r = t.structure
			}
			out[key] = r
			s.reach(r)
		}
	}
	return out
}

// reach puts a structure in scope.
func (s *structBuilder) reach(r ref) {
	if !slices.Contains(s.order, r) {
		s.order = append(s.order, r)
	}
}

// lookup returns where a link from document d leads, without reporting
// anything.
func (s *structBuilder) lookup(d int, link string) (target, bool) {
	page, frag, _ := strings.Cut(link, "#")
	if i := strings.IndexAny(page, "?"); i >= 0 {
		page = page[:i]
	}
	doc := d
	if page != "" {
		doc = s.page(page)
		if doc < 0 || frag == "" {
			return target{}, false
		}
	}
	a, ok := s.anchors[doc][strings.ToLower(frag)]
	switch {
	case !ok:
		return target{}, false
	case a.Structure >= 0:
		return target{structure: ref{doc, a.Structure}, kind: toStructure}, true
	case a.Enum >= 0:
		return target{enum: ref{doc, a.Enum}, kind: toEnum}, true
	case a.Table != "":
		return target{table: a.Table, kind: toTable}, true
	}
	return target{}, false
}

// follow is lookup, noting pos as a place where the link leads nowhere.
func (s *structBuilder) follow(d int, link string, pos Source) (target, bool) {
	t, ok := s.lookup(d, link)
	if !ok {
		if s.dangling[link] == nil {
			s.danglingOrder = append(s.danglingOrder, link)
		}
		s.dangling[link] = append(s.dangling[link], pos)
	}
	return t, ok
}

// danglingWarnings returns one warning per link that leads nowhere, at its
// first place, saying how many others there are.
func (s *structBuilder) danglingWarnings() {
	for _, link := range s.danglingOrder {
		places := s.dangling[link]
		more := ""
		if n := len(places) - 1; n == 1 {
			more = " (and 1 more place)"
		} else if n > 1 {
			more = fmt.Sprintf(" (and %d more places)", n)
		}
		s.warn(places[0], "the link %s leads to no table of the specs given%s%s; what it types is left as raw JSON", link, s.why(link), more)
	}
}

// why says why a link leads nowhere: its page is not among the specs, or
// the page has no such anchor.
func (s *structBuilder) why(link string) string {
	page, _, _ := strings.Cut(link, "#")
	if page != "" && s.page(page) < 0 {
		return fmt.Sprintf(" (no spec is the page %s)", page)
	}
	return ""
}

// page returns the document a link's path names, or -1: the one whose
// path ends in the link's path, or else the only one whose file has the
// link's last element as its name, since libraries copy the pages they use
// into one folder (docs/gateway-events.mdx for
// /developers/events/gateway-events).
func (s *structBuilder) page(link string) int {
	p := pageOf(link)
	for strings.HasPrefix(p, "../") || strings.HasPrefix(p, "/") {
		p = strings.TrimPrefix(strings.TrimPrefix(p, "../"), "/")
	}
	for i, page := range s.pages {
		if page == p || strings.HasSuffix(page, "/"+p) {
			return i
		}
	}
	found := -1
	for i, page := range s.pages {
		if path.Base(page) == path.Base(p) {
			if found >= 0 {
				return -1 // two folders hold a page of that name: neither is meant
			}
			found = i
		}
	}
	return found
}

func (s *structBuilder) warn(pos Source, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if key := pos.String() + msg; !s.warned[key] {
		s.warned[key] = true
		s.warns = append(s.warns, Warning{Pos: pos, Msg: msg})
	}
}

// resolve types the fields of a structure in scope, putting the
// structures they reach in scope.
func (s *structBuilder) resolve(r ref) {
	src := s.docs[r.doc].Structures[r.idx]
	st := src
	st.Fields = make([]Field, len(src.Fields))
	if src.BaseLink != "" {
		if t, ok := s.follow(r.doc, src.BaseLink, src.Sources[0]); ok && t.kind == toStructure {
			s.bases[r] = t.structure // named once every name is known
			s.reach(t.structure)
		}
	}
	st.BaseLink = ""
	for i, f := range src.Fields {
		f.Resolved = s.resolveType(r.doc, f.Resolved, f.Sources[0])
		f.Resolved = s.descriptionType(r.doc, f.Resolved, f.DescriptionLinks)
		f.DescriptionLinks = nil
		st.Fields[i] = f
	}
	s.structures[r] = &st
}

// resolveType returns a copy of t with its links resolved.
func (s *structBuilder) resolveType(d int, t *TypeRef, pos Source) *TypeRef {
	if t == nil {
		return &TypeRef{Kind: TypeRaw, Why: "unknown type"}
	}
	out := *t
	out.Elem, out.Key = nil, nil
	if t.Elem != nil {
		out.Elem = s.resolveType(d, t.Elem, pos)
	}
	if t.Key != nil {
		out.Key = s.resolveType(d, t.Key, pos)
	}
	if t.Kind != TypeLink {
		return &out
	}
	to, ok := s.follow(d, t.Link, pos)
	if !ok {
		return &TypeRef{Kind: TypeRaw, Why: "unresolved link", Link: t.Link}
	}
	return s.typeOf(to, &out)
}

// typeOf returns the type of a value that link resolved to: t, a link
// whose Primitive is the primitive written beside it, if any.
func (s *structBuilder) typeOf(to target, t *TypeRef) *TypeRef {
	switch to.kind {
	case toStructure:
		s.reach(to.structure)
		out := &TypeRef{Kind: TypeStructure, Partial: t.Partial, Link: t.Link}
		s.fixups = append(s.fixups, fixup{t: out, r: to.structure})
		return out
	case toTable:
		p := PrimitiveInteger
		if TableByKey(to.table).Shape == Names {
			p = PrimitiveString // a dispatch event is its wire name
		}
		return &TypeRef{Kind: TypeEnum, Primitive: p, Table: to.table, Link: t.Link}
	}
	e := s.docs[to.enum.doc].Enums[to.enum.idx]
	out := &TypeRef{Kind: TypePrimitive, Primitive: t.Primitive, Link: t.Link}
	enumPrimitive := PrimitiveInteger
	if e.Shape == EnumString {
		enumPrimitive = PrimitiveString
	}
	if e.Shape != "" && (t.Primitive == "" || t.Primitive == enumPrimitive) {
		// Typed, unless the docs' Type disagrees with the values
		// ("string" beside an enum of integers): then the enum is only
		// named.
		out.Kind, out.Primitive = TypeEnum, enumPrimitive
		if !slices.Contains(s.enums, to.enum) {
			s.enums = append(s.enums, to.enum)
		}
	} else if out.Primitive == "" {
		// An enum whose values the parser could not read, named in a
		// Type cell with no primitive beside it: its JSON is unknown.
		out.Kind, out.Why = TypeRaw, "enum"
	}
	s.fixups = append(s.fixups, fixup{t: out, r: to.enum, enum: true})
	if _, named := s.enumNames[to.enum]; !named {
		s.enumNames[to.enum] = "" // named by name()
	}
	return out
}

// descriptionType types by a link of the Description cell a field whose
// Type says only integer or string (the link leads to an enum the parser
// could read, or a protocol table) or object (the link leads to the
// structure). Other links are prose: they type nothing and warn of
// nothing.
func (s *structBuilder) descriptionType(d int, t *TypeRef, links []string) *TypeRef {
	if t.Kind == TypeArray {
		elem := s.descriptionType(d, t.Elem, links)
		if elem == t.Elem {
			return t
		}
		out := *t
		out.Elem = elem
		return &out
	}
	scalar := t.Kind == TypePrimitive && (t.Primitive == PrimitiveInteger || t.Primitive == PrimitiveString) && t.Enum == ""
	object := t.Kind == TypeRaw && t.Why == "object"
	if !scalar && !object {
		return t
	}
	for _, link := range links {
		to, ok := s.lookup(d, link)
		switch {
		case !ok:
		case object && to.kind == toStructure, scalar && to.kind == toTable,
			scalar && to.kind == toEnum && s.docs[to.enum.doc].Enums[to.enum.idx].Shape != "":
			// Prose links to other tables ("See Activity Asset Image")
			// say nothing of the type.
			return s.typeOf(to, &TypeRef{Kind: TypeLink, Link: link, Primitive: t.Primitive})
		}
	}
	return t
}

// name gives each structure and enum in scope its IR name: its own, or,
// when structures (or enums) share it, the later ones' in document order
// qualified by their page ("Receiving And Responding Message
// Interaction"), with a warning for a structure.
func (s *structBuilder) name() {
	taken := map[string]ref{}
	byDoc := slices.SortedFunc(slices.Values(s.order), compareRefs)
	for _, r := range byDoc {
		st := s.structures[r]
		name := s.unique(taken, st.Name, r)
		if name != st.Name {
			first := taken[st.Name]
			s.warn(st.Sources[0], "another structure is named %s (%s); this one is named %s", st.Name, s.docs[first.doc].Structures[first.idx].Sources[0], name)
		}
		taken[name] = r
		s.names[r] = name
		st.Name = name
		st.GoName = s.goName(name, st.Sources[0], "structure")
		st.Anchors = s.anchorsOf(func(a Anchor) bool { return a.Structure == r.idx }, r.doc)
		for i := range st.Fields {
			f := &st.Fields[i]
			f.GoName = s.goName(f.Name, f.Sources[0], "field")
		}
	}
	taken = map[string]ref{}
	// Every enum a type names, typed or not.
	for _, r := range slices.SortedFunc(maps.Keys(s.enumNames), compareRefs) {
		name := s.unique(taken, s.docs[r.doc].Enums[r.idx].Name, r)
		taken[name] = r
		s.enumNames[r] = name
	}
}

// unique returns name if taken lacks it, else name qualified by the page
// of r, numbered from 2 if that is taken too.
func (s *structBuilder) unique(taken map[string]ref, name string, r ref) string {
	if !has(taken, name) {
		return name
	}
	// "developers/interactions/receiving-and-responding" → "Receiving And
	// Responding"
	page := s.naming.TitleCase(path.Base(s.pages[r.doc]))
	out := page + " " + name
	for n := 2; has(taken, out); n++ {
		out = fmt.Sprintf("%s %s %d", page, name, n)
	}
	return out
}

// compareRefs orders tables as the documents do.
func compareRefs(a, b ref) int {
	return cmp.Or(cmp.Compare(a.doc, b.doc), cmp.Compare(a.idx, b.idx))
}

// anchorsOf returns the page-qualified anchors of document d that match.
func (s *structBuilder) anchorsOf(match func(Anchor) bool, d int) []string {
	out := []string{}
	for _, a := range s.docs[d].Anchors {
		if match(a) {
			out = append(out, s.pages[d]+"#"+a.ID)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// goName returns the Go name of a structure's or enum's name in words, or
// of a field's JSON key.
func (s *structBuilder) goName(name string, pos Source, what string) string {
	g, err := s.naming.GoName(WireFromTitle(name))
	if err != nil {
		s.errs.Add(pos, "%s %s: %v", what, name, err)
		return ""
	}
	return g
}

// checkGoNames reports two structures, or two fields of one structure,
// whose Go names are one.
func (s *structBuilder) checkGoNames(spec *Spec) {
	seen := map[string]Source{}
	for _, st := range spec.Structures {
		if prev, ok := seen[st.GoName]; ok && st.GoName != "" {
			s.errs.Add(st.Sources[0], "structure %s has the Go name %s, as has the structure at %s", st.Name, st.GoName, prev)
		}
		seen[st.GoName] = st.Sources[0]
		fields := map[string]Source{}
		for _, f := range st.Fields {
			if prev, ok := fields[f.GoName]; ok && f.GoName != "" {
				s.errs.Add(f.Sources[0], "field %s of %s has the Go name %s, as has the field at %s", f.Name, st.Name, f.GoName, prev)
			}
			fields[f.GoName] = f.Sources[0]
		}
	}
}
