package model

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// This file holds every conversion between the spellings of a name:
//
//	wire (UPPER_SNAKE)  HEARTBEAT_ACK    what Discord sends, and the key of the IR
//	Go (PascalCase)     HeartbeatACK     what the generator emits
//	Title Case          Heartbeat ACK    what the official docs print
//	PascalCase member   HeartbeatACK     what TypeScript enums (typedoc) use
//
// Go names are derived from wire names and never the reverse, so a
// generated identifier changes only when the wire name does.
//
// Outputs other than Go follow other conventions, which PascalCase,
// CamelCase, SnakeCase and TitleCase serve.

// DefaultInitialisms are the words that Go style writes in a fixed case
// inside identifiers: the list of golint and staticcheck (ST1003), plus the
// ones Discord's names need (ACK, IDs, OAuth2, URLs, and the words of its
// API below).
var DefaultInitialisms = []string{
	"ACK", "ACL", "API", "ASCII", "CPU", "CSS", "DNS", "EOF", "GUID", "HTML",
	"HTTP", "HTTPS", "ID", "IDs", "IP", "JSON", "OAuth2", "QPS", "RAM", "RPC",
	"SLA", "SMTP", "SQL", "SSH", "TCP", "TLS", "TTL", "UDP", "UI", "UID",
	"UUID", "URI", "URL", "URLs", "UTF8", "VM", "XML", "XMPP", "XSRF", "XSS",
	// The voice gateway's end-to-end encryption: the DAVE protocol, its
	// MLS group messages, E2EE.
	"DAVE", "MLS", "E2EE",
	// Discord's own: direct messages, SKUs, voice quality of service and
	// WebRTC, looking-for-group, text to speech, NSFW channels, AFK
	// channels and multi-factor authentication. Typedoc members spell them
	// so (NsfwLevel, RtcRegion) as often as not, which WireFromPascal reads
	// as ordinary words.
	"DM", "SKU", "QoS", "WebRTC", "LFG", "RTC", "TTS", "NSFW", "AFK", "MFA",
}

// Naming turns wire names into Go names. The zero value is not usable; call
// NewNaming or NewNamingWith.
type Naming struct {
	// initialisms maps the upper-case form of an initialism to its Go
	// spelling ("IDS" → "IDs").
	initialisms map[string]string
	// byLength holds the Go spellings, longest first, so that parsing a
	// PascalCase name prefers "IDs" over "ID".
	byLength []string
	// renames maps the key of a Rename ("opcodes:HEARTBEAT_ACK",
	// "close_codes:4004", or "READY" without a table) to it.
	renames map[string]Rename
}

// NewNaming returns a Naming that knows DefaultInitialisms plus extra, and
// gives entries the Go names overrides choose for them: a key is
// "TABLE:KEY" or "KEY", as Rename's Table and Key. NewNamingWith does the
// same with the position of each rename, for messages.
func NewNaming(extra []string, overrides map[string]string) (*Naming, error) {
	var renames []Rename
	for _, key := range slices.Sorted(maps.Keys(overrides)) {
		table, k := splitOverrideKey(key)
		renames = append(renames, Rename{Table: table, Key: k, GoName: overrides[key], Origin: Source{File: "name override " + key}})
	}
	return NewNamingWith(extra, renames)
}

// newNaming returns a Naming that knows DefaultInitialisms plus extra, and
// renames nothing.
func newNaming(extra []string) (*Naming, error) {
	n := &Naming{initialisms: make(map[string]string), renames: make(map[string]Rename)}
	for _, list := range [][]string{DefaultInitialisms, extra} {
		for _, word := range list {
			if word == "" || !isAlnum(word) {
				return nil, fmt.Errorf("initialism %q: want letters and digits only", word)
			}
			if !isLetter(word[0]) {
				return nil, fmt.Errorf("initialism %q: want a leading letter", word)
			}
			n.initialisms[strings.ToUpper(word)] = word
		}
	}
	for _, word := range n.initialisms {
		n.byLength = append(n.byLength, word)
	}
	slices.SortFunc(n.byLength, func(a, b string) int {
		if len(a) != len(b) {
			return len(b) - len(a)
		}
		return strings.Compare(a, b)
	})
	return n, nil
}

