package parser

import (
	"bytes"
	"math/bits"
	"slices"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/gatewaygen/gatewaygen/model"
)

// Typedoc (with typedoc-plugin-markdown) renders a TypeScript enum as a page
// with no table:
//
//	[pkg](../README.md) / [Modules](../modules.md) / GatewayOpcodes
//
//	# Enumeration: GatewayOpcodes
//
//	## Table of contents
//	...
//	## Enumeration Members
//
//	### HeartbeatACK
//
//	• **HeartbeatACK** = `11`
//
//	Sent in response to receiving a `heartbeat`.
//
//	#### Defined in
//
//	packages/types/dist/shared.d.ts:986
//
//	---
//
// The parser reads it by meaning, not by position. An "Enumeration: Name"
// heading starts an enum, which runs until a heading of the same or a higher
// level. Inside it, a paragraph that starts with "• **Name** = value"
// declares a member; the paragraphs after it, up to the next heading or
// rule, are its description, and one that starts with a bold "Deprecated"
// (typedoc's rendering of @deprecated) marks it deprecated. Everything else,
// the breadcrumb, the table of contents, the "Defined in" sections, is
// ignored, and the order of the members (typedoc sorts them by name) does not
// matter.
//
// The enum's name says what it lists, in the words that name tables (see
// headings in vocabulary.go): GatewayOpcodes reads as "gateway opcodes", so
// its members are opcodes, with integer values and PascalCase names that
// become wire names (HeartbeatACK → HEARTBEAT_ACK). GatewayDispatchEvents
// lists events, whose values are the wire names ("MESSAGE_CREATE").
// GatewayCloseEventCodes, VoiceOpcodes and VoiceCloseEventCodes list codes
// (AuthenticationFailed = 4004, whose name becomes "Authentication Failed"),
// and GatewayIntents (or GatewayIntentBits) lists intents, whose value is
// 1 << bit (GuildMembers = 2, bit 1): a value that is not a power of two is
// an error at the value. Other enums are not ours and are skipped. A document that yields nothing is an error at the heading of its
// first enum that is not ours or has no member in this form (typedoc's newer
// "> **Name**: `0`" one, say), which says more than "no table found".
//
// Each member is positioned at its "• **Name** = value" line, which holds
// both the name and the value, rather than at its "### Name" heading,
// which is only a title: an error about a value points at the value.

// An enumSection is the enum whose members are being read.
type enumSection struct {
	name    string
	kind    tableKind
	level   int // of its heading
	pos     model.Source
	members int // declarations read, valid or not
}

// A member is an enum member being read: its declaration, and the text of
// the paragraphs after it.
type member struct {
	name, value string
	line        int // of the declaration
	valueOffset int
	desc        []string
	deprecated  bool
	// events are the wire names an intent's description lists, one a
	// bullet, and where.
	events    []string
	eventSrcs []model.Source
}

// parseEnums reads the members of the typedoc enums in the document. Typedoc
// pages are flat, so only the top-level blocks need looking at.
func (p *docParser) parseEnums(root ast.Node) {
	var enum *enumSection
	var cur *member // nil when not reading a member's description
	flush := func() {
		if cur != nil && enum != nil {
			p.addMember(enum, cur)
			enum.members++
		}
		cur = nil
	}
	end := func() {
		flush()
		if enum != nil && enum.kind != noTable && enum.members == 0 && p.emptyEnum == nil {
			p.emptyEnum = model.Errorf(enum.pos, "enum %s has no members that gatewaygen can read: want lines such as %s", enum.name, "• **Name** = `0`")
		}
		enum = nil
	}
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Heading:
			flush()
			if name, ok := enumName(cellText(n, p.src).text); ok {
				end()
				enum = &enumSection{name: name, kind: enumKind(name), level: n.Level, pos: p.pos(n.Pos())}
				if enum.kind == noTable && p.emptyEnum == nil {
					p.emptyEnum = model.Errorf(enum.pos, "enum %s lists no Gateway table: want an enum named like %s, %s, %s or %s", name, "GatewayOpcodes", "GatewayDispatchEvents", "GatewayCloseEventCodes", "GatewayIntents")
				}
			} else if enum != nil && n.Level <= enum.level {
				end()
			}
		case *ast.ThematicBreak:
			flush()
		case *ast.List:
			if cur != nil && enum != nil && enum.kind.table() != nil && enum.kind.table().Has(model.AttrEvents) {
				p.readMemberEvents(cur, n)
			}
		case *ast.Paragraph:
			if enum == nil || enum.kind == noTable {
				continue
			}
			if m, ok := p.memberDecl(n); ok {
				flush()
				cur = m
				continue
			}
			if cur != nil {
				cur.readParagraph(n, p.src)
			}
		}
	}
	end()
}

