package generator

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/gatewaygen/gatewaygen/generator/internal/namehash"
	"github.com/gatewaygen/gatewaygen/internal/synth"
)

func synthNames(n int) []string {
	names := make([]string, n)
	for i := range names {
		names[i] = synth.Name(i)
	}
	return names
}

// TestHashTable checks that every name gets a slot of its own, the slot its
// hash gives, and that the same names always give the same table.
func TestHashTable(t *testing.T) {
	for _, names := range [][]string{
		{"A"},
		{"A", "AB", "ABC", "ABCDEFG", "ABCDEFGH"},
		synthNames(30),
		synthNames(160),
	} {
		t.Run(fmt.Sprint(len(names)), func(t *testing.T) {
			h := newHashTable(names)
			if h == nil {
				t.Fatal("no table")
			}
			for i, name := range names {
				if got := h.slots[namehash.Hash(name)*h.seed>>(64-h.bits)]; got != i+1 {
					t.Errorf("the slot of %q holds %d, want %d", name, got, i+1)
				}
			}
			used := 0
			for _, i := range h.slots {
				if i > 0 {
					used++
				}
			}
			if used != len(names) {
				t.Errorf("%d slots used for %d names", used, len(names))
			}
			if again := newHashTable(names); !reflect.DeepEqual(h, again) {
				t.Error("two searches found different tables")
			}
		})
	}
}

// TestHashTableGivesUp checks the cases where the Parse function must be a
// switch: names the hash cannot tell apart, and too many names for a table
// that stays in cache.
func TestHashTableGivesUp(t *testing.T) {
	// Equal but for bytes 8 to 15, which a 40-byte name's key does not hold.
	a := "GUILD_SCHEDULED_EVENT_EXCEPTION_CREATE_A"
	b := a[:8] + "XXXXXXXX" + a[16:]
	if h := newHashTable([]string{a, b, "READY"}); h != nil {
		t.Errorf("found a table for %q and %q", a, b)
	}
	if h := newHashTable(synthNames(2000)); h != nil {
		t.Errorf("found a table of %d slots for 2000 names", len(h.slots))
	}
}
