package gateway

// These tests exercise the committed generated package as a user would. They
// are hand-written; gatewaygen never writes or deletes *_test.go files.

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestCounts(t *testing.T) {
	if got := len(Opcodes()); got != 29 {
		t.Errorf("len(Opcodes()) = %d, want the Gateway page's 29", got)
	}
	if got := len(Events()); got != 130 {
		t.Errorf("len(Events()) = %d, want the Gateway page's 130", got)
	}
	if int(MaxEvent) != len(Events()) {
		t.Errorf("MaxEvent = %d, want %d", MaxEvent, len(Events()))
	}
}

func TestOpcodeValues(t *testing.T) {
	for _, tt := range []struct {
		op     Opcode
		code   int
		name   string
		sentBy Sender
	}{
		{OpcodeDispatch, 0, "DISPATCH", SenderServer},
		{OpcodeHeartbeat, 1, "HEARTBEAT", SenderClient | SenderServer},
		{OpcodeIdentify, 2, "IDENTIFY", SenderClient},
		{OpcodeVoiceServerPing, 5, "VOICE_SERVER_PING", 0},
		{OpcodeHello, 10, "HELLO", SenderServer},
		{OpcodeHeartbeatACK, 11, "HEARTBEAT_ACK", SenderServer},
		{OpcodeCallConnect, 13, "CALL_CONNECT", 0},
		{OpcodeGetDeletedEntityIDsNotMatchingHash, 30, "GET_DELETED_ENTITY_IDS_NOT_MATCHING_HASH", 0},
	} {
		if int(tt.op) != tt.code {
			t.Errorf("%s = %d, want %d", tt.name, int(tt.op), tt.code)
		}
		if got := tt.op.String(); got != tt.name {
			t.Errorf("Opcode(%d).String() = %q, want %q", tt.code, got, tt.name)
		}
		if got := tt.op.SentBy(); got != tt.sentBy {
			t.Errorf("%s.SentBy() = %v, want %v", tt.name, got, tt.sentBy)
		}
	}
	if got := OpcodeDispatch.Description(); got != "An event was dispatched." {
		t.Errorf("OpcodeDispatch.Description() = %q", got)
	}
	if got := OpcodeCallConnect.Description(); got != "" {
		t.Errorf("OpcodeCallConnect.Description() = %q, want empty: the spec has none", got)
	}
}

func TestOpcodeRoundTrip(t *testing.T) {
	prev := Opcode(-1)
	for _, op := range Opcodes() {
		if op <= prev {
			t.Errorf("Opcodes() not in code order: %d after %d", op, prev)
		}
		prev = op
		if !op.IsKnown() {
			t.Errorf("%v.IsKnown() = false", op)
		}
		got, ok := ParseOpcode(op.String())
		if !ok || got != op {
			t.Errorf("ParseOpcode(%q) = %v, %v; want %d, true", op.String(), got, ok, int(op))
		}
	}
}

func TestOpcodeUnknown(t *testing.T) {
	for _, op := range []Opcode{12, 23, 31, -1, 1 << 20} {
		if op.IsKnown() {
			t.Errorf("Opcode(%d).IsKnown() = true", int(op))
		}
		want := "Opcode(" + itoa(int(op)) + ")"
		if got := op.String(); got != want {
			t.Errorf("Opcode(%d).String() = %q, want %q", int(op), got, want)
		}
		if op.SentBy() != 0 || op.Description() != "" {
			t.Errorf("Opcode(%d) has a sender or description", int(op))
		}
	}
	for _, name := range []string{"", "dispatch", "DISPATCH ", "GUILD_SYNC", "MESSAGE_CREATE"} {
		if op, ok := ParseOpcode(name); ok {
			t.Errorf("ParseOpcode(%q) = %v, true; want false", name, op)
		}
	}
}

func TestOpcodesFresh(t *testing.T) {
	a := Opcodes()
	a[0] = 99
	if Opcodes()[0] != OpcodeDispatch {
		t.Error("Opcodes() returns a shared slice")
	}
	e := Events()
	e[0] = 0
	if Events()[0] == 0 {
		t.Error("Events() returns a shared slice")
	}
}

func TestSenderString(t *testing.T) {
	for s, want := range map[Sender]string{
		0:                           "unspecified",
		SenderClient:                "client",
		SenderServer:                "server",
		SenderClient | SenderServer: "client/server",
		8:                           "Sender(8)",
	} {
		if got := s.String(); got != want {
			t.Errorf("Sender(%d).String() = %q, want %q", uint8(s), got, want)
		}
	}
}

func TestEventRoundTrip(t *testing.T) {
	for i, ev := range Events() {
		if int(ev) != i+1 {
			t.Fatalf("Events()[%d] = %d, want %d: events are numbered densely from 1", i, ev, i+1)
		}
		if !ev.IsKnown() {
			t.Errorf("%v.IsKnown() = false", ev)
		}
		got, ok := ParseEvent(ev.String())
		if !ok || got != ev {
			t.Errorf("ParseEvent(%q) = %v, %v; want %d, true", ev.String(), got, ok, ev)
		}
		text, err := ev.MarshalText()
		if err != nil || string(text) != ev.String() {
			t.Errorf("%v.MarshalText() = %q, %v", ev, text, err)
		}
		var back Event
		if err := back.UnmarshalText(text); err != nil || back != ev {
			t.Errorf("UnmarshalText(%q) = %v, %v", text, back, err)
		}
	}
}

