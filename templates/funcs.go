package templates

import (
	"path"
	"strings"
	"text/template"
	"unicode/utf8"

	"github.com/gatewaygen/gatewaygen/internal/safetext"
	"github.com/gatewaygen/gatewaygen/model"
)

// Funcs returns the helper functions templates can call, on top of
// text/template's own (such as js, html, printf and len):
//
//	pascal, camel, snake, title  respell a name in any spelling, wire names
//	                             included: HEARTBEAT_ACK → HeartbeatAck,
//	                             heartbeatAck, heartbeat_ack, Heartbeat Ack
//	upper, lower                 change the case of a string
//	gocomment                    text safe after "// " in Go, on one line
//	jscomment                    text safe inside a /* */ or /** */ comment,
//	                             on one line
//	mdcell                       text safe in a markdown table cell, that the
//	                             parser reads back as it was
//	base                         the last element of a path, as the generated
//	                             code names its sources
//
// The case helpers split names with naming (nil means model.DefaultNaming),
// whose initialisms tell where the words of a PascalCase name end.
func Funcs(naming *model.Naming) template.FuncMap {
	if naming == nil {
		naming = model.DefaultNaming()
	}
	return template.FuncMap{
		"pascal":    naming.PascalCase,
		"camel":     naming.CamelCase,
		"snake":     naming.SnakeCase,
		"title":     naming.TitleCase,
		"upper":     strings.ToUpper,
		"lower":     strings.ToLower,
		"gocomment": safetext.Line,
		"jscomment": JSComment,
		"mdcell":    MarkdownCell,
		"base":      base,
	}
}

// JSComment returns s on one line, safe inside a JavaScript block comment:
// it cannot close the comment, and it cannot start a JSDoc tag.
func JSComment(s string) string {
	s = strings.ReplaceAll(safetext.Line(s), "*/", `*\/`)
	if strings.HasPrefix(s, "@") {
		s = `\` + s
	}
	return s
}

// MarkdownCell returns s as the text of a GFM table cell that the parser
// reads back as s: pipes and the characters that would start markup are
// backslash-escaped, and each line break becomes <br>, which the parser
// reads as a line break. An underscore between two letters or digits stays
// as it is, since it cannot start emphasis there, so that names such as
// HEARTBEAT_ACK stay readable. Control characters are dropped and tabs
// become spaces, as in comments.
func MarkdownCell(s string) string {
	s = strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\r\n", "\n")
	var lines []string
	for {
		i := strings.IndexFunc(s, safetext.IsLineBreak)
		if i < 0 {
			break
		}
		lines = append(lines, s[:i])
		_, size := utf8.DecodeRuneInString(s[i:])
		s = s[i+size:]
	}
	lines = append(lines, s)
	for i, line := range lines {
		lines[i] = escapeMarkdown(safetext.Clean(line))
	}
	return strings.Join(lines, "<br>")
}

func escapeMarkdown(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\', '`', '*', '[', ']', '<', '>', '|', '&', '~':
			b.WriteByte('\\')
		case '_':
			if i == 0 || i == len(s)-1 || !isAlnum(s[i-1]) || !isAlnum(s[i+1]) {
				b.WriteByte('\\')
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// base is the last element of a path with either separator, as the
// generated Go names its sources: paths differ between machines, and the
// output must not.
func base(file string) string {
	return path.Base(strings.ReplaceAll(file, `\`, "/"))
}
