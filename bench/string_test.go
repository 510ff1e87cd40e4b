package bench

import (
	"testing"

	"github.com/gatewaygen/gatewaygen/bench/stringerbase"
	"github.com/gatewaygen/gatewaygen/generated/gateway"
)

var sinkLen int

// The String benchmarks repeat one loop per type on purpose: a generic
// helper would call String through the type parameter's dictionary, which
// stops the inlining being measured.

// BenchmarkOpcodeString calls String on every opcode the spec lists, and on
// the same constants with stringer's String method.
func BenchmarkOpcodeString(b *testing.B) {
	ops := gateway.Opcodes()
	base := make([]stringerbase.Opcode, len(ops))
	for i, op := range ops {
		base[i] = stringerbase.Opcode(op)
	}
	b.Run("impl=stringer", func(b *testing.B) {
		b.ReportAllocs()
		n := 0
		for b.Loop() {
			for _, op := range base {
				n += len(op.String())
			}
		}
		sinkLen = n
	})
	b.Run("impl=gatewaygen", func(b *testing.B) {
		b.ReportAllocs()
		n := 0
		for b.Loop() {
			for _, op := range ops {
				n += len(op.String())
			}
		}
		sinkLen = n
	})
}

// BenchmarkEventString is BenchmarkOpcodeString for events.
func BenchmarkEventString(b *testing.B) {
	evs := gateway.Events()
	base := make([]stringerbase.Event, len(evs))
	for i, ev := range evs {
		base[i] = stringerbase.Event(ev)
	}
	b.Run("impl=stringer", func(b *testing.B) {
		b.ReportAllocs()
		n := 0
		for b.Loop() {
			for _, ev := range base {
				n += len(ev.String())
			}
		}
		sinkLen = n
	})
	b.Run("impl=gatewaygen", func(b *testing.B) {
		b.ReportAllocs()
		n := 0
		for b.Loop() {
			for _, ev := range evs {
				n += len(ev.String())
			}
		}
		sinkLen = n
	})
}

// BenchmarkSenderString is BenchmarkOpcodeString for the four senders.
func BenchmarkSenderString(b *testing.B) {
	senders := []gateway.Sender{0, gateway.SenderClient, gateway.SenderServer, gateway.SenderClient | gateway.SenderServer}
	base := make([]stringerbase.Sender, len(senders))
	for i, s := range senders {
		base[i] = stringerbase.Sender(s)
	}
	b.Run("impl=stringer", func(b *testing.B) {
		b.ReportAllocs()
		n := 0
		for b.Loop() {
			for _, s := range base {
				n += len(s.String())
			}
		}
		sinkLen = n
	})
	b.Run("impl=gatewaygen", func(b *testing.B) {
		b.ReportAllocs()
		n := 0
		for b.Loop() {
			for _, s := range senders {
				n += len(s.String())
			}
		}
		sinkLen = n
	})
}

// TestBaseline checks that the baseline is in step with package gateway: the
// same values, with the same names. If it fails, run go generate in
// bench/stringerbase.
func TestBaseline(t *testing.T) {
	for _, op := range gateway.Opcodes() {
		if got, want := stringerbase.Opcode(op).String(), op.String(); got != want {
			t.Errorf("stringerbase.Opcode(%d) = %q, want %q", int(op), got, want)
		}
	}
	for _, ev := range gateway.Events() {
		if got, want := stringerbase.Event(ev).String(), ev.String(); got != want {
			t.Errorf("stringerbase.Event(%d) = %q, want %q", ev, got, want)
		}
	}
	if got, want := stringerbase.Event(gateway.MaxEvent+1).String(), (gateway.MaxEvent + 1).String(); got != want {
		t.Errorf("stringerbase.Event(MaxEvent+1) = %q, want %q: the baseline has other events", got, want)
	}
	for s := range gateway.Sender(4) {
		if got, want := stringerbase.Sender(s).String(), s.String(); got != want {
			t.Errorf("stringerbase.Sender(%d) = %q, want %q", s, got, want)
		}
	}
}