// WireFromPascal is Naming.WireFromPascal with DefaultInitialisms alone,
// for readers of documents (the parser), whose reading must not change with
// the names a user chooses for the Go output.
func WireFromPascal(name string) string { return defaultNaming.WireFromPascal(name) }

// Words is Naming.Words with DefaultInitialisms alone, as WireFromPascal.
func Words(name string) []string { return defaultNaming.Words(name) }

var defaultNaming = DefaultNaming()

// DefaultNaming is NewNaming with no extra initialisms and no overrides.
func DefaultNaming() *Naming {
	n, err := NewNaming(nil, nil)
	if err != nil {
		panic(err) // DefaultInitialisms is wrong
	}
	return n
}

// GoName returns the Go name of a wire name: the PascalCase of its
// underscore-separated words, with initialisms kept whole
// (GET_DELETED_ENTITY_IDS_NOT_MATCHING_HASH → GetDeletedEntityIDsNotMatchingHash).
// It fails for a name that cannot become an identifier. It ignores
// renames, which Build applies.
func (n *Naming) GoName(wire string) (string, error) {
	if err := checkWireName(wire); err != nil {
		return "", err
	}
	// checkWireName leaves only ASCII letters, digits and underscores, so
	// the cases change a byte at a time; wire names are upper case, so
	// strings.ToUpper gives the word itself.
	b := make([]byte, 0, len(wire))
	for word := range strings.SplitSeq(wire, "_") {
		if word == "" {
			continue
		}
		if init, ok := n.initialisms[strings.ToUpper(word)]; ok {
			b = append(b, init...)
			continue
		}
		b = append(b, upperByte(word[0]))
		for i := 1; i < len(word); i++ {
			b = append(b, lowerByte(word[i]))
		}
	}
	return string(b), nil
}

func upperByte(c byte) byte {
	if isLower(c) {
		return c - 'a' + 'A'
	}
	return c
}

func lowerByte(c byte) byte {
	if isUpper(c) {
		return c - 'A' + 'a'
	}
	return c
}

// checkWireName reports why a wire name cannot become a Go identifier.
func checkWireName(wire string) error {
	if strings.Trim(wire, "_") == "" {
		return fmt.Errorf("name %q has no letters to make a Go identifier from", wire)
	}
	for i, r := range wire {
		if r == '_' || r < 0x80 && (isLetter(byte(r)) || isDigit(byte(r))) {
			continue
		}
		return fmt.Errorf("name %q cannot become a Go identifier: character %q at offset %d is not an ASCII letter, digit or underscore", wire, r, i)
	}
	if first := strings.TrimLeft(wire, "_"); isDigit(first[0]) {
		return fmt.Errorf("name %q cannot become a Go identifier: it starts with a digit", wire)
	}
	return nil
}

// WireFromTitle returns the wire name of a Title Case name, as the official
// docs print it: "Heartbeat ACK" → "HEARTBEAT_ACK". Anything that is not an
// ASCII letter or digit separates words, except that a plural ending in
// parentheses stays with its word: "Invalid intent(s)" → "INVALID_INTENTS".
func WireFromTitle(title string) string {
	if strings.Contains(title, "(s)") {
		title = strings.ReplaceAll(title, "(s)", "s")
	}
	words := strings.FieldsFunc(title, func(r rune) bool {
		return r >= 0x80 || !isAlnum(string(r))
	})
	return strings.ToUpper(strings.Join(words, "_"))
}

