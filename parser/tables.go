package parser

import (
	"bytes"
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/gatewaygen/gatewaygen/model"
)

// parseTables finds the tables by the heading above each, and reads their
// rows.
func (p *docParser) parseTables(root ast.Node) {
	heading := ""
	var sections sectionStack
	var privileged []privilegedName
	ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		named := headings[normalize(heading)]
		kind := sections.kind(named)
		switch n := n.(type) {
		case *ast.Heading:
			heading = cellText(n, p.src).text
			sections.push(n.Level, heading)
			p.structHeading(n, heading, sections.parent())
			return ast.WalkSkipChildren, nil
		case *east.Table:
			switch {
			case kind != noTable && kind != privilegedList:
				p.readTable(kind, heading, n)
				p.bindAnchors(model.Anchor{Structure: -1, Enum: -1, Table: string(kind)})
			case named != noTable && named != privilegedList:
				if p.skipped == nil {
					sec, why := sections.enclosing()
					p.skipped = &skippedTable{heading: heading, section: sec, why: why, offset: tablePos(n)}
				}
			default:
				p.otherTable(sections, heading, n)
			}
			return ast.WalkSkipChildren, nil
		case *ast.FencedCodeBlock:
			if t := kind.table(); t != nil && t.Shape == model.Flags {
				p.readIntentBlock(t, n)
				p.bindAnchors(model.Anchor{Structure: -1, Enum: -1, Table: t.Key})
			}
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph, *ast.TextBlock:
			p.payloadLink(n)
			return ast.WalkSkipChildren, nil
		case *ast.List:
			if kind == privilegedList {
				privileged = append(privileged, p.privilegedNames(n)...)
				return ast.WalkSkipChildren, nil
			}
		}
		return ast.WalkContinue, nil
	})
	p.markPrivileged(privileged)
}

// A sectionStack holds the headings that enclose the current one, outermost
// first, so that a table's kind can depend on the section it is in.
type sectionStack []section

type section struct {
	level      int
	text, name string // as written, and normalised
}

// push enters the section of a heading of the given level, leaving those of
// the same or a deeper level.
func (s *sectionStack) push(level int, text string) {
	for len(*s) > 0 && (*s)[len(*s)-1].level >= level {
		*s = (*s)[:len(*s)-1]
	}
	*s = append(*s, section{level, text, normalize(text)})
}

// kind is what a table of the given kind under the current heading really
// lists, given the sections around it: inside a voice section (see
// voiceSections), "Gateway Events" are the voice gateway's messages, not
// dispatch events, and opcodes and close codes are the voice gateway's;
// inside the RPC, HTTP or JSON part of a page (foreignSections), nothing is
// ours.
func (s sectionStack) kind(k tableKind) tableKind {
	if k == noTable || len(s) < 2 {
		return k
	}
	for _, sec := range s[:len(s)-1] { // the enclosing sections, not the heading itself
		if foreignSections[sec.name] {
			return noTable
		}
		if voiceSections[sec.name] {
			return voiceKinds[k]
		}
	}
	return k
}

// parent returns the heading, as written, of the section that encloses
// the current heading, or "".
func (s sectionStack) parent() string {
	if len(s) < 2 {
		return ""
	}
	return s[len(s)-2].text
}

// enclosing returns the heading, as written, of the voice or foreign
// section that decides the current heading's kind (see kind), and what
// that section's tables list.
func (s sectionStack) enclosing() (heading, lists string) {
	for _, sec := range s[:max(0, len(s)-1)] {
		if foreignSections[sec.name] {
			return sec.text, "the codes of another protocol"
		}
		if voiceSections[sec.name] {
			return sec.text, "the voice gateway's messages"
		}
	}
	return "", ""
}

// A skippedTable is a table whose heading names one of ours but that a voice
// or foreign section makes another's; it explains a document in which
// nothing else is found.
type skippedTable struct {
	heading, section, why string
	offset                int
}

