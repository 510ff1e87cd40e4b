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

// parseTables finds the opcode and event tables by the heading above each,
// and reads their rows.
func (p *docParser) parseTables(root ast.Node) {
	heading := ""
	ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			heading = cellText(n, p.src).text
			return ast.WalkSkipChildren, nil
		case *east.Table:
			if kind := headings[normalize(heading)]; kind != noTable {
				p.readTable(kind, heading, n)
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// readTable maps the table's columns by header name and reads each row.
func (p *docParser) readTable(kind tableKind, heading string, table *east.Table) {
	header, ok := table.FirstChild().(*east.TableHeader)
	if !ok {
		return
	}
	cols := [numColumns]int{-1, -1, -1, -1} // column → cell index
	i := 0
	for c := header.FirstChild(); c != nil; c = c.NextSibling() {
		name := normalize(cellText(c, p.src).text)
		if col, ok := columnAliases[name]; ok && cols[col] < 0 {
			cols[col] = i
		}
		i++
	}
	for _, col := range requiredColumns[kind] {
		if cols[col] < 0 {
			p.errorAt(header.Pos(), "the table under %q has no %s column", heading, columnNames[col])
		}
	}
	for _, col := range requiredColumns[kind] {
		if cols[col] < 0 {
			return
		}
	}
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
				return c
			}
			return cell{} // a short row: the missing cells are blank
		}
		p.readRow(kind, row.Pos(), get)
	}
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

// readRow turns one table row into an opcode or an event.
func (p *docParser) readRow(kind tableKind, offset int, get func(column) cell) {
	name, code, sender, desc := get(colName), get(colCode), get(colSender), get(colDescription)
	if name.text == "" && code.text == "" && sender.text == "" && desc.text == "" {
		return // a blank row, as some documents use for spacing
	}
	src := p.pos(offset)
	removed := name.struck
	wire, deprecated := p.wireName(name, offset)
	switch kind {
	case opcodeTable:
		n, ok := p.code(code, offset)
		s, sok := p.sender(sender, offset)
		if !ok || !sok || wire == "" {
			return
		}
		p.doc.Opcodes = append(p.doc.Opcodes, model.Opcode{
			Code: n, Name: wire, SentBy: s, Description: desc.text,
			Deprecated: deprecated || removed, Removed: removed,
			Sources: []model.Source{src},
		})
	case eventTable:
		if wire == "" || notDispatchEvents[wire] {
			return
		}
		p.doc.Events = append(p.doc.Events, model.Event{
			Name: wire, Description: desc.text,
			Deprecated: deprecated || removed, Removed: removed,
			Sources: []model.Source{src},
		})
	}
}

// wireName returns the wire name a Name cell spells, in whichever case the
// document uses, and whether the cell marks the entry deprecated.
func (p *docParser) wireName(c cell, rowOffset int) (wire string, deprecated bool) {
	s := c.text
	if t := strings.TrimRightFunc(s, unicode.IsSpace); len(t) >= len(deprecatedSuffix) && strings.EqualFold(t[len(t)-len(deprecatedSuffix):], deprecatedSuffix) {
		s, deprecated = strings.TrimSpace(t[:len(t)-len(deprecatedSuffix)]), true
	}
	if s == "" {
		p.errorAt(cellOffset(c, rowOffset), "missing name")
		return "", false
	}
	return toWire(s), deprecated
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
		return defaultNaming.WireFromPascal(s)
	}
	return strings.ToUpper(s)
}

var defaultNaming = model.DefaultNaming()

// code reads a Code cell: a decimal integer (or 0x hex) that fits in an int32,
// so that the generated constants compile on every platform.
func (p *docParser) code(c cell, rowOffset int) (int, bool) {
	s := c.text
	if s == "" {
		p.errorAt(cellOffset(c, rowOffset), "missing opcode code")
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
		p.errorAt(cellOffset(c, rowOffset), "opcode code %s is too large: codes must fit in 32 bits", s)
	case err != nil:
		p.errorAt(cellOffset(c, rowOffset), "opcode code %q is not an integer", s)
	case n < 0:
		p.errorAt(cellOffset(c, rowOffset), "opcode code %s is negative", s)
	default:
		return int(n), true
	}
	return 0, false
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