// WireFromPascal returns the wire name of a PascalCase name, as TypeScript
// enums spell them: "HeartbeatACK" → "HEARTBEAT_ACK",
// "GetDeletedEntityIDsNotMatchingHash" → "GET_DELETED_ENTITY_IDS_NOT_MATCHING_HASH".
// Known initialisms are single words; any other run of capitals is one word,
// except that its last capital starts the next word when a lower-case letter
// follows it ("HTTPServer" → "HTTP_SERVER").
func (n *Naming) WireFromPascal(name string) string {
	var words []string
	for i := 0; i < len(name); {
		c := name[i]
		if !isLetter(c) && !isDigit(c) {
			i++ // a separator of some kind; PascalCase has none, be lenient
			continue
		}
		if word := n.initialismAt(name, i); word != "" {
			words = append(words, word)
			i += len(word)
			continue
		}
		j := i + 1
		if isUpper(c) && j < len(name) && isUpper(name[j]) {
			for j < len(name) && isUpper(name[j]) && !(j+1 < len(name) && isLower(name[j+1])) {
				j++
			}
		}
		for j < len(name) && (isLower(name[j]) || isDigit(name[j])) {
			j++
		}
		words = append(words, name[i:j])
		i = j
	}
	return strings.ToUpper(strings.Join(words, "_"))
}

// Words splits a name written in any of the spellings above into its
// words, as they are written: "HEARTBEAT_ACK" and "Heartbeat ACK" give
// [HEARTBEAT ACK] and [Heartbeat ACK]; "HeartbeatACK" and "heartbeatAck"
// give [Heartbeat ACK] and [heartbeat Ack], splitting as WireFromPascal does.
// Anything that is not an ASCII letter or digit separates words.
func (n *Naming) Words(name string) []string {
	var words []string
	for _, part := range strings.FieldsFunc(name, func(r rune) bool {
		return r >= 0x80 || !isAlnum(string(r))
	}) {
		if strings.ToUpper(part) == part || strings.ToLower(part) == part {
			words = append(words, part)
			continue
		}
		// Mixed case: PascalCase or camelCase. WireFromPascal finds the
		// word boundaries; cut the part at the same lengths.
		for w := range strings.SplitSeq(n.WireFromPascal(part), "_") {
			words = append(words, part[:len(w)])
			part = part[len(w):]
		}
	}
	return words
}

// PascalCase respells name (in any spelling; see Words) with each word
// capitalised and the rest of it in lower case, initialisms included, as
// TypeScript and C# enums do: HEARTBEAT_ACK → HeartbeatAck. It ignores
// initialisms and overrides; GoName is the Go form.
func (n *Naming) PascalCase(name string) string {
	var b strings.Builder
	for _, w := range n.Words(name) {
		b.WriteString(capitalize(w))
	}
	return b.String()
}

// CamelCase is PascalCase with the first word in lower case:
// HEARTBEAT_ACK → heartbeatAck.
func (n *Naming) CamelCase(name string) string {
	words := n.Words(name)
	if len(words) == 0 {
		return ""
	}
	return strings.ToLower(words[0]) + n.PascalCase(strings.Join(words[1:], "_"))
}

// SnakeCase respells name in lower case with underscores between words:
// HeartbeatACK → heartbeat_ack.
func (n *Naming) SnakeCase(name string) string {
	return strings.ToLower(strings.Join(n.Words(name), "_"))
}

// TitleCase respells name as capitalised words separated by spaces:
// HEARTBEAT_ACK → Heartbeat Ack. WireFromTitle reverses it.
func (n *Naming) TitleCase(name string) string {
	words := n.Words(name)
	for i, w := range words {
		words[i] = capitalize(w)
	}
	return strings.Join(words, " ")
}

// capitalize writes an ASCII word with its first letter in upper case and
// the rest in lower case.
func capitalize(w string) string {
	return strings.ToUpper(w[:1]) + strings.ToLower(w[1:])
}

// initialismAt returns the longest initialism spelled exactly at name[i:]
// that ends a word there (it is followed by the end of the name or a
// capital), or "".
func (n *Naming) initialismAt(name string, i int) string {
	for _, word := range n.byLength {
		if !strings.HasPrefix(name[i:], word) {
			continue
		}
		if end := i + len(word); end == len(name) || !isLower(name[end]) && !isDigit(name[end]) {
			return word
		}
	}
	return ""
}

func isLower(c byte) bool  { return 'a' <= c && c <= 'z' }
func isUpper(c byte) bool  { return 'A' <= c && c <= 'Z' }
func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return isLower(c) || isUpper(c) }

func isAlnum(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isLetter(s[i]) && !isDigit(s[i]) {
			return false
		}
	}
	return true
}
