// Package safetext makes text from a spec safe to place in comments of
// generated source, whatever the language.
//
// A comment must stay a comment: a newline would end a line comment and let
// the rest of a description become code, and a bidirectional control could
// make the code read differently from what the compiler sees ("Trojan
// Source", CVE-2021-42574). Every output gatewaygen writes, Go or
// templated, puts spec text through Lines first.
package safetext

import "strings"

// Lines splits s into lines that are safe to put in a comment: invalid UTF-8
// is replaced, line breaks of every kind separate lines, tabs become spaces,
// control and bidirectional formatting characters are dropped, and trailing
// spaces are trimmed. Blank lines are dropped; an s with no text gives one
// empty line.
func Lines(s string) []string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	lines := strings.FieldsFunc(s, IsLineBreak)
	if len(lines) == 0 {
		return []string{""}
	}
	for i, line := range lines {
		lines[i] = strings.TrimRight(Clean(line), " ")
	}
	return lines
}

// Clean drops the control and bidirectional formatting characters of a
// line, and turns tabs into spaces. It does not look for line breaks:
// split s with IsLineBreak first.
func Clean(line string) string {
	return strings.Map(commentRune, line)
}

// Line is Lines for text that must stay on one line: the lines are joined
// with spaces.
func Line(s string) string {
	return strings.Join(Lines(s), " ")
}

// IsLineBreak reports whether r ends a line in some language or editor.
func IsLineBreak(r rune) bool {
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
