package generator

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/gatewaygen/gatewaygen/internal/safetext"
)

// Text from a spec ends up in comments, and a comment must stay a comment
// (see package safetext). So every comment the generator emits goes through
// commentLines, and every string literal through jen.Lit (strconv.Quote),
// which escapes whatever is not printable.

// commentLines splits s into lines of comment text that are safe to put
// after "// ".
func commentLines(s string) []string {
	return safetext.Lines(s)
}

// commentSafe is commentLines for text that must stay on one line.
func commentSafe(s string) string {
	return safetext.Line(s)
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
