package bench

import (
	"testing"

	"github.com/gatewaygen/gatewaygen/bench/strgateway"
)

var (
	sinkInt     int
	sinkIntents strgateway.Intents
)

// eventTypeMix returns the mix of names a client looks up (see mix) as
// events, and a map of every event the spec lists to its intents.
func eventTypeMix() ([]strgateway.EventType, map[strgateway.EventType]strgateway.Intents) {
	var known []string
	m := make(map[strgateway.EventType]strgateway.Intents)
	for _, e := range strgateway.EventTypes() {
		known = append(known, string(e))
		m[e] = e.Intents()
	}
	var events []strgateway.EventType
	for _, name := range mix(known) {
		events = append(events, strgateway.EventType(name))
	}
	return events, m
}

// BenchmarkEventTypeIsKnown looks the mix up with IsKnown of events as
// strings, and in a map[EventType]Intents of the same events; ns/op is for
// the whole mix.
func BenchmarkEventTypeIsKnown(b *testing.B) {
	events, m := eventTypeMix()
	b.Run("impl=map", func(b *testing.B) {
		b.ReportAllocs()
		sink := 0
		for b.Loop() {
			for _, e := range events {
				if _, ok := m[e]; ok {
					sink++
				}
			}
		}
		sinkInt = sink
	})
	b.Run("impl=gatewaygen", func(b *testing.B) {
		b.ReportAllocs()
		sink := 0
		for b.Loop() {
			for _, e := range events {
				if e.IsKnown() {
					sink++
				}
			}
		}
		sinkInt = sink
	})
}

// BenchmarkEventTypeIntents is BenchmarkEventTypeIsKnown for the intents
// of each event.
func BenchmarkEventTypeIntents(b *testing.B) {
	events, m := eventTypeMix()
	b.Run("impl=map", func(b *testing.B) {
		b.ReportAllocs()
		var sink strgateway.Intents
		for b.Loop() {
			for _, e := range events {
				sink |= m[e]
			}
		}
		sinkIntents = sink
	})
	b.Run("impl=gatewaygen", func(b *testing.B) {
		b.ReportAllocs()
		var sink strgateway.Intents
		for b.Loop() {
			for _, e := range events {
				sink |= e.Intents()
			}
		}
		sinkIntents = sink
	})
}

// TestEventTypeMix checks that the map and the methods agree on the mix,
// so that both benchmarks do the same work.
func TestEventTypeMix(t *testing.T) {
	events, m := eventTypeMix()
	misses := 0
	for _, e := range events {
		in, ok := m[e]
		if e.IsKnown() != ok || e.Intents() != in {
			t.Errorf("%q: IsKnown %v, Intents %v; the map says %v, %v", e, e.IsKnown(), e.Intents(), ok, in)
		}
		if !ok {
			misses++
		}
	}
	if misses == 0 {
		t.Error("the mix has no name the spec does not list")
	}
}
