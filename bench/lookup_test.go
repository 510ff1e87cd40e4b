package bench

import (
	"strings"
	"testing"

	"github.com/gatewaygen/gatewaygen/generated/gateway"
)

// mix returns what a client parses: every name the spec lists, and one name
// in eight that it does not (a future event, near misses, another case, the
// empty name), each a copy, as a decoder hands names over, so that no
// comparison can succeed by finding the package's own string.
func mix(known []string) []string {
	var names []string
	for i, name := range known {
		names = append(names, strings.Clone(name))
		if i%8 == 7 {
			switch i / 8 % 4 {
			case 0:
				names = append(names, name+"_V2")
			case 1:
				names = append(names, strings.ToLower(name))
			case 2:
				names = append(names, name[:len(name)-1]+"X")
			case 3:
				names = append(names, "")
			}
		}
	}
	return names
}

var (
	sinkEvent  gateway.Event
	sinkOpcode gateway.Opcode
)

// BenchmarkParseEvent parses the mix with ParseEvent, and with a
// map[string]Event of the same names; ns/op is for the whole mix.
func BenchmarkParseEvent(b *testing.B) {
	var known []string
	m := make(map[string]gateway.Event)
	for _, ev := range gateway.Events() {
		known = append(known, ev.String())
		m[ev.String()] = ev
	}
	names := mix(known)
	b.Run("impl=map", func(b *testing.B) {
		b.ReportAllocs()
		var sink gateway.Event
		for b.Loop() {
			for _, name := range names {
				if ev, ok := m[name]; ok {
					sink += ev
				}
			}
		}
		sinkEvent = sink
	})
	b.Run("impl=gatewaygen", func(b *testing.B) {
		b.ReportAllocs()
		var sink gateway.Event
		for b.Loop() {
			for _, name := range names {
				if ev, ok := gateway.ParseEvent(name); ok {
					sink += ev
				}
			}
		}
		sinkEvent = sink
	})
}

// BenchmarkParseOpcode is BenchmarkParseEvent for opcodes.
func BenchmarkParseOpcode(b *testing.B) {
	var known []string
	m := make(map[string]gateway.Opcode)
	for _, op := range gateway.Opcodes() {
		known = append(known, op.String())
		m[op.String()] = op
	}
	names := mix(known)
	b.Run("impl=map", func(b *testing.B) {
		b.ReportAllocs()
		var sink gateway.Opcode
		for b.Loop() {
			for _, name := range names {
				if op, ok := m[name]; ok {
					sink += op
				}
			}
		}
		sinkOpcode = sink
	})
	b.Run("impl=gatewaygen", func(b *testing.B) {
		b.ReportAllocs()
		var sink gateway.Opcode
		for b.Loop() {
			for _, name := range names {
				if op, ok := gateway.ParseOpcode(name); ok {
					sink += op
				}
			}
		}
		sinkOpcode = sink
	})
}

// TestMix checks that the map and the Parse functions agree on the mix, so
// that both benchmarks do the same work.
func TestMix(t *testing.T) {
	var known []string
	m := make(map[string]gateway.Event)
	for _, ev := range gateway.Events() {
		known = append(known, ev.String())
		m[ev.String()] = ev
	}
	misses := 0
	for _, name := range mix(known) {
		want, wantOK := m[name]
		if !wantOK {
			misses++
		}
		if ev, ok := gateway.ParseEvent(name); ev != want || ok != wantOK {
			t.Errorf("ParseEvent(%q) = %v, %v; the map gives %v, %v", name, ev, ok, want, wantOK)
		}
	}
	if misses == 0 {
		t.Error("the mix has no names the spec lacks")
	}
}