// tablePos returns the offset of a table's first row.
func tablePos(t *east.Table) int {
	if h := t.FirstChild(); h != nil {
		return h.Pos()
	}
	return 0
}

// readTable maps the table's columns by header name and reads each row.
func (p *docParser) readTable(kind tableKind, heading string, table *east.Table) {
	t := kind.table()
	header, ok := table.FirstChild().(*east.TableHeader)
	if !ok {
		return
	}
	var cols [numColumns]int // column → cell index
	for c := range cols {
		cols[c] = -1
	}
	var names []string
	hasName := false
	for c := header.FirstChild(); c != nil; c = c.NextSibling() {
		name := normalize(cellText(c, p.src).text)
		names = append(names, name)
		hasName = hasName || columnAliases[name] == colName && name != ""
	}
	var aliases map[string]column
	if t.Has(model.AttrNamedInWords) {
		aliases = namelessAliases
	}
	for i, name := range names {
		col, ok := columnAliases[name]
		if alias, aok := aliases[name]; aok && !hasName {
			col, ok = alias, true
		}
		if ok && cols[col] < 0 {
			cols[col] = i
		}
	}
	i := len(names)
	required := []column{colName}
	if key := keyColumns[t.Shape.Key()]; key != colName {
		required = []column{key, colName}
	}
	for _, col := range required {
		if cols[col] < 0 {
			p.errorAt(header.Pos(), "the table under %q has no %s column", heading, columnNames[col])
		}
	}
	for _, col := range required {
		if cols[col] < 0 {
			return
		}
	}
	start := len(t.DocumentEntries(p.doc))
	for r := header.NextSibling(); r != nil; r = r.NextSibling() {
		row, ok := r.(*east.TableRow)
		if !ok {
			continue
		}
		cells := make([]cell, 0, i)
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			cells = append(cells, cellText(c, p.src))
		}
		if off, n := p.extraCells(row.Pos(), i); n > 0 {
			// goldmark drops cells past the header's count; a row that has
			// them is misaligned, and its data would be silently wrong.
			p.errorAt(off, "row has %d more cells than the table's %d columns", n, i)
			continue
		}
		get := func(col column) cell {
			if i := cols[col]; i >= 0 && i < len(cells) {
				c := cells[i]
				if (col == colName || col == colDescription) && strings.HasSuffix(c.text, "*") {
					c.text = p.starNotesAfter(table).strip(c.text)
				}
				c.column = true
				return c
			}
			// A short row: the missing cells are blank.
			return cell{column: cols[col] >= 0}
		}
		p.readRow(t, row.Pos(), get)
	}
	p.dropStruckDuplicates(t, start)
}

// starNotesAfter returns the star footnotes defined below table, which
// explain the trailing stars of its cells (see starNotes).
func (p *docParser) starNotesAfter(table *east.Table) starNotes {
	end := 0
	if last := table.LastChild(); last != nil {
		end = last.Pos()
	}
	return starNotesIn(p.src[end:])
}

// extraCells reports where the cells of the table row starting at offset go
// beyond ncols, and how many there are, splitting the raw line as GFM does:
// at pipes not escaped by a backslash, ignoring a leading and a trailing one.
func (p *docParser) extraCells(offset, ncols int) (extraOffset, extra int) {
	end := bytes.IndexByte(p.src[offset:], '\n')
	if end < 0 {
		end = len(p.src) - offset
	}
	line := p.src[offset : offset+end]
	start := 0
	for start < len(line) && (line[start] == ' ' || line[start] == '\t') {
		start++
	}
	line = bytes.TrimRight(line, " \t\r")
	if start < len(line) && line[start] == '|' {
		start++
	}
	if len(line) > start && line[len(line)-1] == '|' && (len(line) < 2 || line[len(line)-2] != '\\') {
		line = line[:len(line)-1]
	}
	cells := 1
	for i := start; i < len(line); i++ {
		if line[i] == '|' && line[i-1] != '\\' {
			cells++
			if cells == ncols+1 {
				j := i + 1
				for j < len(line) && line[j] == ' ' {
					j++ // point at the cell's text
				}
				extraOffset = offset + j
			}
		}
	}
	return extraOffset, max(0, cells-ncols)
}

