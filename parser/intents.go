package parser

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/gatewaygen/gatewaygen/model"
)

// The official docs list the Gateway's intents not in a table but in a
// fenced code block under a "List of Intents" heading:
//
//	GUILDS (1 << 0)
//	  - GUILD_CREATE
//	  - THREAD_MEMBERS_UPDATE *
//
//	GUILD_MEMBERS (1 << 1) **
//	  - GUILD_MEMBER_ADD
//
// An intent line holds the intent's name and its bit; each "- EVENT" line
// under it names a dispatch event the intent enables. Footnote markers
// (see intentMarkers) may follow either: they refer to notes below the
// block and are dropped. Which intents are privileged is said elsewhere,
// by a bullet list under a "Privileged Intents" heading:
//
//	- [`GUILD_MEMBERS`](#DOCS_TOPICS_GATEWAY/list-of-intents)
//
// A code block under an intents heading whose first line is not an intent
// line is an example of something else and is skipped; in one that is,
// every line must be an intent line, an event line or blank.
//
// The same facts in a table, for documents written by hand and the
// markdown template, go under a heading such as "Gateway intents":
//
//	| Bit | Name          | Privileged | Events                                 | Description |
//	|----:|---------------|------------|----------------------------------------|-------------|
//	| 1   | GUILD_MEMBERS | yes        | GUILD_MEMBER_ADD GUILD_MEMBER_REMOVE   | Members.    |
//
// Bit is n or "1 << n"; Privileged is yes, no, true or false (blank is no);
// Events are wire names separated by spaces or commas.

// readIntentBlock reads a "List of Intents" code block, the intents of
// table t.
func (p *docParser) readIntentBlock(t *model.Table, block *ast.FencedCodeBlock) {
	intents, ok := t.InDocument(p.doc).(*[]model.Intent)
	if !ok {
		return // a table of bit flags that are not intents
	}
	lines := block.Lines()
	var cur *model.Intent
	seen := false // a line that is not blank
	flush := func() {
		if cur != nil {
			*intents = append(*intents, *cur)
		}
		cur = nil
	}
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		line := strings.TrimRight(string(seg.Value(p.src)), "\r\n")
		text := strings.TrimSpace(line)
		if text == "" {
			continue
		}
		offset := seg.Start + len(line) - len(strings.TrimLeft(line, " \t"))
		first := !seen
		seen = true
		name, bit, isIntent := intentLine(text)
		if first && !isIntent {
			return // an example of something else, not a list of intents
		}
		if event, ok := strings.CutPrefix(text, "-"); ok && !isIntent {
			event = trimMarkers(event)
			if !isWireName(event) {
				p.errorAt(offset, "event %q is not a wire name such as MESSAGE_CREATE", event)
			} else if cur != nil {
				cur.Events = append(cur.Events, event)
				cur.EventSources = append(cur.EventSources, p.pos(offset))
			}
			continue
		}
		if !isIntent {
			p.errorAt(offset, "cannot read %q: want an intent such as %q or an event such as %q", text, "GUILD_MEMBERS (1 << 1)", "  - GUILD_MEMBER_ADD")
			continue
		}
		flush()
		if bit < 0 || bit > maxBit {
			p.errorAt(offset, "intent %s has bit %d: want 0 to %d", name, bit, maxBit)
			continue
		}
		cur = &model.Intent{Bit: bit, Entry: model.Entry{Name: name, Sources: []model.Source{p.pos(offset)}}, Events: []string{}}
	}
	flush()
}

// intentLine reads "NAME (1 << n)" with optional footnote markers after it.
func intentLine(text string) (name string, bit int, ok bool) {
	name, rest, ok := strings.Cut(trimMarkers(text), "(")
	name = strings.TrimSpace(name)
	value, ok2 := strings.CutSuffix(strings.TrimSpace(rest), ")")
	if !ok || !ok2 || !isWireName(name) {
		return "", 0, false
	}
	shift, ok := strings.CutPrefix(strings.ReplaceAll(value, " ", ""), "1<<")
	if !ok {
		return "", 0, false
	}
	bit, err := strconv.Atoi(shift)
	return name, bit, err == nil
}

// trimMarkers drops footnote markers and spaces from the end of s, and
// spaces from its start.
func trimMarkers(s string) string {
	return strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), intentMarkers+" \t"))
}

// A privilegedName is an intent the "Privileged Intents" list names.
type privilegedName struct {
	name   string
	offset int
}

// privilegedNames reads the items of a "Privileged Intents" list: each
// starts with an intent's name, in a code span or a link or bare. Items
// that do not are prose, and are skipped.
func (p *docParser) privilegedNames(list *ast.List) []privilegedName {
	var names []privilegedName
	for item := list.FirstChild(); item != nil; item = item.NextSibling() {
		var c cell
		if first := item.FirstChild(); first != nil {
			c = cellText(first, p.src) // positioned at the text, not the bullet
		}
		fields := strings.Fields(c.text)
		if len(fields) == 0 || c.struck {
			continue // a struck item is no longer privileged
		}
		name := strings.TrimRight(fields[0], ".,;:")
		if !isWireName(name) || !strings.ContainsAny(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
			continue
		}
		names = append(names, privilegedName{name, cellOffset(c, item.Pos())})
	}
	return names
}

// markPrivileged marks the intents the privileged list names. A name that
// is not an intent of the document is an error: it would otherwise be lost.
func (p *docParser) markPrivileged(names []privilegedName) {
	for _, n := range names {
		found := false
		for i := range p.doc.Intents {
			if p.doc.Intents[i].Name == n.name {
				p.doc.Intents[i].Privileged, found = true, true
			}
		}
		// A bare word in capitals ("DM") is prose; a name with an
		// underscore that no intent has is most likely a typo.
		if !found && strings.Contains(n.name, "_") {
			p.errorAt(n.offset, "privileged intent %s is not in the document's list of intents", n.name)
		}
	}
}
