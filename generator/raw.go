package generator

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"
)

// Most of a generated file is a handful of declarations with one line per
// opcode or event: constants, tables, lists, switch cases. Building those
// through jennifer means a node per token, then go/format parses and prints
// them all again; on a large spec that was nearly all of the time and memory
// the generator used (see BENCHMARKS.md). So they are written here directly,
// in the layout gofmt gives them. Tests check that gofmt leaves every
// generated file unchanged.
//
// The rest of each file depends only on the names of the Config, not on the
// spec. It is the skeleton: a jennifer file, in which each declaration
// written here stands as a marker declaration. New renders, formats and
// parses the skeletons once, before there is a spec (see Generator), and
// Generate replaces the markers with the declarations for its spec. So
// everything that depends on the spec, down to whether a declaration
// exists at all, is written here, and the functions that build skeletons
// are methods of names, which has no spec to look at.
//
// The type check does not see the whole of every declaration: it sees the
// skeleton, as parsed for formatting, and a file of the text written for
// the first sampleSize entries of each declaration, which exercises every
// line of the code writing them, in constant time. What the sample cannot
// show depends on a single entry's name or value, and checkNames checks
// that for every entry.

// sampleSize is how many entries of each declaration the type check sees.
const sampleSize = 3

// A rawDecl writes top-level declarations for the spec of g, doc comments
// included, in gofmt's layout, or nothing if the spec has nothing to
// declare. count(total) says how many of its total entries to write: all of
// them, or the first sampleSize for the type check.
type rawDecl func(g *gen, b *bytes.Buffer, count func(total int) int)

// rawFile is a jennifer file and the declarations that replace its markers.
type rawFile struct {
	*jen.File
	// head writes what comes before the package clause: the
	// generated-code header and the package's doc comment.
	head  func(g *gen, b *bytes.Buffer)
	decls []rawDecl
}

// markerPrefix starts the value of a marker declaration, `var _ = "..."`.
// Nothing else in the skeleton is a package-level blank variable.
const markerPrefix = "gatewaygen:raw "

// raw adds declarations written by d at this point of the file.
func (f *rawFile) raw(d rawDecl) {
	f.Var().Id("_").Op("=").Lit(markerPrefix + strconv.Itoa(len(f.decls)))
	f.decls = append(f.decls, d)
}

// A skeleton is a file's rendered skeleton and what fills it in.
type skeleton struct {
	name  string
	text  []byte    // formatted
	tree  *ast.File // what text was printed from
	head  func(g *gen, b *bytes.Buffer)
	decls []rawDecl
}

// skeletons renders the skeleton of each file, parsing them into fset.
func (n names) skeletons(fset *token.FileSet) ([]*skeleton, error) {
	var sks []*skeleton
	for _, file := range []struct {
		name  string
		build func(*rawFile)
	}{
		{OpcodesFile, n.opcodesFile},
		{EventsFile, n.eventsFile},
	} {
		f := &rawFile{File: jen.NewFile(n.pkg)}
		file.build(f)
		sk, err := f.render(fset, file.name)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", file.name, err)
		}
		sks = append(sks, sk)
	}
	return sks, nil
}

