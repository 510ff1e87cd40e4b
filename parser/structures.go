package parser

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/gatewaygen/gatewaygen/model"
)

// This file reads payload structures: tables with a Field and a Type
// column ("###### User Structure", "###### Ready Event Fields"), the
// anchors links reach them by, and the sections that say which structure
// a Gateway message carries. The official docs' pages are read as they
// are:
//
//	#### Message Create
//
//	Sent when a message is created. The inner payload is a
//	[message](/developers/resources/message#message-object) object with
//	the following extra fields:
//
//	<ManualAnchor id="message-create-message-create-extra-fields" />
//	###### Message Create Extra Fields
//
//	| Field     | Type      | Description     |
//	|-----------|-----------|-----------------|
//	| guild_id? | snowflake | ID of the guild |
//
// gives the structure "Message Create", which extends "Message", reached by
// the anchors "message-create-message-create-extra-fields" (the
// ManualAnchor's id), "message-create-extra-fields" (the heading's slug)
// and "message-create" (the section's slug: a link to a section leads to
// its first table), and the section "Message Create", whose payload it is.

// structState is what reading structures needs to remember while the
// document is walked.
type structState struct {
	// manual maps the line of a heading to the id of the <ManualAnchor>
	// right above it, which MDX blanking removed from the source.
	manual map[int]string
	// slugs counts the headings that had each slug, for GitHub's "-1",
	// "-2" suffixes of repeated headings.
	slugs map[string]int
	// open are the anchors of the headings around the current position
	// whose sections have had no table yet: the next table is where they
	// lead.
	open []openAnchor
	// section is the index in Document.Sections of the innermost section
	// of a Gateway message, or -1.
	section int
	// prose holds the paragraphs since the last heading, before any
	// table: the description of a structure table that follows.
	// sectionProse holds those of the current message's section, which
	// describe its first table when the table's own heading has none.
	prose, sectionProse []string
	// inSection is set while the last heading is a message's section's.
	inSection bool
}

type openAnchor struct {
	level int
	id    string
	// object is set for the heading of an "X Object" section, whose
	// first table is the object's even when it is in a subsection.
	object bool
	// sections counts the sections within this one that have started.
	sections int
}

// sectionLevel is the deepest heading level that starts a message's
// section; the official docs head the tables inside one with h6.
const sectionLevel = 5

// structHeading records a heading: its anchors wait for the section's
// first table, and a heading up to sectionLevel starts a section that may
// describe a message. parent is the heading of the enclosing section, if
// any.
func (p *docParser) structHeading(n *ast.Heading, text, parent string) {
	s := &p.structs
	if s.inSection {
		s.sectionProse = s.prose
	}
	s.prose, s.inSection = nil, n.Level <= sectionLevel
	if s.inSection {
		s.sectionProse = nil
	}
	for len(s.open) > 0 && s.open[len(s.open)-1].level >= n.Level {
		s.open = s.open[:len(s.open)-1] // sections that ended without a table
	}
	if n.Level <= sectionLevel {
		// A section whose first section ends without a table ("###
		// Channels" over "#### Channel Create") leads to no one table,
		// unless it is an object's. One whose first section starts with
		// a table ("### Presence" over "#### Presence Update") leads to
		// it.
		for i := range s.open {
			s.open[i].sections++
		}
		s.open = slices.DeleteFunc(s.open, func(o openAnchor) bool { return !o.object && o.sections > 1 })
	}
	if n.Lines().Len() == 0 {
		s.section = -1 // a heading without text names nothing
		return
	}
	start := n.Lines().At(0).Start
	line, _ := p.lines.position(start)
	object := strings.HasSuffix(normalize(text), " object")
	if id := s.manual[line]; id != "" {
		s.open = append(s.open, openAnchor{level: n.Level, id: id, object: object})
	}
	if slug := p.slug(text); slug != "" {
		s.open = append(s.open, openAnchor{level: n.Level, id: slug, object: object})
		// The anchor the official docs' site derived for a table's heading
		// before ManualAnchor spelled it out, and that pages without one
		// still get: the section's slug, a hyphen, the heading's
		// ("interaction-object-interaction-structure").
		derived := slugify(parent) + "-" + slugify(text)
		if n.Level > sectionLevel && parent != "" && derived != s.manual[line] {
			s.open = append(s.open, openAnchor{level: n.Level, id: derived, object: object})
		}
	}
	if n.Level <= sectionLevel {
		p.doc.Sections = append(p.doc.Sections, model.PayloadSection{Heading: text, Structure: -1, Source: p.pos(start)})
		s.section = len(p.doc.Sections) - 1
	}
}

