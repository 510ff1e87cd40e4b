package parser

import (
	"bytes"
)

// The official Discord docs are MDX: markdown with YAML front matter, ES
// module statements and JSX. A markdown parser chokes on the JSX: a line such
// as <ManualAnchor id="x" /> opens an HTML block that runs to the next blank
// line and swallows the "###### Gateway Opcodes" heading under it. So before
// parsing, blankMDX overwrites those constructs with spaces. It keeps every
// newline and every other byte where it was, so positions in the blanked
// source are positions in the original, line and column alike.
//
// What counts as MDX syntax, in any document (there is no need to trust the
// file name):
//
//   - front matter: a first line of "---" up to the next line of "---" or
//     "...";
//   - ESM: a line that starts an import or export statement, up to the next
//     blank line, as MDX reads it;
//   - JSX tags at the start of a line whose name starts with a capital
//     letter (<Warning>, </Warning>, <ManualAnchor ... />, also spread over
//     several lines) and fragments (<>, </>). Lower-case tags are left
//     alone: they are HTML, which markdown already reads. Only the tags go,
//     not what they enclose: a <Warning> holds markdown, which stays;
//   - {expressions} at the start of a line, such as {/* comments */}.
//
// Fenced code blocks are left as they are, since examples in them may show
// any of this.
//
// The markdown itself is then read as CommonMark reads it, which differs
// from MDX in one way: text indented by four spaces or more is code. So text
// that follows a tag on its line, left indented by the tag's width, and
// markdown indented inside an element are not read. The official docs put
// their tables and headings at the start of a line; this costs only prose.

// esmStart matches the first line of an ES module statement.
// Prose that starts with the word "import" does not match.
var esmStart = lazyRegexp(`^(import\s*[{*'"]|import\s+[\w$]+\s*(,|\sfrom\s)|export\s+(default|const|let|var|function|async|class|\{|\*))`)

// fenceStart matches the opening of a fenced code block: up to three spaces,
// then three or more backticks or tildes.
var fenceStart = lazyRegexp("^ {0,3}(`{3,}|~{3,})")

// mayOpenFence reports whether line could match fenceStart: the regular
// expressions run on every line of a document, and cost more than the rest
// of blanking it.
func mayOpenFence(line []byte) bool {
	line = bytes.TrimLeft(line, " ")
	return len(line) > 0 && (line[0] == '`' || line[0] == '~')
}

// blankMDX returns a copy of src with its MDX syntax blanked out.
func blankMDX(src []byte) []byte {
	b := mdxBlanker{src: bytes.Clone(src), starts: newLineIndex(src)}
	b.run()
	return b.src
}

type mdxBlanker struct {
	src    []byte
	starts lineIndex
	// failed is the offset up to which a JSX scan already failed to find
	// the end of a tag; later scans that start before it would fail the
	// same way, and skipping them keeps blankMDX linear on malformed input.
	failed int
}

// line returns the i'th line (0-based) without its line break.
func (b *mdxBlanker) line(i int) []byte {
	end := len(b.src)
	if i+1 < len(b.starts) {
		end = b.starts[i+1] - 1
	}
	return b.src[b.starts[i]:end]
}

func (b *mdxBlanker) blankLines(from, to int) {
	for i := from; i < to; i++ {
		blank(b.line(i))
	}
}

func (b *mdxBlanker) run() {
	n := len(b.starts)
	i := 0
	if isFence(b.line(0), "---") {
		for j := 1; j < n; j++ {
			if isFence(b.line(j), "---") || isFence(b.line(j), "...") {
				b.blankLines(0, j+1)
				i = j + 1
				break
			}
		}
	}
	fence := "" // the fence of the open code block, if any
	for ; i < n; i++ {
		line := b.line(i)
		switch {
		case fence != "":
			if t := bytes.TrimLeft(line, " "); bytes.HasPrefix(t, []byte(fence)) && len(bytes.Trim(t, fence[:1]+" \t\r")) == 0 {
				fence = ""
			}
		case mayOpenFence(line) && fenceStart().Match(line):
			fence = string(fenceStart().FindSubmatch(line)[1])
		case (bytes.HasPrefix(line, []byte("import")) || bytes.HasPrefix(line, []byte("export"))) && esmStart().Match(line):
			j := i
			for j < n && len(bytes.TrimSpace(b.line(j))) > 0 {
				j++
			}
			b.blankLines(i, j)
			i = j
		default:
			i += b.blankJSX(b.starts[i])
		}
	}
}

// blankJSX blanks the JSX tags and expressions that begin at the first
// non-blank byte of the line at offset start, and any that follow them on
// the same line, and returns how many lines past this one they reach.
func (b *mdxBlanker) blankJSX(start int) int {
	i := start
	for i < len(b.src) && (b.src[i] == ' ' || b.src[i] == '\t') {
		i++
	}
	end := i
	for end >= b.failed {
		n := b.jsxLen(end)
		if n == 0 {
			break
		}
		blank(b.src[end : end+n])
		end += n
		for end < len(b.src) && (b.src[end] == ' ' || b.src[end] == '\t') {
			end++
		}
	}
	return bytes.Count(b.src[i:end], []byte("\n"))
}

// jsxLen returns the length of the JSX tag or {expression} at src[i:], or 0
// if there is none or it does not end. A tag ends at the first ">" outside
// quotes and braces, an expression at its matching brace; neither may hold a
// blank line.
func (b *mdxBlanker) jsxLen(i int) int {
	s := b.src[i:]
	var n int
	switch {
	case bytes.HasPrefix(s, []byte("<>")):
		return 2
	case bytes.HasPrefix(s, []byte("</>")):
		return 3
	case len(s) >= 2 && s[0] == '{':
		n = scanJSX(s, '}')
	case len(s) >= 2 && s[0] == '<' && isUpper(s[1]),
		len(s) >= 3 && s[0] == '<' && s[1] == '/' && isUpper(s[2]):
		n = scanJSX(s, '>')
	default:
		return 0
	}
	if n < 0 {
		b.failed = i - n
		return 0
	}
	return n
}

// scanJSX scans s for the byte end outside quotes, comments and nested
// braces and returns the length up to and including it. If it finds a blank
// line or the end of s first, it returns minus the length it scanned.
func scanJSX(s []byte, end byte) int {
	depth := 0
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\n' && len(bytes.TrimSpace(lineAt(s, i+1))) == 0:
			return -(i + 1)
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'' || c == '`':
			quote = c
		case c == '/' && i+1 < len(s) && s[i+1] == '*':
			j := bytes.Index(s[i+2:], []byte("*/"))
			if j < 0 {
				return -len(s) // a comment that never ends
			}
			i += j + 3
		case c == '{':
			depth++
		case c == '}' && depth > 0:
			depth--
			if depth == 0 && end == '}' {
				return i + 1
			}
		case c == end && depth == 0:
			return i + 1
		}
	}
	return -len(s)
}

// lineAt returns the line of s that starts at i, without its line break.
func lineAt(s []byte, i int) []byte {
	s = s[i:]
	if j := bytes.IndexByte(s, '\n'); j >= 0 {
		s = s[:j]
	}
	return s
}

// blank overwrites b with spaces, except for line breaks.
func blank(b []byte) {
	for i, c := range b {
		if c != '\n' && c != '\r' {
			b[i] = ' '
		}
	}
}

func isFence(line []byte, fence string) bool {
	return string(bytes.TrimRight(line, " \t\r")) == fence
}

func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }
