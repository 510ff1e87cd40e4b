package parser

import (
	"strconv"
	"strings"

	east "github.com/yuin/goldmark/extension/ast"

	"github.com/gatewaygen/gatewaygen/model"
)

// This file reads the tables that fields link to as enums: "Channel
// Types", "Message Flags", "Status Types". Their columns have no fixed
// names (Type | ID, Flag | Value, Value | Name, Level | Integer, Status |
// Description...), so they are read by content:
//
//   - the value column is the first whose every cell is an integer (an
//     integer enum) or a bit, "1 << n" (flags); failing that, one whose
//     every cell is a quoted string ("roles") gives a string enum;
//   - the name column is the first other column that is not a
//     description;
//   - with no value column, a Value column of words ("admin",
//     "read_only"; a blank one is a member the wire never carries) gives
//     a string enum of them, and else a table whose every name is one
//     word ("online", "ANIMATED_BANNER") is a string enum of its names.
//
// A table whose heading says it is a structure ("Rate Limit Metadata for
// Opcode Structure") is no enum, whatever its columns.
//
// Any other table is kept by name only: fields may name it, the IR does
// not type it.

// readEnum reads an enum table's members into e, and sets its Shape, or
// leaves e untyped.
func (p *docParser) readEnum(e *model.Enum, table *east.Table) {
	if strings.HasSuffix(normalize(e.Name), " structure") {
		return
	}
	var header []string
	for c := table.FirstChild().FirstChild(); c != nil; c = c.NextSibling() {
		header = append(header, normalize(cellText(c, p.src).text))
	}
	var rows [][]cell
	var offsets []int
	for r := table.FirstChild().NextSibling(); r != nil; r = r.NextSibling() {
		row, ok := r.(*east.TableRow)
		if !ok {
			continue
		}
		if _, n := p.extraCells(row.Pos(), len(header)); n > 0 {
			return // misaligned: not typed, and not ours to report
		}
		var cells []cell
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			cells = append(cells, cellText(c, p.src))
		}
		for len(cells) < len(header) {
			cells = append(cells, cell{})
		}
		rows = append(rows, cells)
		offsets = append(offsets, row.Pos())
	}
	if len(rows) == 0 {
		return
	}
	value, shape := -1, model.EnumShape("")
	for _, want := range []model.EnumShape{model.EnumFlags, model.EnumInteger, model.EnumString} {
		for col, name := range header {
			if name != "description" && allCells(rows, col, func(s string) bool { return valueOf(want, s) }) {
				value, shape = col, want
				break
			}
		}
		if value >= 0 {
			break
		}
	}
	name := -1
	for col, h := range header {
		if col != value && h != "description" {
			name = col
			break
		}
	}
	if name < 0 {
		return
	}
	words := -1 // a Value column of unquoted words
	if value < 0 {
		oneWord := func(s string) bool { return !strings.ContainsAny(s, " \t") }
		for col, h := range header {
			if h == "value" && col != name && allCells(rows, col, oneWord) {
				words = col
			}
		}
		if words < 0 && !allCells(rows, name, func(s string) bool { return s != "" && oneWord(s) }) {
			return
		}
		shape = model.EnumString
	}
	desc := -1
	for col, h := range header {
		if h == "description" {
			desc = col
		}
	}
	for i, cells := range rows {
		m := model.EnumValue{Name: stripNotes(cells[name].text), Sources: []model.Source{p.pos(offsets[i])}}
		if desc >= 0 {
			m.Description = cells[desc].text
		}
		switch {
		case words >= 0:
			if m.Wire = stripNotes(cells[words].text); m.Wire == "" {
				continue // not on the wire: the docs say how it shows
			}
		case value < 0:
			m.Wire = m.Name
		case shape == model.EnumString:
			m.Wire, _ = strconv.Unquote(cells[value].text)
		default:
			m.Value, _ = enumValue(cells[value].text)
		}
		m.Deprecated = strings.Contains(strings.ToLower(m.Description), deprecatedSuffix) || cells[name].struck
		e.Members = append(e.Members, m)
	}
	e.Shape = shape
}

func allCells(rows [][]cell, col int, ok func(string) bool) bool {
	for _, r := range rows {
		if !ok(stripNotes(r[col].text)) {
			return false
		}
	}
	return true
}

// valueOf reports whether s is a value of an enum of the given shape.
func valueOf(shape model.EnumShape, s string) bool {
	switch shape {
	case model.EnumFlags:
		_, ok := bitValue(s)
		return ok
	case model.EnumInteger:
		_, err := strconv.ParseInt(s, 10, 64)
		return err == nil
	}
	u, err := strconv.Unquote(s)
	return err == nil && u != "" && len(s) > 2 && s[0] == '"'
}

// bitValue reads "1 << n", alone or after a hexadecimal value
// ("0x0000000000000002 (1 << 1)"), and returns 1 << n.
func bitValue(s string) (int64, bool) {
	if i := strings.LastIndex(s, "("); i >= 0 && strings.HasSuffix(s, ")") {
		s = s[i+1 : len(s)-1]
	}
	rest, ok := strings.CutPrefix(strings.ReplaceAll(s, " ", ""), "1<<")
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(rest)
	if err != nil || n < 0 || n > 62 {
		return 0, false
	}
	return 1 << n, true
}

// enumValue reads an integer or a bit.
func enumValue(s string) (int64, bool) {
	s = stripNotes(s)
	if v, ok := bitValue(s); ok {
		return v, true
	}
	v, err := strconv.ParseInt(s, 10, 64)
	return v, err == nil
}
