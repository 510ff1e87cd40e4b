package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gatewaygen/gatewaygen/model"
)

// decodeIR reads the output of gatewaygen ir.
func decodeIR(t *testing.T, ir string) *model.Spec {
	t.Helper()
	var spec model.Spec
	if err := json.Unmarshal([]byte(ir), &spec); err != nil {
		t.Fatalf("ir output: %v\n%s", err, ir)
	}
	return &spec
}

// The fixtures disagree as the official docs and the community's do: voice
// opcode 21 and intent 3 have other names in each.
const officialDoc, communityDoc = "testdata/merge-official.mdx", "testdata/merge-community.md"

// With --merge first-wins, the official docs first and the community's
// after give one package with the official names and the community's
// extra entries, and every value overridden is one line on stderr with
// both positions.
func TestMergeFirstWinsFlag(t *testing.T) {
	out := t.TempDir()
	code, stdout, stderr := gatewaygen(t, "generate", "--merge", "first-wins", "--spec", officialDoc, "--spec", communityDoc, "--out", out)
	if code != exitOK {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	wantWarnings := communityDoc + ":18: intent 3 is GUILD_EMOJIS_AND_STICKERS here but GUILD_EXPRESSIONS at " + officialDoc + ":28, which wins\n" +
		communityDoc + ":26: voice opcode 21 is DAVE_PROTOCOL_PREPARE_TRANSITION here but DAVE_PREPARE_TRANSITION at " + officialDoc + ":40, which wins\n"
	if stderr != wantWarnings {
		t.Errorf("stderr:\n%s\nwant:\n%s", stderr, wantWarnings)
	}
	if !strings.HasPrefix(stdout, out+": ") {
		t.Errorf("stdout %q: want the status line", stdout)
	}
	voice := readFile(t, filepath.Join(out, "voice_gen.go"))
	intents := readFile(t, filepath.Join(out, "intents_gen.go"))
	for _, want := range []string{
		"VoiceOpcodeDAVEPrepareTransition VoiceOpcode = 21", // the official name
		"VoiceOpcodeClientFlags VoiceOpcode = 12",           // the community's extra entry
		"VoiceCloseCodeDisconnectedRateLimited VoiceCloseCode = 4021",
	} {
		if !strings.Contains(voice, want) {
			t.Errorf("voice_gen.go lacks %q", want)
		}
	}
	if strings.Contains(voice, "DAVEProtocolPrepareTransition") {
		t.Error("voice_gen.go has the community's name of voice opcode 21")
	}
	if !strings.Contains(intents, "IntentGuildExpressions Intent = 1 << 3") || strings.Contains(intents, "EmojisAndStickers") {
		t.Error("intents_gen.go lacks the official name of intent 3, or has the community's")
	}

	// The IR keeps both rows, and says where 4014's reconnect flag comes
	// from: the official explanation.
	_, ir, _ := gatewaygen(t, "ir", "--merge", "first-wins", "--spec", officialDoc, "--spec", communityDoc)
	spec := decodeIR(t, ir)
	if got, want := fmt.Sprint(spec.VoiceOpcodes[3].Code, spec.VoiceOpcodes[3].Sources), "21 ["+officialDoc+":40 "+communityDoc+":26]"; got != want {
		t.Errorf("voice opcode 21: %s, want %s", got, want)
	}
	if c := spec.VoiceCloseCodes[0]; c.Code != 4014 || c.Reconnect == nil || *c.Reconnect || c.ReconnectFrom != "text" {
		t.Errorf("voice close code %d: reconnect %v from %q, want 4014 false from text", c.Code, c.Reconnect, c.ReconnectFrom)
	}

	// Strict, the default, refuses the same documents.
	code, _, stderr = gatewaygen(t, "validate", "--spec", officialDoc, "--spec", communityDoc)
	if want := strings.ReplaceAll(wantWarnings, ", which wins", ""); code != exitError || stderr != want {
		t.Errorf("strict: exit %d, stderr:\n%s\nwant exit %d and:\n%s", code, stderr, exitError, want)
	}
}

func TestMergeAndReconnectFlagErrors(t *testing.T) {
	const page = "../../parser/testdata/opcodes-and-status-codes.mdx"
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--merge", "last-wins"}, exitUsage, "gatewaygen: --merge \"last-wins\": want strict or first-wins\nRun 'gatewaygen validate --help' for usage.\n"},
		{[]string{"--reconnect", "voice_close_codes:4014"}, exitError, "--reconnect voice_close_codes:4014: want TABLE:CODE=true or TABLE:CODE=false, such as close_codes:4008=false\n"},
		{[]string{"--reconnect", "voice_close_codes:4014=maybe"}, exitError, "--reconnect voice_close_codes:4014=maybe: want TABLE:CODE=true or TABLE:CODE=false, such as close_codes:4008=false\n"},
		{[]string{"--reconnect", "voice_close_codes:4014=true", "--reconnect", "voice_close_codes:4014=false"}, exitError, "--reconnect voice_close_codes:4014=false: voice_close_codes:4014 is already set to true\n"},
		{[]string{"--reconnect", "voice_opcodes:5=true"}, exitError, "--reconnect voice_opcodes:5=true: \"voice_opcodes\" is not a table of close codes: want close_codes, voice_close_codes\n"},
		{[]string{"--reconnect", "close_codes:4014x=true"}, exitError, "--reconnect close_codes:4014x=true: \"4014x\" is not a close code\n"},
		{[]string{"--reconnect", "voice_close_codes:4004=false"}, exitError, "--reconnect voice_close_codes:4004=false: the specs have no voice close code 4004\n"},
		{[]string{"--reconnect", "voice_close_codes:4014=true", "--reconnect", "voice_close_codes:4014=true"}, exitOK, ""},
	} {
		args := append([]string{"validate", "--spec", page}, tt.args...)
		code, _, stderr := gatewaygen(t, args...)
		if code != tt.code || stderr != tt.want {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tt.args, code, stderr, tt.code, tt.want)
		}
	}
}

