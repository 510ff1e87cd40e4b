package gateway_test

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"

	"github.com/gatewaygen/gatewaygen/examples/adopt/gateway"
)

// received records the events a handler was given.
type received struct {
	types []gateway.EventType
	data  []string
}

func (r *received) handle(t gateway.EventType, data json.RawMessage) {
	r.types = append(r.types, t)
	r.data = append(r.data, string(data))
}

func decode(t *testing.T, payload string) gateway.Message {
	t.Helper()
	var m gateway.Message
	if err := json.Unmarshal([]byte(payload), &m); err != nil {
		t.Fatalf("decoding %s: %v", payload, err)
	}
	return m
}

func TestDispatchToHandlersOfItsType(t *testing.T) {
	var d gateway.Dispatcher
	var created, deleted received
	d.On(gateway.EventTypeMessageCreate, created.handle)
	d.On(gateway.EventTypeMessageDelete, deleted.handle)

	m := decode(t, `{"op":0,"s":42,"t":"MESSAGE_CREATE","d":{"id":"1"}}`)
	if m.Op != gateway.OpcodeDispatch || m.S != 42 || m.T != gateway.EventTypeMessageCreate {
		t.Fatalf("decoded %+v", m)
	}
	if err := d.Handle(m); err != nil {
		t.Fatal(err)
	}
	want := received{types: []gateway.EventType{gateway.EventTypeMessageCreate}, data: []string{`{"id":"1"}`}}
	if !reflect.DeepEqual(created, want) {
		t.Errorf("MESSAGE_CREATE handler got %+v, want %+v", created, want)
	}
	if len(deleted.types) != 0 {
		t.Errorf("MESSAGE_DELETE handler got %v", deleted.types)
	}
}

func TestHandlersRunInOrder(t *testing.T) {
	var d gateway.Dispatcher
	var order []int
	for i := range 3 {
		d.On(gateway.EventTypeReady, func(gateway.EventType, json.RawMessage) { order = append(order, i) })
	}
	if err := d.Handle(decode(t, `{"op":0,"s":1,"t":"READY","d":{}}`)); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(order, []int{0, 1, 2}) {
		t.Errorf("handlers ran in order %v", order)
	}
}

// An event Discord added after this package was written keeps its name: the
// raw handler sees it, and a handler registered under that name gets it.
func TestUnknownEventKeepsItsName(t *testing.T) {
	var d gateway.Dispatcher
	var raw, brandNew received
	d.On(gateway.EventTypeRaw, raw.handle)
	d.On("BRAND_NEW_EVENT", brandNew.handle)

	for _, payload := range []string{
		`{"op":0,"s":1,"t":"GUILD_CREATE","d":{"id":"7"}}`,
		`{"op":0,"s":2,"t":"BRAND_NEW_EVENT","d":[1,2]}`,
	} {
		if err := d.Handle(decode(t, payload)); err != nil {
			t.Fatal(err)
		}
	}
	want := []gateway.EventType{gateway.EventTypeGuildCreate, "BRAND_NEW_EVENT"}
	if !reflect.DeepEqual(raw.types, want) {
		t.Errorf("raw handler got %v, want %v", raw.types, want)
	}
	if !reflect.DeepEqual(brandNew.data, []string{"[1,2]"}) {
		t.Errorf("BRAND_NEW_EVENT handler got %v", brandNew.data)
	}
}

func TestHeartbeatAckIsAPseudoEvent(t *testing.T) {
	var d gateway.Dispatcher
	var acks, raw received
	d.On(gateway.EventTypeHeartbeatAck, acks.handle)
	d.On(gateway.EventTypeRaw, raw.handle)
	if err := d.Handle(decode(t, `{"op":11}`)); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(acks.types, []gateway.EventType{gateway.EventTypeHeartbeatAck}) {
		t.Errorf("heartbeat ACK handler got %v", acks.types)
	}
	if len(raw.types) != 0 {
		t.Errorf("a heartbeat ACK is no dispatch, but the raw handler got %v", raw.types)
	}
}

func TestOtherOpcodesAreIgnored(t *testing.T) {
	var d gateway.Dispatcher
	var raw received
	d.On(gateway.EventTypeRaw, raw.handle)
	for _, op := range []gateway.Opcode{gateway.OpcodeHello, gateway.OpcodeReconnect, gateway.OpcodeInvalidSession, gateway.OpcodeHeartbeat} {
		if err := d.Handle(gateway.Message{Op: op}); err != nil {
			t.Errorf("opcode %d: %v", int(op), err)
		}
	}
	if len(raw.types) != 0 {
		t.Errorf("raw handler got %v", raw.types)
	}
}

func TestDispatchErrors(t *testing.T) {
	var d gateway.Dispatcher
	if err := d.Handle(decode(t, `{"op":0,"s":3,"d":{}}`)); !errors.Is(err, gateway.ErrNoEventType) {
		t.Errorf("dispatch without t: got %v, want ErrNoEventType", err)
	}
	for _, pseudo := range []gateway.EventType{gateway.EventTypeRaw, gateway.EventTypeHeartbeatAck} {
		if err := d.Handle(gateway.Message{Op: gateway.OpcodeDispatch, T: pseudo}); err == nil {
			t.Errorf("dispatch of %s: no error", pseudo)
		}
	}
}

func TestDispatcherIntents(t *testing.T) {
	tests := []struct {
		name   string
		events []gateway.EventType
		want   gateway.Intents
	}{
		{"nothing", nil, gateway.IntentsNone},
		{"sent regardless", []gateway.EventType{gateway.EventTypeReady, gateway.EventTypeResumed, gateway.EventTypeInteractionCreate}, gateway.IntentsNone},
		{"pseudo-events", []gateway.EventType{gateway.EventTypeRaw, gateway.EventTypeHeartbeatAck}, gateway.IntentsNone},
		{"messages", []gateway.EventType{gateway.EventTypeMessageCreate}, gateway.IntentGuildMessages | gateway.IntentDirectMessages},
		{"members and bans", []gateway.EventType{gateway.EventTypeGuildMemberAdd, gateway.EventTypeGuildBanAdd}, gateway.IntentGuildMembers | gateway.IntentGuildModeration},
		{"stickers", []gateway.EventType{gateway.EventTypeGuildStickersUpdate}, gateway.IntentGuildEmojisAndStickers},
		{"typing", []gateway.EventType{gateway.EventTypeTypingStart}, gateway.IntentGuildMessageTyping | gateway.IntentDirectMessageTyping},
		{"unknown event", []gateway.EventType{"BRAND_NEW_EVENT"}, gateway.IntentsNone},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d gateway.Dispatcher
			for _, e := range tt.events {
				d.On(e, func(gateway.EventType, json.RawMessage) {})
			}
			if got := d.Intents(); got != tt.want {
				t.Errorf("Intents() = %#x, want %#x", int64(got), int64(tt.want))
			}
		})
	}
}