// slug returns the anchor GitHub and Docusaurus give a heading: lower case,
// spaces as hyphens, no punctuation but hyphens and underscores, and "-1",
// "-2"... for the second and later headings with the same slug.
func (p *docParser) slug(text string) string {
	slug := slugify(text)
	if slug == "" {
		return ""
	}
	n := p.structs.slugs[slug]
	p.structs.slugs[slug] = n + 1
	if n > 0 {
		slug += "-" + strconv.Itoa(n)
	}
	return slug
}

// slugify returns the slug of a heading, as slug does, without a suffix.
func slugify(text string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(text)) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// bindAnchors makes the waiting anchors lead to a table, which ends the
// prose that describes it.
func (p *docParser) bindAnchors(a model.Anchor) {
	defer func() { p.structs.prose = nil }()
	for _, o := range p.structs.open {
		a.ID = o.id
		p.doc.Anchors = append(p.doc.Anchors, a)
	}
	p.structs.open = p.structs.open[:0]
}

// otherTable reads a table under a heading that names none of the protocol
// tables: a structure when it has Field and Type columns, else a table
// fields may link to as an enum. Tables of a foreign section (RPC, HTTP)
// and of a request's parameters are not ours.
func (p *docParser) otherTable(sections sectionStack, heading string, table *east.Table) {
	if sections.foreign() || isParamHeading(normalize(heading)) || heading == "" {
		return
	}
	header, ok := table.FirstChild().(*east.TableHeader)
	if !ok {
		return
	}
	cols := map[string]int{}
	ncols := 0
	for c := header.FirstChild(); c != nil; c = c.NextSibling() {
		name := normalize(cellText(c, p.src).text)
		if _, dup := cols[name]; !dup {
			cols[name] = ncols // the first of two columns of one name
		}
		ncols++
	}
	_, hasField := cols["field"]
	_, hasType := cols["type"]
	if !hasField || !hasType {
		e := model.Enum{Name: heading, Sources: []model.Source{p.pos(tablePos(table))}}
		p.readEnum(&e, table)
		p.doc.Enums = append(p.doc.Enums, e)
		p.bindAnchors(model.Anchor{Structure: -1, Enum: len(p.doc.Enums) - 1})
		return
	}
	p.readStructure(sections, heading, table, cols, ncols)
}

// foreign reports whether the current heading is inside a section about
// another protocol (see foreignSections).
func (s sectionStack) foreign() bool {
	for _, sec := range s {
		if foreignSections[sec.name] {
			return true
		}
	}
	return false
}

// readStructure reads a table of fields.
func (p *docParser) readStructure(sections sectionStack, heading string, table *east.Table, cols map[string]int, ncols int) {
	name, extends := structureName(heading)
	if name == "" && len(sections) > 1 {
		name, _ = structureName(sections[len(sections)-2].text) // "###### Fields" under "#### Rate Limited"
	}
	if name == "" {
		name = strings.TrimSpace(heading) // "## Structure", alone
	}
	sec := p.structs.section
	prose := p.structs.prose
	if len(prose) == 0 && !p.structs.inSection && sec >= 0 && p.doc.Sections[sec].Structure < 0 {
		prose = p.structs.sectionProse // "Sent when a message is deleted."
	}
	st := model.Structure{Name: name, Description: strings.Join(prose, "\n\n"), Fields: []model.Field{}, Sources: []model.Source{p.pos(tablePos(table))}}
	if extends && sec >= 0 {
		st.BaseLink = p.doc.Sections[sec].Link
	}
	desc, hasDesc := cols["description"]
	for r := table.FirstChild().NextSibling(); r != nil; r = r.NextSibling() {
		row, ok := r.(*east.TableRow)
		if !ok {
			continue
		}
		if off, n := p.extraCells(row.Pos(), ncols); n > 0 {
			p.errorAt(off, "row has %d more cells than the table's %d columns", n, ncols)
			continue
		}
		var cells []ast.Node
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			cells = append(cells, c)
		}
		at := func(i int) ast.Node {
			if i < len(cells) {
				return cells[i]
			}
			return nil
		}
		var descCell ast.Node
		if hasDesc {
			descCell = at(desc)
		}
		if f, ok := p.readField(row.Pos(), at(cols["field"]), at(cols["type"]), descCell); ok {
			st.Fields = append(st.Fields, f)
		}
	}
	p.doc.Structures = append(p.doc.Structures, st)
	i := len(p.doc.Structures) - 1
	p.bindAnchors(model.Anchor{Structure: i, Enum: -1})
	if sec >= 0 && p.doc.Sections[sec].Structure < 0 {
		p.doc.Sections[sec].Structure = i
	}
}