// readRow turns one table row into an entry of table t, reading the cells
// of the attributes its entry type carries.
func (p *docParser) readRow(t *model.Table, offset int, get func(column) cell) {
	var blank = true
	for c := range numColumns {
		blank = blank && get(c).text == ""
	}
	if blank {
		return // a blank row, as some documents use for spacing
	}
	name, code, desc := get(colName), get(colCode), get(colDescription)
	// Community docs strike out a removed entry's name, its code, or the
	// whole row.
	removed := name.struck || code.struck || get(colBit).struck
	var (
		wire       string
		deprecated bool
	)
	if t.Has(model.AttrNamedInWords) {
		wire, deprecated = p.plainName(name, offset)
	} else {
		wire, deprecated = p.wireName(name, offset)
	}
	entry := model.Entry{
		Name: wire, Description: desc.text,
		Deprecated: deprecated || removed, Removed: removed,
		Sources: []model.Source{p.pos(offset)},
	}
	switch rows := t.InDocument(p.doc).(type) {
	case *[]model.Opcode:
		n, ok := p.code(code, offset, t.Singular+" code")
		s, sok := p.sender(get(colSender), offset)
		if ok && sok && wire != "" {
			*rows = append(*rows, model.Opcode{Code: n, Entry: entry, SentBy: s})
		}
	case *[]model.Event:
		if wire != "" && !notDispatchEvents[wire] {
			*rows = append(*rows, model.Event{Entry: entry})
		}
	case *[]model.CloseCode:
		n, ok := p.code(code, offset, "close code")
		reconnect, rok := p.flag(get(colReconnect), offset, "reconnect")
		if ok && rok && wire != "" {
			c := model.CloseCode{Code: n, Entry: entry}
			c.Reconnect, c.ReconnectFrom = reconnectOf(reconnect, entry.Description)
			*rows = append(*rows, c)
		}
	case *[]model.VoiceOpcode:
		n, ok := p.code(code, offset, t.Singular+" code")
		s, sok := p.sender(get(colSender), offset)
		binary, known, bok := p.binary(get(colBinary), offset)
		if ok && sok && bok && wire != "" {
			*rows = append(*rows, model.VoiceOpcode{Code: n, Entry: entry, SentBy: s, Binary: binary, BinaryKnown: known})
		}
	case *[]model.Intent:
		bit, ok := p.bit(get(colBit), offset)
		privileged, pok := p.flag(get(colPrivileged), offset, "privileged")
		events, eok := p.eventList(get(colEvents), offset)
		if ok && pok && eok && wire != "" {
			*rows = append(*rows, model.Intent{Bit: bit, Entry: entry, Privileged: privileged != nil && *privileged, Events: events})
		}
	default:
		panic("parser: no row reader for the entries of table " + t.Key)
	}
}

// dropStruckDuplicates drops the rows of table t from start on (those of
// the document's table just read) that are struck out and share their key
// with a row that is not: community docs keep a retired opcode's row,
// struck, next to the one that took its code. The live row wins; the
// struck one is history, not a conflict.
func (p *docParser) dropStruckDuplicates(t *model.Table, start int) {
	switch rows := t.InDocument(p.doc).(type) {
	case *[]model.Opcode:
		*rows = dropStruck(*rows, start)
	case *[]model.CloseCode:
		*rows = dropStruck(*rows, start)
	case *[]model.VoiceOpcode:
		*rows = dropStruck(*rows, start)
	case *[]model.Intent:
		*rows = dropStruck(*rows, start)
	}
}

// dropStruck drops from rows[from:] each row that is struck out (Removed)
// and whose key a row that is not struck has.
func dropStruck[T any, P model.Keyed[T]](rows []T, from int) []T {
	live := map[int]bool{}
	for i := from; i < len(rows); i++ {
		if r := P(&rows[i]); !r.Common().Removed {
			live[r.Key()] = true
		}
	}
	out := rows[:from]
	for i := from; i < len(rows); i++ {
		if r := P(&rows[i]); !r.Common().Removed || !live[r.Key()] {
			out = append(out, rows[i])
		}
	}
	return out
}

