package main

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestNamingFlags(t *testing.T) {
	out := t.TempDir()
	mustRun(t, "generate", "--spec", "testdata/v1.md", "--out", out, "--package", "discord",
		"--opcode-type", "Op", "--event-type", "EventType", "--sender-type", "Side",
		"--initialisms", "PINS", "--initialisms=SYNC, XYZ",
		"--name", "MESSAGE_CREATE=MsgCreate", "--name", "HELLO = Hi")
	opcodes := readFile(t, filepath.Join(out, "gateway_gen.go")) + readFile(t, filepath.Join(out, "opcodes_gen.go"))
	events := readFile(t, filepath.Join(out, "events_gen.go"))
	for _, want := range []string{
		"package discord",
		"type Op int",
		"type Side uint8",
		"SideClient Side = 1 << iota",
		"OpHi Op = 10",
		"OpGuildSYNC Op = 12",
		"func ParseOp(name string) (Op, bool)",
	} {
		if !strings.Contains(opcodes, want) {
			t.Errorf("opcodes_gen.go lacks %q", want)
		}
	}
	for _, want := range []string{
		"type EventType uint16",
		"EventTypeMsgCreate",
		"EventTypeChannelPINSACK",
		"MaxEventType = EventTypeChannelPINSACK",
	} {
		if !strings.Contains(events, want) {
			t.Errorf("events_gen.go lacks %q", want)
		}
	}
	// check must be given the same flags to agree.
	mustRun(t, "check", "--spec", "testdata/v1.md", "--out", out, "--package", "discord",
		"--opcode-type", "Op", "--event-type", "EventType", "--sender-type", "Side",
		"--initialisms", "PINS,SYNC,XYZ", "--name", "MESSAGE_CREATE=MsgCreate", "--name", "HELLO=Hi")
	if code, _, _ := gatewaygen(t, "check", "--spec", "testdata/v1.md", "--out", out, "--package", "discord"); code != exitError {
		t.Errorf("check with other names: exit %d, want %d", code, exitError)
	}
}

func TestNamingFlagErrors(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--opcode-type", "op"}, `--opcode-type "op": not an exported Go identifier`},
		{[]string{"--event-type", "Event Type"}, `--event-type "Event Type": not an exported Go identifier`},
		{[]string{"--opcode-type", "Kind", "--event-type", "Kind"}, `--event-type "Kind": also the name of the type of the opcodes`},
		{[]string{"--initialisms", "S-K-U"}, `--initialisms: initialism "S-K-U": want letters and digits only`},
		{[]string{"--name", "MESSAGE_CREATE"}, `--name MESSAGE_CREATE: want KEY=GoName or TABLE:KEY=GoName, such as MESSAGE_CREATE=MsgCreate or opcodes:HEARTBEAT_ACK=HeartbeatAck`},
		{[]string{"--name", "MESSAGE_CREATE=msgCreate"}, `--name MESSAGE_CREATE=msgCreate: "msgCreate" is not a Go identifier starting with an upper-case ASCII letter`},
		{[]string{"--name", "READY=A", "--name", "READY=B"}, `--name READY=B: READY already has the name A (--name READY=A)`},
		{[]string{"--name", "MESAGE_CREATE=MsgCreate"}, `--name MESAGE_CREATE=MsgCreate: the specs have no entry named MESAGE_CREATE (opcodes, events, voice opcodes and intents go by wire name, close codes and voice close codes by code or by the UPPER_SNAKE form of their name; TABLE:MESAGE_CREATE addresses one table)`},
		{[]string{"--name", "READY=MessageCreate"}, `testdata/v1.md:19: event MESSAGE_CREATE becomes the Go name MessageCreate, as the event at testdata/v1.md:17 does`},
		{[]string{"--name", "HELLO=Unknown", "--event-type", "Opcode", "--opcode-type", "Op"}, ""},
	} {
		args := append([]string{"generate", "--spec", "testdata/v1.md", "--out", t.TempDir()}, tt.args...)
		code, _, stderr := gatewaygen(t, args...)
		if tt.want == "" {
			if code != exitOK {
				t.Errorf("%v: exit %d, want 0:\n%s", tt.args, code, stderr)
			}
			continue
		}
		if code != exitError || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, stderr:\n%s\nwant exit %d and %q", tt.args, code, stderr, exitError, tt.want)
		}
	}
}

// --name addresses every table: voice opcodes and intents by wire name,
// close codes by the wire form of their name or by table and code, which
// alone tells two codes with one name apart; a key that names nothing is
// an error.
func TestNameOverridesNewTables(t *testing.T) {
	const page = "../../parser/testdata/opcodes-and-status-codes.mdx"
	_, stdout, _ := gatewaygen(t, "ir", "--spec", page, "--spec", "../../parser/testdata/gateway-intents.mdx",
		"--name", "INVALID_SEQ=BadSeq", "--name", "close_codes:4004=AuthFailed",
		"--name", "voice_close_codes:4022=CallEnded", "--name", "DAVE_MLS_KEY_PACKAGE=KeyPackage",
		"--name", "GUILD_MEMBERS=Members")
	for _, want := range []string{`"go_name": "BadSeq"`, `"go_name": "AuthFailed"`, `"go_name": "CallEnded"`, `"go_name": "KeyPackage"`, `"go_name": "Members"`, `"go_name": "DisconnectedRateLimited"`} {
		if !strings.Contains(stdout, want) {
			t.Errorf("ir output lacks %s", want)
		}
	}
	for _, tt := range []struct{ name, want string }{
		{"close_codes:4022=X", "--name close_codes:4022=X: the specs have no close code 4022\n"},
		{"voice_close_codes:4004=X", "--name voice_close_codes:4004=X: the specs have no voice close code 4004\n"},
		{"INVALID_SEQUENCE=X", "--name INVALID_SEQUENCE=X: the specs have no entry named INVALID_SEQUENCE (opcodes, events, voice opcodes and intents go by wire name, close codes and voice close codes by code or by the UPPER_SNAKE form of their name; TABLE:INVALID_SEQUENCE addresses one table)\n"},
	} {
		code, _, stderr := gatewaygen(t, "ir", "--spec", page, "--name", tt.name)
		if code != exitError || stderr != tt.want {
			t.Errorf("--name %s: exit %d, stderr %q; want %q", tt.name, code, stderr, tt.want)
		}
	}
}
