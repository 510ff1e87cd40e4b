package bot

import (
	"math/bits"
	"testing"

	"github.com/gatewaygen/gatewaygen/examples/bot/gateway"
)

// TestTables counts what the generated package holds of the tables in
// docs/gateway-protocol.md, so that a copy of the docs that loses (or gains)
// rows shows up here as well as in the diff of the generated package.
func TestTables(t *testing.T) {
	count := func(name string, got, want int) {
		t.Helper()
		if got != want {
			t.Errorf("%s: %d, want %d", name, got, want)
		}
	}

	var noReconnect int
	for _, c := range gateway.CloseCodes() {
		if !c.CanReconnect() {
			noReconnect++
		}
	}
	count("close codes", len(gateway.CloseCodes()), 14)
	count("close codes after which not to reconnect", noReconnect, 6)
	if c := gateway.CloseCodeAuthenticationFailed; c.CanReconnect() || c.String() != "Authentication failed" {
		t.Errorf("%d: %q, CanReconnect %v; want \"Authentication failed\", false", int(c), c, c.CanReconnect())
	}

	var binary []int
	for _, op := range gateway.VoiceOpcodes() {
		if op.Binary() {
			binary = append(binary, int(op))
		}
	}
	count("voice opcodes", len(gateway.VoiceOpcodes()), 23)
	count("binary voice opcodes", len(binary), 6)
	for i, code := range binary {
		if code != 25+i {
			t.Errorf("binary voice opcodes are %v, want 25 to 30", binary)
			break
		}
	}
	count("voice close codes", len(gateway.VoiceCloseCodes()), 16)

	count("intents", len(gateway.Intents()), 21)
	count("bits of IntentsAll", bits.OnesCount64(uint64(gateway.IntentsAll)), 21)
	count("privileged intents", bits.OnesCount64(uint64(gateway.IntentsPrivileged)), 3)

	var behindIntent int
	for _, e := range gateway.Events() {
		if e.Intents() != 0 {
			behindIntent++
		}
	}
	count("events behind some intent", behindIntent, 63)
	if got := gateway.IntentsAll.Events(); len(got) != behindIntent {
		t.Errorf("IntentsAll.Events() has %d events, want %d", len(got), behindIntent)
	}
}