// wireName returns the wire name a Name cell spells, in whichever case the
// document uses, and whether the cell marks the entry deprecated.
func (p *docParser) wireName(c cell, rowOffset int) (wire string, deprecated bool) {
	s, deprecated := p.plainName(c, rowOffset)
	if s == "" {
		return "", false
	}
	return toWire(s), deprecated
}

// plainName returns the text of a Name cell without a "(deprecated)"
// suffix, and whether it had one.
func (p *docParser) plainName(c cell, rowOffset int) (name string, deprecated bool) {
	s, deprecated := cutDeprecated(c.text)
	if s == "" {
		p.errorAt(cellOffset(c, rowOffset), "missing name")
		return "", false
	}
	return s, deprecated
}

// cutDeprecated returns s, trimmed, without a deprecatedSuffix in any
// case, and whether it had one.
func cutDeprecated(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if len(s) >= len(deprecatedSuffix) && strings.EqualFold(s[len(s)-len(deprecatedSuffix):], deprecatedSuffix) {
		return strings.TrimSpace(s[:len(s)-len(deprecatedSuffix)]), true
	}
	return s, false
}

// toWire converts a name as documents print it to the wire form:
// UPPER_SNAKE stays, "Heartbeat ACK" and "HeartbeatACK" become HEARTBEAT_ACK.
// A name it cannot read is returned unchanged for the model to reject with
// a precise message.
func toWire(s string) string {
	var upper, lower, space, other bool
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'A' <= c && c <= 'Z':
			upper = true
		case 'a' <= c && c <= 'z':
			lower = true
		case c == ' ' || c == '-':
			space = true
		case '0' <= c && c <= '9' || c == '_':
		default:
			other = true
		}
	}
	switch {
	case other:
		return s
	case space:
		return model.WireFromTitle(s)
	case lower && upper && !strings.Contains(s, "_"):
		return model.WireFromPascal(s)
	}
	return strings.ToUpper(s)
}

// code reads a Code cell: a decimal integer (or 0x hex) that fits in an int32,
// so that the generated constants compile on every platform. what names
// the value in messages: "opcode code", "close code".
func (p *docParser) code(c cell, rowOffset int, what string) (int, bool) {
	s := c.text
	if s == "" {
		p.errorAt(cellOffset(c, rowOffset), "missing %s", what)
		return 0, false
	}
	base, digits := 10, s
	if h, ok := strings.CutPrefix(strings.ToLower(s), "0x"); ok {
		base, digits = 16, h
	}
	n, err := strconv.ParseInt(digits, base, 64)
	switch {
	case err != nil && err.(*strconv.NumError).Err == strconv.ErrRange,
		err == nil && n > 1<<31-1:
		p.errorAt(cellOffset(c, rowOffset), "%s %s is too large: codes must fit in 32 bits", what, s)
	case err != nil:
		p.errorAt(cellOffset(c, rowOffset), "%s %q is not an integer", what, s)
	case n < 0:
		p.errorAt(cellOffset(c, rowOffset), "%s %s is negative", what, s)
	default:
		return int(n), true
	}
	return 0, false
}

// maxBit is the highest intent bit: intents are a 64-bit field.
const maxBit = 63

// bit reads a Bit cell: the n of an intent's value 1 << n, written as n
// or as "1 << n".
func (p *docParser) bit(c cell, rowOffset int) (int, bool) {
	s := strings.TrimSpace(c.text)
	if rest, ok := strings.CutPrefix(strings.ReplaceAll(s, " ", ""), "1<<"); ok {
		s = rest
	}
	n, err := strconv.Atoi(s)
	switch {
	case c.text == "":
		p.errorAt(cellOffset(c, rowOffset), "missing intent bit")
	case err != nil:
		p.errorAt(cellOffset(c, rowOffset), "intent bit %q is not an integer: want n or 1 << n", c.text)
	case n < 0 || n > maxBit:
		p.errorAt(cellOffset(c, rowOffset), "intent bit %d is out of range: want 0 to %d", n, maxBit)
	default:
		return n, true
	}
	return 0, false
}

