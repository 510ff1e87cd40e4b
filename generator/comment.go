package generator

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/gatewaygen/gatewaygen/internal/safetext"
)

// Text from a spec ends up in comments, and a comment must stay a comment
// (see package safetext). So every comment the generator emits is built by
// doc, and every string from a spec is a jen.Lit (strconv.Quote), which
// escapes whatever is not printable.

// commentSafe makes s safe for a comment that must stay on one line.
func commentSafe(s string) string {
	return safetext.Line(s)
}

// doc returns a comment of text: consecutive strings are joined into one
// paragraph, and an empty string ends a paragraph with an empty comment
// line. Each paragraph is made safe, split at the line breaks of its text
// (a description's own lines stay), and wrapped to lines of at most
// docWidth bytes where it has spaces.
func doc(text ...string) *jen.Statement {
	// The text starts with "//", so jennifer writes it as it is rather than
	// choosing a comment style itself (it would pick /* */ for several lines).
	return jen.Comment(docText(text...))
}

// docText is the text of doc's comment.
func docText(text ...string) string {
	var paragraphs []string
	joined := false // the last paragraph takes the next string
	for _, t := range text {
		switch {
		case t == "":
			paragraphs = append(paragraphs, "")
			joined = false
		case joined:
			paragraphs[len(paragraphs)-1] += " " + t
		default:
			paragraphs = append(paragraphs, t)
			joined = true
		}
	}
	var b strings.Builder
	for i, p := range paragraphs {
		for j, line := range wrap(safetext.Lines(p)) {
			if i+j > 0 {
				b.WriteByte('\n')
			}
			b.WriteString("//")
			if line != "" {
				b.WriteString(" " + line)
			}
		}
	}
	return b.String()
}

// sentence ends s with a full stop if it has no final punctuation, as
// descriptions in tables often lack one, so that a doc comment reads as
// prose.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	switch s[len(s)-1] {
	case '.', '!', '?', ':', ';':
		return s
	}
	return s + "."
}

// docWidth is the width that doc comments are wrapped to.
const docWidth = 76

// wrap breaks lines longer than docWidth at spaces.
func wrap(lines []string) []string {
	var out []string
	for _, line := range lines {
		for len(line) > docWidth {
			cut := strings.LastIndexByte(line[:docWidth+1], ' ')
			if cut <= 0 {
				cut = strings.IndexByte(line, ' ')
				if cut < 0 {
					break
				}
			}
			out = append(out, line[:cut])
			line = strings.TrimLeft(line[cut:], " ")
		}
		out = append(out, line)
	}
	return out
}
