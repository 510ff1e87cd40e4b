package specs

import (
	"bufio"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/gatewaygen/gatewaygen/model"
)

// factsFile is a copy of the project's list of the protocol's facts as the
// official docs give them (codes, names, flags, bits; no prose).
const factsFile = "testdata/protocol-facts.txt"

// readFacts returns the rows of each "## " section of the facts file, by
// the section's heading up to its colon, each row split at "|" and trimmed.
func readFacts(t *testing.T) map[string][][]string {
	t.Helper()
	f, err := os.Open(factsFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	facts := map[string][][]string{}
	section := ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case strings.HasPrefix(line, "## "):
			section, _, _ = strings.Cut(strings.TrimPrefix(line, "## "), ":")
			section = strings.TrimSpace(section)
		case line == "" || strings.HasPrefix(line, "#") || section == "":
		default:
			cells := strings.Split(line, "|")
			for i := range cells {
				cells[i] = strings.TrimSpace(cells[i])
			}
			facts[section] = append(facts[section], cells)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return facts
}

// section returns the rows of the section whose heading starts with
// prefix, failing the test when there is none, or when a row has not
// width cells, so that a change of the file's shape cannot pass unread.
func section(t *testing.T, facts map[string][][]string, prefix string, width int) [][]string {
	t.Helper()
	for heading, rows := range facts {
		if strings.HasPrefix(heading, prefix) {
			for _, r := range rows {
				if len(r) != width {
					t.Fatalf("%s: %q has %d cells, want %d", factsFile, strings.Join(r, " | "), len(r), width)
				}
			}
			return rows
		}
	}
	t.Fatalf("%s has no section %q", factsFile, prefix)
	return nil
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatalf("%s: %v", factsFile, err)
	}
	return n
}

// showBool prints a flag the docs may leave unsaid as the facts file does:
// "-" when they say nothing.
func showBool(b *bool) string {
	if b == nil {
		return "-"
	}
	return strconv.FormatBool(*b)
}

// byKey indexes the entries of a table of the spec by their key.
func byKey[T any, P interface {
	*T
	model.Keyed[T]
}](entries []T) map[int]*T {
	m := make(map[int]*T, len(entries))
	for i := range entries {
		m[P(&entries[i]).Key()] = &entries[i]
	}
	return m
}

// The default specs give every code, name, sender, flag, bit and intent's
// event that the official docs give, as the facts file lists them. The
// specs may hold more (the seeds' events, say): the facts are what they
// must not get wrong.
func TestDefaultSpecsMatchFacts(t *testing.T) {
	spec, facts := build(t), readFacts(t)
	// The facts' spellings of the Client Action and Sent By columns.
	senders := map[string]model.Sender{
		"Receive": model.SenderServer, "Send": model.SenderClient, "Send/Receive": model.SenderBoth,
		"server": model.SenderServer, "client": model.SenderClient, "client and server": model.SenderBoth,
	}

	closeCodes := byKey(spec.CloseCodes)
	for _, r := range section(t, facts, "Gateway close event codes", 3) {
		c := closeCodes[atoi(t, r[0])]
		switch {
		case c == nil:
			t.Errorf("close code %s is missing", r[0])
		case c.Name != r[1]:
			t.Errorf("close code %s is %q, want %q", r[0], c.Name, r[1])
		case c.Reconnect == nil || strconv.FormatBool(*c.Reconnect) != r[2]:
			t.Errorf("close code %s: reconnect %s, want %s", r[0], showBool(c.Reconnect), r[2])
		}
	}

	opcodes := byKey(spec.Opcodes)
	for _, r := range section(t, facts, "Gateway opcodes", 3) {
		o := opcodes[atoi(t, r[0])]
		switch {
		case o == nil:
			t.Errorf("opcode %s is missing", r[0])
		case o.Name != model.WireFromTitle(r[1]):
			t.Errorf("opcode %s is %s, want %s", r[0], o.Name, model.WireFromTitle(r[1]))
		case o.SentBy != senders[r[2]]:
			t.Errorf("opcode %s is sent by %v, want %s", r[0], o.SentBy, r[2])
		}
	}

	voiceOpcodes := byKey(spec.VoiceOpcodes)
	for _, r := range section(t, facts, "Voice opcodes", 4) {
		o := voiceOpcodes[atoi(t, r[0])]
		switch {
		case o == nil:
			t.Errorf("voice opcode %s is missing", r[0])
		case o.Name != model.WireFromTitle(r[1]):
			t.Errorf("voice opcode %s is %s, want %s", r[0], o.Name, model.WireFromTitle(r[1]))
		case o.SentBy != senders[r[2]]:
			t.Errorf("voice opcode %s is sent by %v, want %s", r[0], o.SentBy, r[2])
		case o.Binary != (r[3] == "X"):
			t.Errorf("voice opcode %s: binary %v, want %s", r[0], o.Binary, r[3])
		}
	}

	voiceCloseCodes := byKey(spec.VoiceCloseCodes)
	for _, r := range section(t, facts, "Voice close event codes", 3) {
		c := voiceCloseCodes[atoi(t, r[0])]
		// "-": the docs say nothing, and a client may reconnect.
		canReconnect := c != nil && (c.Reconnect == nil || *c.Reconnect)
		switch {
		case c == nil:
			t.Errorf("voice close code %s is missing", r[0])
		case c.Name != r[1]:
			t.Errorf("voice close code %s is %q, want %q", r[0], c.Name, r[1])
		case canReconnect != (r[2] != "false"):
			t.Errorf("voice close code %s: reconnect %s, want %s", r[0], showBool(c.Reconnect), r[2])
		}
	}

	intents := map[int]*model.Intent{}
	for i := range spec.Intents {
		intents[spec.Intents[i].Bit] = &spec.Intents[i]
	}
	for _, r := range section(t, facts, "Gateway intents", 4) {
		in := intents[atoi(t, r[1])]
		var events []string
		if !strings.HasPrefix(r[3], "(") { // "(none: ...)"
			events = strings.Fields(r[3])
		}
		switch {
		case in == nil:
			t.Errorf("intent %s (bit %s) is missing", r[0], r[1])
		case in.Name != r[0]:
			t.Errorf("intent bit %s is %s, want %s", r[1], in.Name, r[0])
		case in.Privileged != (r[2] == "yes"):
			t.Errorf("intent %s: privileged %v, want %s", r[0], in.Privileged, r[2])
		default:
			got := slices.Sorted(slices.Values(in.Events))
			if !slices.Equal(got, slices.Sorted(slices.Values(events))) {
				t.Errorf("intent %s enables %v, want %v", r[0], got, events)
			}
		}
	}

	names := map[string]bool{}
	for _, ev := range spec.Events {
		names[ev.Name] = true
	}
	rows := section(t, facts, "Dispatch events the official docs list", 1)
	for _, r := range rows {
		for _, name := range strings.Fields(r[0]) {
			if !names[name] {
				t.Errorf("event %s is missing", name)
			}
		}
	}
}