// flag reads a yes/no cell (Reconnect, Privileged); a blank cell is nil,
// since the document does not say.
func (p *docParser) flag(c cell, rowOffset int, what string) (*bool, bool) {
	if c.text == "" {
		return nil, true
	}
	v, ok := boolWords[normalize(c.text)]
	if !ok {
		p.errorAt(cellOffset(c, rowOffset), "%s %q: want true, false, yes or no", what, c.text)
		return nil, false
	}
	return &v, true
}

// reconnectOf says whether a client may reconnect after a close code, and
// where the answer comes from (a model.ReconnectFrom constant): the
// Reconnect cell if it says, else the explanation if it tells the client
// not to reconnect, else nothing.
func reconnectOf(cell *bool, explanation string) (*bool, string) {
	switch {
	case cell != nil:
		return cell, model.ReconnectFromColumn
	case saysNoReconnect(explanation):
		no := false
		return &no, model.ReconnectFromText
	}
	return nil, ""
}

// saysNoReconnect reports whether text holds one of noReconnectPhrases.
func saysNoReconnect(text string) bool {
	// normalize keeps non-ASCII letters, so the typographic apostrophe of
	// "don’t" must become a separator first.
	words := " " + normalize(strings.ReplaceAll(text, "’", "'")) + " "
	for _, phrase := range noReconnectPhrases {
		if strings.Contains(words, " "+phrase+" ") {
			return true
		}
	}
	return false
}

// binary reads a Binary or Format cell: whether payloads are binary, and
// whether the document says (it has the column).
func (p *docParser) binary(c cell, rowOffset int) (binary, known, ok bool) {
	if !c.column {
		return false, false, true // the document does not say
	}
	v, ok := binaryWords[normalize(c.text)]
	if !ok {
		p.errorAt(cellOffset(c, rowOffset), "payload format %q: want X or blank, or JSON or Binary", c.text)
		return false, false, false
	}
	return v, true, true
}

// eventList reads an Events cell: wire names separated by spaces or commas.
func (p *docParser) eventList(c cell, rowOffset int) ([]string, bool) {
	events := []string{}
	for _, name := range strings.FieldsFunc(c.text, func(r rune) bool { return r == ',' || unicode.IsSpace(r) }) {
		if !isWireName(name) {
			p.errorAt(cellOffset(c, rowOffset), "event %q is not a wire name such as MESSAGE_CREATE", name)
			return nil, false
		}
		events = append(events, name)
	}
	return events, true
}

// sender reads a Sent by cell: "client", "server", "client/server",
// "client and server", "Send", "Receive", "Send/Receive", "Client -> Server"
// and the like. A blank cell means the document does not say.
func (p *docParser) sender(c cell, rowOffset int) (model.Sender, bool) {
	s := strings.ToLower(c.text)
	if i := strings.IndexAny(s, "→>"); i >= 0 { // "client -> server": who sends is on the left
		s = s[:i]
	}
	var sender model.Sender
	for _, word := range strings.FieldsFunc(s, func(r rune) bool { return !('a' <= r && r <= 'z') }) {
		switch word {
		case "and", "or", "to", "n", "a", "none":
			continue
		}
		side, ok := senderWords[word]
		if !ok {
			p.errorAt(cellOffset(c, rowOffset), "unknown sender %q: want client, server, client/server, Send, Receive or Send/Receive", c.text)
			return 0, false
		}
		sender |= side
	}
	return sender, true
}

// cellOffset is where errors about a cell point: the cell itself when it has
// a position, else its row.
func cellOffset(c cell, rowOffset int) int {
	if c.offset > 0 {
		return c.offset
	}
	return rowOffset
}
