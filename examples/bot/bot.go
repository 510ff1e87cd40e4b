// Package bot is the receiving end of a Discord Gateway connection, cut
// down to what shows how a library uses a package gatewaygen generates: it
// decodes payloads, keeps the heartbeat interval and the sequence number,
// and dispatches events through a table indexed by gateway.Event.
package bot

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/gatewaygen/gatewaygen/examples/bot/gateway"
)

// A Payload is the envelope of every Gateway message.
type Payload struct {
	Op gateway.Op      `json:"op"`
	D  json.RawMessage `json:"d"`
	S  *int64          `json:"s"`
	// T is the event name of a dispatch, kept as a string so that a handler
	// of events the spec does not list still learns which one it got.
	T string `json:"t"`
}

// A Handler handles one dispatch event: its wire name and its data.
type Handler func(name string, data json.RawMessage) error

// A Conn is the state of one connection, as far as receiving goes.
type Conn struct {
	// handlers is indexed by event: gateway.MaxEvent+1 entries, the zero
	// one for every event the spec does not list. Dispatching is an array
	// index, with no map and no allocation.
	handlers [gateway.MaxEvent + 1]Handler

	// HeartbeatInterval is what the last Hello asked for.
	HeartbeatInterval time.Duration
	// Seq is the sequence number of the last dispatch, to send in
	// heartbeats and when resuming.
	Seq int64
	// Acked reports whether the last heartbeat was acknowledged.
	Acked bool
}

// On sets the handler of ev; gateway.EventUnknown handles every event the
// spec does not list.
func (c *Conn) On(ev gateway.Event, h Handler) {
	c.handlers[ev] = h
}

// Receive handles one payload from the Gateway.
func (c *Conn) Receive(raw []byte) error {
	var p Payload
	if err := json.Unmarshal(raw, &p); err != nil {
		return fmt.Errorf("decoding payload: %w", err)
	}
	switch p.Op {
	case gateway.OpHello:
		var hello struct {
			HeartbeatInterval int64 `json:"heartbeat_interval"` // milliseconds
		}
		if err := json.Unmarshal(p.D, &hello); err != nil {
			return fmt.Errorf("decoding %v: %w", p.Op, err)
		}
		c.HeartbeatInterval = time.Duration(hello.HeartbeatInterval) * time.Millisecond
		return nil
	case gateway.OpHeartbeatAck:
		c.Acked = true
		return nil
	case gateway.OpDispatch:
		if p.S != nil {
			c.Seq = *p.S
		}
		ev, _ := gateway.ParseEvent(p.T) // EventUnknown if the spec does not list it
		if h := c.handlers[ev]; h != nil {
			return h(p.T, p.D)
		}
		return nil
	}
	// The generated package knows which side sends what, so a payload the
	// server should never send is caught here rather than ignored.
	if p.Op.SentBy()&gateway.SenderServer == 0 {
		return fmt.Errorf("received opcode %v (%d), which the server does not send", p.Op, int(p.Op))
	}
	return nil
}
