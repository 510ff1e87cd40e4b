package generator

import (
	"strings"

	"github.com/dave/jennifer/jen"
)

// Text from a spec ends up in comments, and a comment must stay a comment:
// a newline would end it and let the rest of a description become code, and
// a bidirectional control could make the code read differently from what the
// compiler sees ("Trojan Source", CVE-2021-42574). So every comment the
// generator emits goes through commentLines, and every string literal through
// jen.Lit (strconv.Quote), which escapes whatever is not printable.

// commentLines splits s into lines of comment text that are safe to put
// after "// ": line breaks of every kind separate lines, and control and
// bidirectional formatting characters are dropped.
func commentLines(s string) []string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	lines := strings.FieldsFunc(s, isLineBreak)
	if len(lines) == 0 {
		return []string{""}
	}
	for i, line := range lines {
		lines[i] = strings.TrimRight(strings.Map(commentRune, line), " ")
	}
	return lines
}

// commentSafe is commentLines for text that must stay on one line.
func commentSafe(s string) string {
	return strings.Join(commentLines(s), " ")
}

func isLineBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', '\u0085', '\u2028', '\u2029':
		return true
	}
	return false
}

func commentRune(r rune) rune {
	switch {
	case r == '\t':
		return ' '
	case r < 0x20, r == 0x7f, 0x80 <= r && r < 0xa0: // C0 and C1 controls
		return -1
	case r == '\u061c', r == '\u200e', r == '\u200f', // bidi marks
		'\u202a' <= r && r <= '\u202e', // bidi embeddings and overrides
		'\u2066' <= r && r <= '\u2069', // bidi isolates
		r == '\ufeff':                  // byte order mark
		return -1
	}
	return r
}

// doc returns a comment of the given lines; text is made safe with
// commentLines, and an empty string is an empty comment line, which
// separates paragraphs.
func doc(text ...string) *jen.Statement {
	var b strings.Builder
	for i, t := range text {
		for j, line := range commentLines(t) {
			if i+j > 0 {
				b.WriteByte('\n')
			}
			b.WriteString("//")
			if line != "" {
				b.WriteString(" " + line)
			}
		}
	}
	// The text starts with "//", so jennifer writes it as it is rather than
	// choosing a comment style itself (it would pick /* */ for several lines).
	return jen.Comment(b.String())
}
