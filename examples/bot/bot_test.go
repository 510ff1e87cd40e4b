package bot

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/gatewaygen/gatewaygen/examples/bot/gateway"
)

// Payloads as the Gateway sends them, trimmed of fields the test does not read.
const (
	hello = `{"t":null,"s":null,"op":10,"d":{"heartbeat_interval":41250,"_trace":["[\"gateway-prd-us-east1-b-0568\",{\"micros\":0.0}]"]}}`

	ready = `{"t":"READY","s":1,"op":0,"d":{"v":10,"user_settings":{},"user":{"verified":true,"username":"examplebot","mfa_enabled":false,` +
		`"id":"1019622479536812052","global_name":null,"flags":0,"email":null,"discriminator":"0","bot":true,"avatar":null},` +
		`"session_type":"normal","session_id":"7b0f8e1fbd5a1a4a7b1d0e4a5a4d3c2b","resume_gateway_url":"wss://gateway-us-east1-b.discord.gg",` +
		`"relationships":[],"private_channels":[],"presences":[],"guilds":[{"unavailable":true,"id":"1019622840129003570"}],` +
		`"guild_join_requests":[],"geo_ordered_rtc_regions":["newark","us-east"],"application":{"id":"1019622479536812052","flags":565248}}}`

	messageCreate = `{"t":"MESSAGE_CREATE","s":2,"op":0,"d":{"type":0,"tts":false,"timestamp":"2024-05-01T12:00:00.000000+00:00",` +
		`"pinned":false,"nonce":"1235139227839184896","mentions":[],"mention_roles":[],"mention_everyone":false,` +
		`"member":{"roles":[],"joined_at":"2022-09-14T12:00:00.000000+00:00"},"id":"1235139229030236180","flags":0,` +
		`"embeds":[],"edited_timestamp":null,"content":"!ping","components":[],"channel_id":"1019622840129003573",` +
		`"author":{"username":"someone","id":"204255221017214977","global_name":"Someone","discriminator":"0"},` +
		`"attachments":[],"guild_id":"1019622840129003570"}}`

	// An event this copy of the docs does not list (yet).
	futureEvent = `{"t":"GUILD_POWERUP_ENTITLEMENTS_CREATE","s":3,"op":0,"d":{"sku_id":"1235139229030236181","guild_id":"1019622840129003570"}}`

	heartbeatAck = `{"t":null,"s":null,"op":11,"d":null}`
)

func TestReceive(t *testing.T) {
	var c Conn
	var sessionID, content string
	var unknown []string
	c.On(gateway.EventReady, func(name string, data json.RawMessage) error {
		var r struct {
			SessionID string `json:"session_id"`
		}
		err := json.Unmarshal(data, &r)
		sessionID = r.SessionID
		return err
	})
	c.On(gateway.EventMessageCreate, func(name string, data json.RawMessage) error {
		var m struct {
			Content string `json:"content"`
		}
		err := json.Unmarshal(data, &m)
		content = m.Content
		return err
	})
	c.On(gateway.EventUnknown, func(name string, data json.RawMessage) error {
		unknown = append(unknown, name)
		return nil
	})

	for _, p := range []string{hello, ready, messageCreate, futureEvent, heartbeatAck} {
		if err := c.Receive([]byte(p)); err != nil {
			t.Fatalf("Receive(%.40s...): %v", p, err)
		}
	}
	if c.HeartbeatInterval != 41250*time.Millisecond {
		t.Errorf("HeartbeatInterval = %v, want 41.25s", c.HeartbeatInterval)
	}
	if sessionID != "7b0f8e1fbd5a1a4a7b1d0e4a5a4d3c2b" {
		t.Errorf("READY handler saw session %q", sessionID)
	}
	if content != "!ping" {
		t.Errorf("MESSAGE_CREATE handler saw content %q", content)
	}
	if strings.Join(unknown, ",") != "GUILD_POWERUP_ENTITLEMENTS_CREATE" {
		t.Errorf("unknown-event handler saw %q", unknown)
	}
	if c.Seq != 3 || !c.Acked {
		t.Errorf("Seq = %d, Acked = %v; want 3, true", c.Seq, c.Acked)
	}
}

func TestReceiveRejects(t *testing.T) {
	var c Conn
	for _, tt := range []struct{ payload, want string }{
		{`{"op":2,"d":{"token":"x"}}`, "received opcode IDENTIFY (2), which the server does not send"},
		{`{"op":10,"d":{"heartbeat_interval":"soon"}}`, "decoding HELLO: json: cannot unmarshal string"},
		{`{"op":"zero"}`, "decoding payload"},
	} {
		if err := c.Receive([]byte(tt.payload)); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Receive(%s) = %v, want an error containing %q", tt.payload, err, tt.want)
		}
	}
	// Events nobody handles are dropped, known or not.
	if err := c.Receive([]byte(messageCreate)); err != nil {
		t.Error(err)
	}
}

func TestHandlerTable(t *testing.T) {
	var c Conn
	if got, want := len(c.handlers), int(gateway.MaxEvent)+1; got != want {
		t.Errorf("the handler table has %d entries, want MaxEvent+1 = %d", got, want)
	}
	for _, ev := range gateway.Events() {
		if parsed, ok := gateway.ParseEvent(ev.String()); !ok || parsed != ev || int(ev) >= len(c.handlers) {
			t.Errorf("event %v does not index the table", ev)
		}
	}
}

// BenchmarkReceive measures a dispatch: nearly all of it is decoding the
// payload, since finding the handler is an array index.
func BenchmarkReceive(b *testing.B) {
	var c Conn
	c.On(gateway.EventMessageCreate, func(string, json.RawMessage) error { return nil })
	raw := []byte(messageCreate)
	b.ReportAllocs()
	for b.Loop() {
		if err := c.Receive(raw); err != nil {
			b.Fatal(err)
		}
	}
}