func TestEventValues(t *testing.T) {
	for _, tt := range []struct {
		ev   Event
		name string
	}{
		{EventActivityStart, "ACTIVITY_START"},
		{EventMessageCreate, "MESSAGE_CREATE"},
		{EventOAuth2TokenRevoke, "OAUTH2_TOKEN_REVOKE"},
		{EventPassiveUpdateV1, "PASSIVE_UPDATE_V1"},
		{EventDeletedEntityIDs, "DELETED_ENTITY_IDS"},
		{EventWebhooksUpdate, "WEBHOOKS_UPDATE"},
	} {
		if got := tt.ev.String(); got != tt.name {
			t.Errorf("String() = %q, want %q", got, tt.name)
		}
	}
	if EventActivityStart != 1 || MaxEvent != EventWebhooksUpdate {
		t.Errorf("EventActivityStart = %d, MaxEvent = %v; want 1 and WEBHOOKS_UPDATE", EventActivityStart, MaxEvent)
	}
	if got := EventMessageCreate.Description(); got != "Message was created" {
		t.Errorf("EventMessageCreate.Description() = %q", got)
	}
}

func TestEventUnknown(t *testing.T) {
	var zero Event
	if zero != EventUnknown || zero.IsKnown() {
		t.Error("the zero Event is not EventUnknown, or is known")
	}
	for _, ev := range []Event{EventUnknown, MaxEvent + 1, ^Event(0)} {
		if ev.IsKnown() {
			t.Errorf("Event(%d).IsKnown() = true", ev)
		}
		if got, want := ev.String(), "Event("+itoa(int(ev))+")"; got != want {
			t.Errorf("String() = %q, want %q", got, want)
		}
		if _, err := ev.MarshalText(); err == nil {
			t.Errorf("Event(%d).MarshalText() succeeded", ev)
		}
	}
	for _, name := range []string{"", "message_create", "MESSAGE_CREATE\x00", "HELLO", "SOME_FUTURE_EVENT", strings.Repeat("A", 1000)} {
		if ev, ok := ParseEvent(name); ok || ev != EventUnknown {
			t.Errorf("ParseEvent(%q) = %v, %v; want EventUnknown, false", name, ev, ok)
		}
	}
}

// payload is the envelope of every Gateway message.
type payload struct {
	Op Opcode          `json:"op"`
	D  json.RawMessage `json:"d"`
	S  *int            `json:"s"`
	T  Event           `json:"t,omitempty"`
}

func TestJSON(t *testing.T) {
	var p payload
	if err := json.Unmarshal([]byte(`{"op":0,"t":"MESSAGE_CREATE"}`), &p); err != nil {
		t.Fatal(err)
	}
	if p.Op != OpcodeDispatch || p.T != EventMessageCreate {
		t.Errorf("decoded op %v, t %v; want DISPATCH, MESSAGE_CREATE", p.Op, p.T)
	}

	p = payload{}
	if err := json.Unmarshal([]byte(`{"op":0,"s":42,"t":"SOME_EVENT_DISCORD_ADDED_LATER","d":{}}`), &p); err != nil {
		t.Fatalf("an unknown event failed to decode: %v", err)
	}
	if p.T != EventUnknown || p.Op != OpcodeDispatch {
		t.Errorf("decoded op %v, t %v; want DISPATCH, EventUnknown", p.Op, p.T)
	}

	p = payload{}
	if err := json.Unmarshal([]byte(`{"op":11,"d":null,"s":null,"t":null}`), &p); err != nil {
		t.Fatal(err)
	}
	if p.Op != OpcodeHeartbeatACK || p.T != EventUnknown {
		t.Errorf("decoded op %v, t %v; want HEARTBEAT_ACK, EventUnknown", p.Op, p.T)
	}

	out, err := json.Marshal(payload{Op: OpcodeDispatch, T: EventReady, D: json.RawMessage(`{}`)})
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"op":0,"d":{},"s":null,"t":"READY"}`; string(out) != want {
		t.Errorf("encoded %s, want %s (the opcode is a number, the event its name)", out, want)
	}
	out, err = json.Marshal(payload{Op: OpcodeHeartbeat, D: json.RawMessage(`251`)})
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"op":1,"d":251,"s":null}`; string(out) != want {
		t.Errorf("encoded %s, want %s", out, want)
	}
	if _, err := json.Marshal(struct{ T Event }{Event(MaxEvent + 1)}); err == nil {
		t.Error("encoding an unknown event succeeded")
	}
}

func TestHandlerTable(t *testing.T) {
	var handled [MaxEvent + 1]int
	for _, name := range []string{"READY", "MESSAGE_CREATE", "MESSAGE_CREATE", "NOT_AN_EVENT"} {
		ev, _ := ParseEvent(name)
		handled[ev]++
	}
	if handled[EventReady] != 1 || handled[EventMessageCreate] != 2 || handled[EventUnknown] != 1 {
		t.Errorf("handler counts: ready %d, message create %d, unknown %d", handled[EventReady], handled[EventMessageCreate], handled[EventUnknown])
	}
}

func TestNoAllocs(t *testing.T) {
	names := []string{"MESSAGE_CREATE", "NOT_AN_EVENT", "HEARTBEAT_ACK"}
	var sink int
	if n := testing.AllocsPerRun(100, func() {
		for _, name := range names {
			ev, _ := ParseEvent(name)
			op, _ := ParseOpcode(name)
			sink += int(ev) + int(op)
		}
		sink += len(EventReady.String()) + len(OpcodeHeartbeatACK.String()) + len(SenderClient.String())
	}); n != 0 {
		t.Errorf("lookups and String allocate %v times, want 0", n)
	}
	_ = sink
}

func itoa(i int) string {
	b, _ := json.Marshal(i)
	return string(b)
}