// structureName returns the name of the structure a heading introduces,
// without the closing words that say it is one ("Structure", "Event
// Fields"...), and whether it extends another ("Extra Fields").
func structureName(heading string) (name string, extends bool) {
	words := strings.Fields(heading)
	lower := strings.Fields(strings.ToLower(heading))
	for _, suffix := range structureSuffixes {
		sw := strings.Fields(suffix)
		if len(sw) <= len(lower) && strings.Join(lower[len(lower)-len(sw):], " ") == suffix {
			words = words[:len(words)-len(sw)]
			return strings.Join(words, " "), extendingSuffixes[suffix]
		}
	}
	return strings.Join(words, " "), false
}

// readField reads one row of a structure table.
func (p *docParser) readField(offset int, fieldCell, typeCell, descCell ast.Node) (model.Field, bool) {
	if fieldCell == nil {
		return model.Field{}, false // a short row
	}
	fc := cellText(fieldCell, p.src)
	if fc.text == "" {
		if typeCell == nil || cellText(typeCell, p.src).text == "" {
			return model.Field{}, false // a blank row
		}
		p.errorAt(cellOffset(fc, offset), "missing field name")
		return model.Field{}, false
	}
	name, optional, deprecated, ok := fieldName(fc.text)
	if !ok {
		p.errorAt(cellOffset(fc, offset), "field name %q: want a JSON key, then ? if it is optional, then footnote markers such as * or [1]", fc.text)
		return model.Field{}, false
	}
	f := model.Field{
		Name: name, Optional: optional, Deprecated: deprecated || fc.struck,
		Sources: []model.Source{p.pos(offset)},
	}
	if typeCell == nil {
		p.errorAt(cellOffset(fc, offset), "field %s has no type", name)
		return model.Field{}, false
	}
	tc := cellText(typeCell, p.src)
	f.Type = tc.text
	template, links := linkedText(typeCell, p.src)
	f.Resolved, f.Nullable = readType(template, links)
	if descCell != nil {
		f.Description = cellText(descCell, p.src).text
		f.DescriptionLinks = cellLinks(descCell)
	}
	return f, true
}

// fieldName reads a Field cell: a JSON key, "?" when the key is optional,
// then footnote markers ("*", "[1]", "†") or "(deprecated)".
func fieldName(s string) (name string, optional, deprecated bool, ok bool) {
	i := 0
	for i < len(s) && (isKeyByte(s[i])) {
		i++
	}
	name, rest := s[:i], strings.TrimSpace(s[i:])
	if name == "" {
		return "", false, false, false
	}
	if r, ok := strings.CutPrefix(rest, "?"); ok {
		optional, rest = true, r
	}
	rest, deprecated = cutDeprecated(rest)
	return name, optional, deprecated, strings.TrimSpace(stripNotes(rest)) == ""
}

func isKeyByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '$' || c == '.' || c == '-'
}

