package parser

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"sync"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// A cell is the plain text of a table cell or heading.
type cell struct {
	text string
	// struck is set when all of the cell's text is struck through, the way
	// community docs mark a removed entry.
	struck bool
	// offset is the byte offset of the cell in the source, or 0 if unknown.
	offset int
	// column is set for a cell of a table column, blank or not, and unset
	// where the table has no such column.
	column bool
}

// cellText returns the plain text of n: links become their text; code spans,
// emphasis and strike-through lose their markers; escapes and HTML entities
// are decoded; <br> becomes a newline; other HTML and footnote markers are
// dropped.
func cellText(n ast.Node, src []byte) cell {
	w := textWriter{src: src}
	w.walk(n)
	c := cell{
		text:   stripMarkers(w.b.String()),
		struck: w.struckText && !w.plainText,
	}
	if off := n.Pos(); off > 0 {
		for c.text != "" && off < len(src) && (src[off] == ' ' || src[off] == '\t') {
			off++ // point at the text, not the padding
		}
		c.offset = off
	}
	return c
}

// footnoteRef matches a footnote marker: "[^1]" (goldmark reads it as text
// unless the footnote is defined), "^1^" (community docs), "<sup>1</sup>"
// in raw text such as a code block (in a cell, textWriter drops the
// element), and superscript digits. The "^1^" form takes a short word
// only, so that "2^31" and "x^y" stay.
var footnoteRef = lazyRegexp(`\[\^[^\]\s]*\]|\^[0-9A-Za-z*]{1,4}\^|(?i:<sup>[^<]*</sup>)|[¹²³⁴⁵⁶⁷⁸⁹⁰]+`)

// stripMarkers removes footnote markers from s and trims it. It is the one
// rule for footnote markers in names and descriptions, whatever block they
// come from. Most text has none, and the regular expression is a quarter
// of the cost of parsing a page, so it runs only on text that could hold
// one: with "^" or "<", or with the first byte of a superscript digit in
// UTF-8 (¹²³ are U+00B9, U+00B2 and U+00B3, the others U+2070 to U+2079).
// strings.ContainsAny with the digits themselves costs a rune search per
// digit.
func stripMarkers(s string) string {
	if strings.IndexByte(s, '^') >= 0 || strings.IndexByte(s, '<') >= 0 || strings.IndexByte(s, 0xc2) >= 0 || strings.IndexByte(s, 0xe2) >= 0 {
		s = footnoteRef().ReplaceAllString(s, "")
	}
	return strings.TrimSpace(s)
}

// starNotes is the set of star markers ("*", "**", "***": bits 1, 2 and 3)
// that some text defines as footnotes. A trailing "*" is a footnote marker
// only where such a footnote explains it: elsewhere it is part of the text.
type starNotes uint8

// starNotesIn returns the star footnotes src defines: lines that start
// with one to three stars, escaped or not, and have no other run of as many
// stars, which would make the line emphasis ("**Note:** ...") rather than a
// footnote ("** Superseded by ...", "\* Since 2024").
func starNotesIn(src []byte) starNotes {
	var notes starNotes
	for line := range bytes.Lines(src) {
		line = bytes.TrimLeft(line, " \t")
		n, i := 0, 0
		for i < len(line) && (line[i] == '*' || line[i] == '\\' && i+1 < len(line) && line[i+1] == '*') {
			if line[i] == '*' {
				n++
			}
			i++
		}
		if n >= 1 && n <= 3 && !bytes.Contains(bytes.ReplaceAll(line[i:], []byte(`\*`), nil), bytes.Repeat([]byte("*"), n)) {
			notes |= 1 << n
		}
	}
	return notes
}

// strip is stripMarkers, then the trailing stars of a footnote in notes.
func (notes starNotes) strip(s string) string {
	s = stripMarkers(s)
	t := strings.TrimRight(s, "*")
	if n := len(s) - len(t); n >= 1 && n <= 3 && notes&(1<<n) != 0 {
		s = stripMarkers(t)
	}
	return s
}

type textWriter struct {
	src []byte
	b   strings.Builder
	// sup counts open <sup> elements, whose text is a footnote marker.
	sup int
	// struckText and plainText record whether any text was inside or
	// outside a strike-through.
	struckText, plainText bool
	struck                int
}

func (w *textWriter) write(s string) {
	if w.sup > 0 {
		return
	}
	w.see(strings.TrimSpace(s) != "")
	w.b.WriteString(s)
}

// writeBytes is write without making a string of b.
func (w *textWriter) writeBytes(b []byte) {
	if w.sup > 0 {
		return
	}
	w.see(len(bytes.TrimSpace(b)) > 0)
	w.b.Write(b)
}

// see records whether text was written inside or outside a
// strike-through.
func (w *textWriter) see(text bool) {
	switch {
	case !text:
	case w.struck > 0:
		w.struckText = true
	default:
		w.plainText = true
	}
}

// walk writes the text of n's children.
func (w *textWriter) walk(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.node(c)
	}
}

// node writes the text of c.
func (w *textWriter) node(c ast.Node) {
	switch c := c.(type) {
	case *ast.Text:
		v := c.Value(w.src)
		if !c.IsRaw() {
			v = util.UnescapePunctuations(v)
		}
		if bytes.IndexByte(v, '&') >= 0 {
			w.write(html.UnescapeString(string(v)))
		} else {
			w.writeBytes(v)
		}
		if c.HardLineBreak() {
			w.write("\n")
		} else if c.SoftLineBreak() {
			w.write(" ")
		}
	case *ast.String:
		w.write(string(c.Value))
	case *ast.CodeSpan:
		// Code spans are literal: no escapes, no entities.
		for t := c.FirstChild(); t != nil; t = t.NextSibling() {
			if t, ok := t.(*ast.Text); ok {
				w.write(string(t.Value(w.src)))
			}
		}
	case *ast.AutoLink:
		w.write(string(c.Label(w.src)))
	case *ast.RawHTML:
		w.html(strings.ToLower(string(c.Segments.Value(w.src))))
	case *east.Strikethrough:
		w.struck++
		w.walk(c)
		w.struck--
	default: // emphasis, links, images: their text
		w.walk(c)
	}
}

// html handles an inline HTML tag.
func (w *textWriter) html(tag string) {
	switch {
	case brTag().MatchString(tag):
		w.write("\n")
	case strings.HasPrefix(tag, "<sup"):
		w.sup++
	case strings.HasPrefix(tag, "</sup"):
		w.sup = max(0, w.sup-1)
	}
}

var brTag = lazyRegexp(`^<br\s*/?>$`)

// lazyRegexp returns a function that compiles expr the first time it is
// called. The parser's expressions are for rare text (footnotes, MDX, HTML
// line breaks), and compiling them all when the package is initialised
// cost every run of gatewaygen, whatever it read.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
