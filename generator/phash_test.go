package generator

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/gatewaygen/gatewaygen/internal/synth"
)

func synthNames(n int) []string {
	names := make([]string, n)
	for i := range names {
		names[i] = synth.Name(i)
	}
	return names
}

// TestPerfectHash looks up every name, and names that are almost the same
// (equal length, equal hashed words, prefixes), in tables of every size.
func TestPerfectHash(t *testing.T) {
	for _, n := range []int{1, 2, 3, 29, 130, 1000, 10000, 100000} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			names := synthNames(n)
			if n < 30 {
				names = append(names[:n-min(n, 3)], []string{"A", "AB", "ABCDE"}[:min(n, 3)]...)
			}
			p := newPerfectHash(names)
			if p == nil {
				t.Fatal("no perfect hash")
			}
			for i, name := range names {
				if got := p.lookup(names, name); got != i {
					t.Errorf("lookup(%q) = %d, want %d", name, got, i)
				}
				for _, miss := range []string{"", name[:len(name)-1], name + "_", strings.ToLower(name), "X" + name[1:]} {
					if got := p.lookup(names, miss); got >= 0 && names[got] != miss {
						t.Errorf("lookup(%q) = %d (%q)", miss, got, names[got])
					}
				}
			}
		})
	}
}

func TestPerfectHashShape(t *testing.T) {
	for _, tt := range []struct {
		n      int
		direct bool
	}{
		{29, true},    // the opcodes of the Gateway page
		{130, true},   // its events
		{2000, false}, // too many for one level in cache
	} {
		p := newPerfectHash(synthNames(tt.n))
		if p == nil {
			t.Fatalf("%d names: no perfect hash", tt.n)
		}
		if direct := p.bucketBits == 0; direct != tt.direct {
			t.Errorf("%d names: single level %v, want %v", tt.n, direct, tt.direct)
		}
		if q := newPerfectHash(synthNames(tt.n)); !reflect.DeepEqual(p, q) {
			t.Errorf("%d names: two searches found different tables", tt.n)
		}
	}
}

// TestPerfectHashGivesUp checks that names the hash cannot tell apart make
// the generator fall back instead of searching forever.
func TestPerfectHashGivesUp(t *testing.T) {
	// Equal but for bytes 8 to 15, which a 40-byte name's hash does not read.
	a := "GUILD_SCHEDULED_EVENT_EXCEPTION_CREATE_A"
	b := a[:8] + "XXXXXXXX" + a[16:]
	if p := newPerfectHash([]string{a, b, "READY"}); p != nil {
		t.Errorf("found a perfect hash of %q and %q", a, b)
	}
}
