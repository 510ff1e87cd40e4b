// Package parser reads the tables of a Discord Gateway document (opcodes,
// dispatch events, close event codes, voice opcodes, voice close event codes
// and intents) and its payload structures, with the anchors links reach
// them by and the enum tables their fields link to, into a model.Document.
//
// It knows markdown and nothing about Go. Documents in the wild come in
// several shapes, and the parser recognises them by meaning, not position:
//
//   - GFM tables (the Gateway page, the official docs, community docs): what
//     a table lists follows from the heading above it, matched whole and
//     case-insensitively at any level ("Voice Opcodes" is not "Opcodes"),
//     and its columns are found by header name, in any order; see
//     tables.go. Tables under other headings (HTTP, JSON and RPC codes)
//     are not read as protocol tables.
//   - Payload structures: tables with Field and Type columns, whatever the
//     heading, and the tables fields link to; see structures.go, types.go
//     and enums.go.
//   - Intents: the official docs' "List of Intents" code block and
//     "Privileged Intents" bullet list, or a table of the same facts,
//     whose form intents.go documents.
//   - Typedoc enum pages (a "# Enumeration: GatewayOpcodes" heading, then
//     one "• **Name** = `value`" line per member): the enum's name says
//     what it lists (GatewayOpcodes, GatewayDispatchEvents,
//     GatewayCloseEventCodes, VoiceOpcodes, VoiceCloseEventCodes,
//     GatewayIntents); see typedoc.go.
//   - MDX (the official docs): front matter, import and export statements
//     and JSX tags are blanked out before the markdown is parsed; see
//     mdx.go.
//
// All the words the parser recognises are in vocabulary.go. Every row or
// member keeps its position (file and line), and every problem is reported
// at the position of the text that caused it.
package parser

import (
	"bytes"
	"slices"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"github.com/gatewaygen/gatewaygen/model"
)

var byteOrderMark = []byte("\ufeff")

// MaxSize is the largest document Parse accepts. Real Gateway pages are tens
// of kilobytes; the cap keeps a wrong file (a log, a binary) from using
// unbounded memory.
const MaxSize = 32 << 20

// Parse reads one document. name is used in positions and should be the path
// the user gave. On failure the error is a model.ErrorList holding every
// problem found, and the Document, unless the input is not text at all,
// holds the rows that could be read, so that validating them can report
// the problems of the other rows in the same run.
func Parse(name string, src []byte) (*model.Document, error) {
	return parse(name, src, false)
}

// ParseOptional is Parse for a document that may hold nothing gatewaygen
// reads, such as one page of a directory of docs: such a document is no
// error but a Document with Skipped set.
func ParseOptional(name string, src []byte) (*model.Document, error) {
	return parse(name, src, true)
}

func parse(name string, src []byte, optional bool) (*model.Document, error) {
	if err := checkInput(name, src); err != nil {
		return nil, err
	}
	// Blanking keeps every byte where it was, so offsets and lines in the
	// blanked source are those of the original. A byte order mark, which
	// editors on Windows write, would hide the first line's heading or
	// front matter, so it is blanked too.
	lines := newLineIndex(src)
	manual := manualAnchors(src, lines) // which blanking removes
	if rest, ok := bytes.CutPrefix(src, byteOrderMark); ok {
		src = append([]byte("   "), blankMDX(rest)...)
	} else {
		src = blankMDX(src)
	}
	p := &docParser{
		doc:     &model.Document{File: name},
		src:     src,
		lines:   lines,
		structs: structState{manual: manual, slugs: map[string]int{}, section: -1},
	}
	root := markdown.Parser().Parse(text.NewReader(src))
	p.parseTables(root)
	p.parseEnums(root)
	p.doc.Sections = slices.DeleteFunc(p.doc.Sections, func(s model.PayloadSection) bool { return s.Structure < 0 && s.Link == "" })
	if optional && len(p.errs) == 0 && p.empty() {
		// A page of tables that fields link to (enums) is kept for its
		// links; a page with nothing of ours is skipped.
		p.doc.Skipped = len(p.doc.Enums) == 0
		return p.doc, nil
	}
	if len(p.errs) == 0 && p.empty() {
		if p.emptyEnum != nil {
			p.errs = append(p.errs, p.emptyEnum)
		} else if t := p.skipped; t != nil {
			p.errorAt(t.offset, "no Gateway table found: the table under %q is in the section %q, which lists %s, not the Gateway's; the document has no table gatewaygen reads, so leave it out of --spec", t.heading, t.section, t.why)
		} else {
			p.errorf(1, 0, "no Gateway table found: want a table under a heading such as %q, %q, %q, %q or %q, a %q code block, or a typedoc page of an enum such as %s", "Gateway opcodes", "Gateway dispatch events", "Gateway close event codes", "Voice opcodes", "Gateway intents", "List of Intents", "GatewayOpcodes")
		}
	}
	if len(p.errs) > 0 {
		p.errs.Sort()
		return p.doc, p.errs
	}
	return p.doc, nil
}

// checkInput rejects inputs no format can hold.
func checkInput(name string, src []byte) error {
	at := func(line int, format string, args ...any) error {
		return model.ErrorList{model.Errorf(model.Source{File: name, Line: line}, format, args...)}
	}
	switch {
	case len(src) > MaxSize:
		return at(0, "file is %d bytes, more than the %d MiB a spec may have", len(src), MaxSize>>20)
	case len(bytes.TrimSpace(src)) == 0:
		return at(0, "file is empty")
	}
	if !utf8.Valid(src) {
		off := 0
		for off < len(src) {
			r, size := utf8.DecodeRune(src[off:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			off += size
		}
		line := 1 + bytes.Count(src[:off], []byte("\n"))
		col := off - bytes.LastIndexByte(src[:off], '\n')
		return model.ErrorList{model.Errorf(model.Source{File: name, Line: line, Column: col}, "invalid UTF-8 (byte %#02x); specs must be UTF-8 text", src[off])}
	}
	return nil
}

// markdown is the goldmark instance for markdown: GFM tables,
// strike-through (which marks removed rows) and footnotes (so that a
// footnote marker in a cell is not read as a link), goldmark's own
// extensions. It is safe for concurrent use.
var markdown = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Footnote))

// A docParser holds the state of one Parse call.
type docParser struct {
	doc   *model.Document
	src   []byte
	lines lineIndex
	errs  model.ErrorList
	// emptyEnum says why the first typedoc enum that gave no entries gave
	// none, which is a better error than "no table found" for a document
	// that holds nothing else.
	emptyEnum *model.Error
	// skipped is the first table that a voice or foreign section kept from
	// being read as the kind its heading names.
	skipped *skippedTable
	structs structState
}

func (p *docParser) pos(offset int) model.Source {
	line, _ := p.lines.position(offset)
	return model.Source{File: p.doc.File, Line: line}
}

func (p *docParser) errorf(line, col int, format string, args ...any) {
	p.errs.Add(model.Source{File: p.doc.File, Line: line, Column: col}, format, args...)
}

func (p *docParser) errorAt(offset int, format string, args ...any) {
	line, col := p.lines.position(offset)
	p.errorf(line, col, format, args...)
}

// empty reports whether the document has no entry of any table.
func (p *docParser) empty() bool {
	for _, t := range model.Tables {
		if len(t.DocumentEntries(p.doc)) > 0 {
			return false
		}
	}
	return len(p.doc.Structures) == 0
}