// enumName returns the name of the enum an "Enumeration: Name" heading
// introduces.
func enumName(heading string) (string, bool) {
	word, name, ok := strings.Cut(heading, ":")
	if !ok || !enumHeadingWords[normalize(word)] {
		return "", false
	}
	name = strings.TrimSpace(name)
	if i := strings.IndexFunc(name, func(r rune) bool { return r == '<' || r == ' ' }); i >= 0 {
		name = name[:i] // a generic enum, or a note after the name
	}
	return name, name != ""
}

// enumKind says what an enum lists, judging by its name.
func enumKind(name string) tableKind {
	if kind := headings[normalize(model.WireFromPascal(name))]; kind != privilegedList {
		return kind
	}
	return noTable
}

// memberDecl reads a paragraph that starts with a member declaration,
// "• **Name** = value". Text after the declaration's line is the start of
// the description, as when a document has no blank line after it.
func (p *docParser) memberDecl(para *ast.Paragraph) (*member, bool) {
	bullet, ok := para.FirstChild().(*ast.Text)
	if !ok || strings.TrimSpace(string(bullet.Value(p.src))) != memberBullet {
		return nil, false
	}
	bold, ok := bullet.NextSibling().(*ast.Emphasis)
	if !ok || bold.Level != 2 {
		return nil, false
	}
	first := para.Lines().At(0)
	m := &member{name: cellText(bold, p.src).text, line: p.pos(first.Start).Line}
	// The rest of the first line is " = value".
	w := textWriter{src: p.src}
	c := bold.NextSibling()
	for ; c != nil; c = c.NextSibling() {
		w.node(c)
		if t, ok := c.(*ast.Text); ok && (t.SoftLineBreak() || t.HardLineBreak()) {
			c = c.NextSibling()
			break
		}
	}
	rest, hasValue := strings.CutPrefix(strings.TrimSpace(w.b.String()), "=")
	if rest = strings.TrimSpace(rest); !hasValue || rest == "" {
		// Typedoc writes class properties as "• **name**: type"; an enum
		// member always has a value.
		p.errorAt(bold.Pos(), "enum member %s has no value: want %s", m.name, "• **"+m.name+"** = `value`")
		return m, true
	}
	m.value = rest
	// Errors about the value point at it: the first non-blank byte after
	// the "=" of the line (names hold no "=").
	m.valueOffset = bold.Pos()
	line := p.src[first.Start:first.Stop]
	if eq := bytes.IndexByte(line, '='); eq >= 0 {
		m.valueOffset = first.Start + eq + 1 + len(line[eq+1:]) - len(bytes.TrimLeft(line[eq+1:], " \t"))
	}
	if c != nil {
		w := textWriter{src: p.src}
		for ; c != nil; c = c.NextSibling() {
			w.node(c)
		}
		m.addText(w.b.String())
	}
	return m, true
}

// readMemberEvents reads the events an intent member's description lists,
// as discordeno's GatewayIntents does:
//
//   - **GuildInvites** = `64`
//
//   - INVITE_CREATE
//
//   - INVITE_DELETE
//
// An item is an event when its first word is a wire name; words after it
// ("- GUILD_SCHEDULED_EVENT_USER_ADD this is experimental and unstable.")
// are a note on the event, not part of its name. A list of anything else
// is prose, and is left out as lists always are.
func (p *docParser) readMemberEvents(m *member, list *ast.List) {
	for item := list.FirstChild(); item != nil; item = item.NextSibling() {
		fields := strings.Fields(cellText(item, p.src).text)
		if len(fields) == 0 || !isWireName(stripMarkers(fields[0])) {
			continue
		}
		ev := stripMarkers(fields[0])
		if !slices.Contains(m.events, ev) {
			m.events = append(m.events, ev)
			m.eventSrcs = append(m.eventSrcs, p.pos(itemPos(item)))
		}
	}
}

// itemPos returns the offset of a list item's text.
func itemPos(item ast.Node) int {
	for c := item.FirstChild(); c != nil; c = c.FirstChild() {
		if c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			return c.Lines().At(0).Start
		}
	}
	return item.Pos()
}

// readParagraph adds a paragraph after the declaration to the description,
// or marks the member deprecated if the paragraph is a deprecation tag.
func (m *member) readParagraph(para *ast.Paragraph, src []byte) {
	if tag, ok := para.FirstChild().(*ast.Emphasis); ok && tag.Level == 2 && normalize(cellText(tag, src).text) == deprecatedTag {
		m.deprecated = true
		w := textWriter{src: src}
		for c := tag.NextSibling(); c != nil; c = c.NextSibling() {
			w.node(c)
		}
		m.addText(w.b.String()) // the reason, when it shares the line
		return
	}
	m.addText(cellText(para, src).text)
}