// --reconnect sets a close code's reconnect flag over the docs', in the
// generated code too.
func TestReconnectFlag(t *testing.T) {
	const page = "../../parser/testdata/opcodes-and-status-codes.mdx"
	out := t.TempDir()
	mustRun(t, "generate", "--spec", page, "--out", out, "--reconnect", "voice_close_codes:4021=true", "--reconnect", "close_codes:4000=false")
	voice := readFile(t, filepath.Join(out, "voice_gen.go"))
	closeCodes := readFile(t, filepath.Join(out, "close_codes_gen.go"))
	_, ir, _ := gatewaygen(t, "ir", "--spec", page, "--reconnect", "voice_close_codes:4021=true")
	var got []string
	for _, c := range decodeIR(t, ir).VoiceCloseCodes {
		r := "nil"
		if c.Reconnect != nil {
			r = fmt.Sprint(*c.Reconnect)
		}
		got = append(got, fmt.Sprintf("%d:%s/%s", c.Code, r, c.ReconnectFrom))
	}
	// 4014 and 4022 say not to reconnect; 4021 does too, but the flag says
	// otherwise.
	if g, w := strings.Join(got, " "), "4001:nil/ 4014:false/text 4017:nil/ 4021:true/override 4022:false/text"; g != w {
		t.Errorf("voice close codes' reconnect: %s, want %s", g, w)
	}
	for _, tt := range []struct{ text, want string }{
		{voice, `// VoiceCloseCodeDisconnected is "Disconnected", code 4014. A client should not`},
		{voice, "// 4021. Too many requests; do not reconnect.\n\tVoiceCloseCodeDisconnectedRateLimited VoiceCloseCode = 4021"},
		{closeCodes, `"Something went wrong; try reconnecting.", false},`},
	} {
		if !strings.Contains(tt.text, tt.want) {
			t.Errorf("output lacks\n%s", tt.want)
		}
	}
}

// --name addresses one table as TABLE:KEY; a key without a table that two
// tables have is refused, naming both.
func TestNamesPerTable(t *testing.T) {
	out := t.TempDir()
	mustRun(t, "generate", "--out", out, "--name", "opcodes:HEARTBEAT_ACK=HeartbeatAck", "--name", "voice_opcodes:HEARTBEAT=VoiceBeat",
		"--name", "close_codes:4003=NotAuthenticated2", "--name", "events:PRESENCE_UPDATE=Presence")
	for file, wants := range map[string][]string{
		"opcodes_gen.go":     {"OpcodeHeartbeatAck Opcode = 11", "OpcodeHeartbeat Opcode = 1", "OpcodePresenceUpdate Opcode = 3"},
		"voice_gen.go":       {"VoiceOpcodeVoiceBeat VoiceOpcode = 3", "VoiceOpcodeHeartbeatACK VoiceOpcode = 6"},
		"close_codes_gen.go": {"CloseCodeNotAuthenticated2 CloseCode = 4003"},
		"events_gen.go":      {"EventPresence Event = "},
	} {
		text := readFile(t, filepath.Join(out, file))
		for _, want := range wants {
			if !strings.Contains(text, want) {
				t.Errorf("%s lacks %q", file, want)
			}
		}
	}
	for _, tt := range []struct {
		name, want string
	}{
		{"HEARTBEAT=Beat", "--name HEARTBEAT=Beat: HEARTBEAT is both the opcode at specs/gateway.md:8 and the voice opcode at specs/gateway-protocol.md:135: write opcodes:HEARTBEAT or voice_opcodes:HEARTBEAT\n"},
		{"PRESENCE_UPDATE=Presence", "--name PRESENCE_UPDATE=Presence: PRESENCE_UPDATE is both the opcode at specs/gateway.md:10 and the event at specs/gateway.md:129: write opcodes:PRESENCE_UPDATE or events:PRESENCE_UPDATE\n"},
		{"opcodes:HEARTBEAT_AK=Ack", "--name opcodes:HEARTBEAT_AK=Ack: the specs have no opcode HEARTBEAT_AK\n"},
		{"opcode:HEARTBEAT_ACK=Ack", "--name opcode:HEARTBEAT_ACK=Ack: no table \"opcode\": want opcodes, events, close_codes, voice_opcodes, voice_close_codes, intents\n"},
		{"4003=NotAuthenticated", "--name 4003=NotAuthenticated: 4003 is a code, which only a close code table's entries go by: write close_codes:4003 or voice_close_codes:4003\n"},
	} {
		code, _, stderr := gatewaygen(t, "validate", "--name", tt.name)
		if code != exitError || stderr != tt.want {
			t.Errorf("--name %s: exit %d, stderr %q; want %q", tt.name, code, stderr, tt.want)
		}
	}
}