// render renders the jennifer file and formats it. It does what jennifer's
// own formatting does (go/format), but keeps the syntax tree, so that the
// type check need not parse the skeleton again.
func (f *rawFile) render(fset *token.FileSet, name string) (*skeleton, error) {
	f.NoFormat = true
	var src bytes.Buffer
	if err := f.Render(&src); err != nil {
		return nil, err
	}
	tree, err := parser.ParseFile(fset, name, src.Bytes(), parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := format.Node(&out, fset, tree); err != nil {
		return nil, err
	}
	return &skeleton{name: name, text: out.Bytes(), tree: tree, head: f.head, decls: f.decls}, nil
}

// sample returns a file of the skeleton's package holding its declarations
// for g's spec with the first sampleSize entries each, which the type check
// sees along with the skeleton.
func (sk *skeleton) sample(g *gen) []byte {
	count := func(total int) int { return min(total, sampleSize) }
	var b bytes.Buffer
	b.WriteString("package " + g.names.pkg + "\n")
	for _, d := range sk.decls {
		b.WriteByte('\n')
		d(g, &b, count)
	}
	return b.Bytes()
}

// splice returns the file for g's spec: the head, then the skeleton with
// each marker replaced by its declarations. sizeHint estimates what the
// declarations add, so that the output is allocated once: on a large spec,
// growing it took a fifth of the generator's time (page faults, mostly).
func (sk *skeleton) splice(g *gen, sizeHint int) ([]byte, error) {
	all := func(total int) int { return total }
	out := bytes.NewBuffer(make([]byte, 0, len(sk.text)+sizeHint+1024))
	sk.head(g, out)
	rest := sk.text
	for i, d := range sk.decls {
		marker := []byte(`var _ = "` + markerPrefix + strconv.Itoa(i) + `"` + "\n")
		before, after, ok := bytes.Cut(rest, marker)
		if !ok {
			return nil, fmt.Errorf("marker %d is missing from the formatted skeleton", i)
		}
		writeJoined(out, before)
		// gofmt puts a blank line between declarations, but not between
		// markers, which are all `var` declarations without a doc comment.
		start := out.Len()
		if start > 0 && !bytes.HasSuffix(out.Bytes(), []byte("\n\n")) {
			out.WriteByte('\n')
		}
		written := out.Len()
		d(g, out, all)
		switch {
		case out.Len() == written:
			out.Truncate(start) // nothing to declare: no blank line either
		case len(after) > 0 && after[0] != '\n':
			out.WriteByte('\n')
		}
		rest = after
	}
	writeJoined(out, rest)
	// A file ends in one newline, even if its last declarations were empty.
	content := append(bytes.TrimRight(out.Bytes(), "\n"), '\n')
	return content, nil
}

// writeJoined appends text to out without making two blank lines where
// they meet, which a marker whose declarations were empty can leave.
//
// Where the declarations are empty, what surrounds the marker must come out
// as gofmt would print it without the marker, which puts a blank line
// between two declarations of different kinds, or before one with a doc
// comment. Every declaration that follows a marker in a skeleton has a doc
// comment, so one blank line is right either way; the golden files of the
// fixtures without opcodes, events or perfect hash tables, and the check
// that gofmt leaves every output unchanged, hold the skeletons to that.
func writeJoined(out *bytes.Buffer, text []byte) {
	if bytes.HasSuffix(out.Bytes(), []byte("\n\n")) {
		text = bytes.TrimLeft(text, "\n")
	}
	out.Write(text)
}

// writeDoc writes a comment of the given lines at the given indentation,
// made safe as doc does.
func writeDoc(b *bytes.Buffer, indent string, text ...string) {
	for _, t := range text {
		if plain(t) {
			b.WriteString(indent)
			if t == "" {
				b.WriteString("//\n")
				continue
			}
			b.WriteString("// ")
			b.WriteString(t)
			b.WriteByte('\n')
			continue
		}
		for _, line := range commentLines(t) {
			b.WriteString(indent)
			b.WriteString("//")
			if line != "" {
				b.WriteByte(' ')
				b.WriteString(line)
			}
			b.WriteByte('\n')
		}
	}
}

// writeLine writes a comment of the concatenation of parts, as writeDoc
// does, without concatenating them if it can.
func writeLine(b *bytes.Buffer, indent string, parts ...string) {
	last := ""
	for _, p := range parts {
		if !printable(p) {
			writeDoc(b, indent, strings.Join(parts, ""))
			return
		}
		if p != "" {
			last = p
		}
	}
	if last == "" || last[len(last)-1] == ' ' {
		writeDoc(b, indent, strings.Join(parts, ""))
		return
	}
	b.WriteString(indent)
	b.WriteString("// ")
	for _, p := range parts {
		b.WriteString(p)
	}
	b.WriteByte('\n')
}

// plain reports whether commentLines would leave s, a line of printable
// ASCII, as it is.
func plain(s string) bool {
	return printable(s) && (s == "" || s[len(s)-1] != ' ')
}

// printable reports whether s is all printable ASCII.
func printable(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return true
}

// quote writes s as a Go string literal, as jen.Lit does.
func quote(b *bytes.Buffer, s string) {
	b.Write(strconv.AppendQuote(b.AvailableBuffer(), s))
}

// writeInt writes a decimal integer.
func writeInt(b *bytes.Buffer, i int) {
	b.Write(strconv.AppendInt(b.AvailableBuffer(), int64(i), 10))
}

// keyedLines writes the elements of a composite literal, one `key: value,`
// line each, aligning the values as gofmt does. key(i) and value(i) write
// the i'th key and value; keyLen(i) returns the size of the key in bytes,
// which gofmt's decisions use, or 0 if the element is too long for gofmt to
// measure (see lineFits), and its width in runes, which its alignment uses.
//
// gofmt aligns the values of consecutive key-value lines in a column, but
// starts a new section of alignment where a key's size is far from the
// others' (go/printer's exprList): keys of at most 40 bytes always align
// with their neighbours; otherwise a key 2.5 times larger or smaller than
// the geometric mean of its section's keys starts a new section.
func keyedLines(b *bytes.Buffer, indent string, n int, keyLen func(i int) (size, width int), key, value func(b *bytes.Buffer, i int)) {
	const (
		smallSize = 40
		ratio     = 2.5
	)
	sizes := make([]int, n)
	widths := make([]int, n)
	for i := range sizes {
		sizes[i], widths[i] = keyLen(i)
	}
	const spaces = "                                                                "
	line := func(i, width int) {
		b.WriteString(indent)
		key(b, i)
		b.WriteByte(':')
		pad := max(width-widths[i], 0) + 1
		for ; pad > len(spaces); pad -= len(spaces) {
			b.WriteString(spaces)
		}
		b.WriteString(spaces[:pad])
		value(b, i)
		b.WriteString(",\n")
	}
	start := 0
	for start < n {
		if sizes[start] == 0 {
			// Unmeasured: printed unaligned, and a section of its own.
			line(start, 0)
			start++
			continue
		}
		// Find the end of the section and its widest key.
		width := widths[start]
		lnsum, count := math.Log(float64(sizes[start])), 1
		end := start + 1
		for ; end < n; end++ {
			prev, size := sizes[end-1], sizes[end]
			if size == 0 {
				break
			}
			if prev > smallSize || size > smallSize {
				r := float64(size) / math.Exp(lnsum/float64(count))
				if ratio*r <= 1 || ratio <= r {
					break
				}
			}
			width = max(width, widths[end])
			lnsum += math.Log(float64(size))
			count++
		}
		for i := start; i < end; i++ {
			line(i, width)
		}
		start = end
	}
}

// lineFits reports whether gofmt measures, for alignment, a composite
// literal element made of the string literals strs and other bytes: it
// gives up on elements longer than a million bytes (go/printer's
// nodeSize), which only a pathological description comes near.
func lineFits(other int, strs ...string) bool {
	const infinity = 1_000_000
	// A quoted byte takes at most four, so short strings fit without
	// quoting them to find out.
	bound := other
	for _, s := range strs {
		bound += 4*len(s) + 2
	}
	if bound <= infinity {
		return true
	}
	total := other
	for _, s := range strs {
		total += len(strconv.Quote(s))
	}
	return total <= infinity
}

// runes is the width of s as gofmt's tabwriter counts it.
func runes(s string) int { return utf8.RuneCountInString(s) }
