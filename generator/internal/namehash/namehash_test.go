package namehash

import "testing"

// TestHashReadsEnough checks the property the tables rely on: names that
// differ in length, or in any byte of short names, or in the first, middle
// or last eight bytes of long ones, hash differently.
func TestHashReadsEnough(t *testing.T) {
	for _, tt := range [][2]string{
		{"", "A"},
		{"A", "B"},
		{"AB", "AC"},
		{"ABC", "ABD"},
		{"ABCD", "ABCE"},
		{"READY", "READZ"},
		{"RESUMED", "RESUMEE"},
		{"HEARTBEAT", "HEARTBEAT_"},
		{"MESSAGE_CREATE", "MESSAGE_DELETE"},
		{"GUILD_SCHEDULED_EVENT_USER_ADD", "GUILD_SCHEDULED_EVENT_USER_ADX"},
	} {
		if Hash(tt[0]) == Hash(tt[1]) || keyOf(tt[0]) == keyOf(tt[1]) {
			t.Errorf("Hash(%q) == Hash(%q)", tt[0], tt[1])
		}
	}
}

// TestKeyIsTheName checks that names of up to 24 bytes with equal keys are
// equal: changing any one byte changes the key.
func TestKeyIsTheName(t *testing.T) {
	const name = "ABCDEFGHIJKLMNOPQRSTUVWX"
	for n := 0; n <= len(name); n++ {
		for i := range n {
			b := []byte(name[:n])
			b[i] ^= 0x20
			if keyOf(name[:n]) == keyOf(string(b)) {
				t.Errorf("%q and %q have the same key", name[:n], b)
			}
		}
	}
}
