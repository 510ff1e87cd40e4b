// Package synth makes synthetic Gateway specs of any size, for the
// benchmarks that check the generator scales linearly and that the generated
// lookups stay fast with many names. The specs are made on demand, never
// committed.
package synth

import (
	"bytes"
	"fmt"
	"strconv"
)

// The words names are made of, so that the names look like Discord's: upper
// snake case, sharing prefixes (GUILD_...) and suffixes (..._UPDATE), of
// lengths from a few bytes to over forty.
var (
	nouns = []string{
		"GUILD", "CHANNEL", "MESSAGE", "THREAD", "MEMBER", "ROLE", "EMOJI", "STICKER",
		"INVITE", "VOICE", "STAGE", "WEBHOOK", "INTEGRATION", "APPLICATION", "COMMAND",
		"ENTITLEMENT", "SUBSCRIPTION", "PRESENCE", "TYPING", "USER", "SESSION", "CALL",
		"LOBBY", "STREAM", "ACTIVITY", "REACTION", "POLL", "VOTE", "SOUNDBOARD", "SOUND",
		"SCHEDULED", "EVENT", "AUTO", "MODERATION", "RULE", "AUDIT", "LOG", "ENTRY",
		"RELATIONSHIP", "FRIEND",
	}
	verbs = []string{
		"CREATE", "UPDATE", "DELETE", "ADD", "REMOVE", "SYNC", "ACK", "START",
		"STOP", "BULK", "EXECUTION", "CHUNK",
	}
)

// Name returns the i'th synthetic wire name; distinct i give distinct names.
func Name(i int) string {
	n, v := len(nouns), len(verbs)
	name := nouns[i%n] + "_" + nouns[i/n%n] + "_" + verbs[i/(n*n)%v]
	if round := i / (n * n * v); round > 0 {
		name += "_V" + strconv.Itoa(round+1)
	}
	return name
}

// Markdown returns a Gateway document with the given numbers of events and
// opcodes, in the table format of the Gateway page. Opcode codes are dense
// from 0.
func Markdown(events, opcodes int) []byte {
	var b bytes.Buffer
	b.WriteString("# Synthetic Gateway\n\n")
	if opcodes > 0 {
		b.WriteString("## Gateway opcodes\n\n| Code | Name | Sent by | Description |\n|------|------|---------|-------------|\n")
		senders := []string{"client", "server", "client/server", ""}
		for i := range opcodes {
			fmt.Fprintf(&b, "| %d | OP_%s | %s | Synthetic opcode number %d. |\n", i, Name(i), senders[i%len(senders)], i)
		}
		b.WriteString("\n")
	}
	if events > 0 {
		b.WriteString("## Gateway dispatch events\n\n| Name | Description |\n|------|-------------|\n")
		for i := range events {
			if i%3 == 0 {
				fmt.Fprintf(&b, "| %s | |\n", Name(i))
			} else {
				fmt.Fprintf(&b, "| %s | Something happened to thing %d |\n", Name(i), i)
			}
		}
	}
	return b.Bytes()
}