func (m *member) addText(s string) {
	if s = stripMarkers(s); s != "" {
		m.desc = append(m.desc, s)
	}
}

// addMember adds a member to the document as an entry of the enum's table.
func (p *docParser) addMember(enum *enumSection, m *member) {
	if m.value == "" {
		return // reported by memberDecl
	}
	t := enum.kind.table()
	entry := model.Entry{
		Name: toWire(m.name), Description: strings.Join(m.desc, "\n\n"), // paragraphs stay paragraphs
		Deprecated: m.deprecated, Sources: []model.Source{{File: p.doc.File, Line: m.line}},
	}
	str, isString := unquote(m.value)
	switch rows := t.InDocument(p.doc).(type) {
	case *[]model.Opcode:
		if isString {
			p.errorAt(m.valueOffset, "%s.%s has the string value %s: %s values must be integers", enum.name, m.name, m.value, t.Singular)
			return
		}
		if code, ok := p.code(cell{text: m.value, offset: m.valueOffset}, m.valueOffset, t.Singular+" code"); ok {
			*rows = append(*rows, model.Opcode{Code: code, Entry: entry})
		}
	case *[]model.CloseCode:
		// The docs' name of a close code is words, "Authentication
		// failed"; the member's words, as written, are the nearest.
		entry.Name = strings.Join(model.Words(m.name), " ")
		if code, ok := p.enumInt(enum, m, isString, "close code"); ok {
			c := model.CloseCode{Code: code, Entry: entry}
			c.Reconnect, c.ReconnectFrom = reconnectOf(nil, entry.Description) // an enum has no Reconnect column
			*rows = append(*rows, c)
		}
	case *[]model.VoiceOpcode:
		if code, ok := p.enumInt(enum, m, isString, t.Singular); ok {
			*rows = append(*rows, model.VoiceOpcode{Code: code, Entry: entry})
		}
	case *[]model.Intent:
		if bit, ok := p.enumBit(enum, m, isString); ok {
			*rows = append(*rows, model.Intent{Bit: bit, Entry: entry, Events: append([]string{}, m.events...), EventSources: m.eventSrcs})
		}
	case *[]model.Event:
		// The value is what Discord sends as "t", so it, not the
		// member's name, is the wire name.
		if !isString || !isWireName(str) {
			p.errorAt(m.valueOffset, "%s.%s has the value %s: event values must be strings holding the event's wire name, such as %q", enum.name, m.name, m.value, "MESSAGE_CREATE")
			return
		}
		if !notDispatchEvents[str] {
			entry.Name = str
			*rows = append(*rows, model.Event{Entry: entry})
		}
	default:
		panic("parser: no enum member reader for the entries of table " + t.Key)
	}
}

// unquote returns the contents of a TypeScript string literal, and whether
// s is one. Typedoc prints them double-quoted; single quotes and template
// literals without substitutions are strings too.
func unquote(s string) (string, bool) {
	if len(s) >= 2 && s[0] == '\'' && s[len(s)-1] == '\'' {
		s = `"` + strings.ReplaceAll(s[1:len(s)-1], `"`, `\"`) + `"`
	}
	v, err := strconv.Unquote(s)
	return v, err == nil
}

// isWireName reports whether s is spelled as Gateway event names are:
// UPPER_SNAKE_CASE.
func isWireName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !isUpper(c) && c != '_' && !('0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

// enumInt reads the integer value of a member of an enum of codes; what
// names the values in messages.
func (p *docParser) enumInt(enum *enumSection, m *member, isString bool, what string) (int, bool) {
	if isString {
		p.errorAt(m.valueOffset, "%s.%s has the string value %s: %s values must be integers", enum.name, m.name, m.value, what)
		return 0, false
	}
	return p.code(cell{text: m.value, offset: m.valueOffset}, m.valueOffset, what)
}

// enumBit reads the value of an intent, 1 << bit, written as the number
// (GuildMembers = 2) or as the shift (GuildMembers = 1 << 1), and returns
// the bit.
func (p *docParser) enumBit(enum *enumSection, m *member, isString bool) (int, bool) {
	if isString {
		p.errorAt(m.valueOffset, "%s.%s has the string value %s: intent values must be integers", enum.name, m.name, m.value)
		return 0, false
	}
	v := strings.Trim(m.value, "`")
	if strings.Contains(v, "<<") {
		return p.bit(cell{text: v, offset: m.valueOffset}, m.valueOffset)
	}
	n, err := strconv.ParseUint(v, 0, 64)
	if err != nil || n == 0 || n&(n-1) != 0 {
		p.errorAt(m.valueOffset, "%s.%s has the value %s: an intent's value must be a power of two, 1 << bit", enum.name, m.name, m.value)
		return 0, false
	}
	return bits.TrailingZeros64(n), true
}