// stripNotes removes footnote markers: stars, daggers, superscript digits
// and bracketed numbers ("[1]", which is "\[1\]" in the source).
func stripNotes(s string) string {
	s = strings.TrimSpace(stripMarkers(s))
	for {
		t := strings.TrimRight(s, " *†‡")
		if i := strings.LastIndexByte(t, '['); i >= 0 && strings.HasSuffix(t, "]") && isDigits(t[i+1:len(t)-1]) {
			t = t[:i]
		}
		if t == s {
			return s
		}
		s = t
	}
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// linkMark stands for a link in the text linkedText returns; the digits
// after it are the link's index.
const linkMark = "\x00"

// linkedText returns the plain text of a cell with each link replaced by
// linkMark and its index, and the links' destinations.
func linkedText(n ast.Node, src []byte) (string, []typeLink) {
	w := textWriter{src: src}
	var links []typeLink
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Link:
				w.write(linkMark + strconv.Itoa(len(links)) + linkMark)
				links = append(links, typeLink{string(c.Destination), cellText(c, src).text})
			case *ast.Emphasis:
				walk(c)
			default:
				w.node(c)
			}
		}
	}
	walk(n)
	return strings.TrimSpace(w.b.String()), links
}

// cellLinks returns the destinations of the links in a cell.
func cellLinks(n ast.Node) []string {
	var links []string
	_ = ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if l, ok := n.(*ast.Link); ok && entering {
			links = append(links, string(l.Destination))
		}
		return ast.WalkContinue, nil
	})
	return links
}

// payloadLink records the link of a paragraph that names the payload of
// the current message's section ("The inner payload is a [channel](...)
// object"), if the section has no table yet and no such link: the first
// link followed by "object" or preceded by words such as "payload is a".
// A later link of the paragraph to a message whose extra fields the payload
// shares ("a [message](...) object with the same extra fields as
// [MESSAGE_CREATE](#message-create)") wins: its table extends that object.
func (p *docParser) payloadLink(para ast.Node) {
	if _, ok := para.(*ast.Paragraph); ok {
		if text := cellText(para, p.src).text; text != "" {
			p.structs.prose = append(p.structs.prose, text)
		}
	}
	sec := p.structs.section
	if sec < 0 || p.doc.Sections[sec].Link != "" || p.doc.Sections[sec].Structure >= 0 {
		return
	}
	before := textWriter{src: p.src}
	for c := para.FirstChild(); c != nil; c = c.NextSibling() {
		l, ok := c.(*ast.Link)
		if !ok {
			before.node(c)
			continue
		}
		after := textWriter{src: p.src}
		if next := c.NextSibling(); next != nil {
			after.node(next)
		}
		b := strings.Join(strings.Fields(strings.ToLower(before.b.String())), " ")
		switch {
		case p.doc.Sections[sec].Link == "" && (strings.HasPrefix(strings.ToLower(strings.TrimSpace(after.b.String())), "object") || payloadIntro(b)):
			p.doc.Sections[sec].Link = string(l.Destination)
		case p.doc.Sections[sec].Link != "" && strings.HasSuffix(b, sameExtraFields):
			p.doc.Sections[sec].Link = string(l.Destination)
			return
		}
		before.node(c)
	}
}

// payloadIntro reports whether text, lower case with single spaces, ends
// with the words that introduce a payload's object: "the inner payload is
// a".
func payloadIntro(text string) bool {
	for _, intro := range payloadIntros {
		if strings.HasSuffix(text, intro) {
			return true
		}
	}
	return false
}

// manualAnchor matches the JSX element the official docs put above a
// heading to give it a stable anchor: <ManualAnchor id="x" />.
var manualAnchor = lazyRegexp(`<ManualAnchor\s+id\s*=\s*["']([^"']+)["']\s*/?>`)

// manualAnchors returns the ids of the <ManualAnchor> elements of src by
// the line of the heading each stands above: the next line with text.
func manualAnchors(src []byte, lines lineIndex) map[int]string {
	if !bytes.Contains(src, []byte("<ManualAnchor")) {
		return nil
	}
	ids := map[int]string{}
	for _, m := range manualAnchor().FindAllSubmatchIndex(src, -1) {
		end := m[1]
		for end < len(src) && (src[end] == ' ' || src[end] == '\t' || src[end] == '\n' || src[end] == '\r') {
			end++
		}
		line, _ := lines.position(end)
		ids[line] = string(src[m[2]:m[3]])
	}
	return ids
}
