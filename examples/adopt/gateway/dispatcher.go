package gateway

import (
	"encoding/json"
	"errors"
	"fmt"
	"sync"
)

// A Handler receives one event: its type and its data, the payload's d
// field.
type Handler func(t EventType, data json.RawMessage)

// A Dispatcher routes the payloads the Gateway sends to the handlers
// registered for their event type. Its zero value is ready to use, and it is
// safe for concurrent use.
type Dispatcher struct {
	mu       sync.RWMutex
	handlers map[EventType][]Handler
}

// On registers h for the events of type t: a dispatch event, or one of the
// pseudo-events EventTypeRaw and EventTypeHeartbeatAck. Handlers of one type
// run in the order they were registered.
func (d *Dispatcher) On(t EventType, h Handler) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.handlers == nil {
		d.handlers = make(map[EventType][]Handler)
	}
	d.handlers[t] = append(d.handlers[t], h)
}

// ErrNoEventType is returned by Handle for a dispatch without an event type.
var ErrNoEventType = errors.New("gateway: dispatch without an event type")

// Handle routes one payload the Gateway sent. A dispatch goes to the
// handlers of EventTypeRaw, then to those of its own type, whatever that
// is: an event this package has no constant for yet is delivered, under its
// own name, like any other. A Heartbeat ACK goes to the handlers of
// EventTypeHeartbeatAck. Other opcodes are the connection's business, and
// Handle ignores them.
//
// Handle returns an error for a dispatch that names no event type, or names
// a pseudo-event, which the Gateway never sends.
func (d *Dispatcher) Handle(m Message) error {
	switch m.Op {
	case OpcodeDispatch:
		switch m.T {
		case "":
			return ErrNoEventType
		case EventTypeRaw, EventTypeHeartbeatAck:
			return fmt.Errorf("gateway: dispatch of pseudo-event %s", m.T)
		}
		d.run(EventTypeRaw, m.T, m.D)
		d.run(m.T, m.T, m.D)
	case OpcodeHeartbeatAck:
		d.run(EventTypeHeartbeatAck, EventTypeHeartbeatAck, nil)
	}
	return nil
}

// run calls the handlers registered for key with the event t.
func (d *Dispatcher) run(key, t EventType, data json.RawMessage) {
	d.mu.RLock()
	hs := d.handlers[key]
	d.mu.RUnlock()
	for _, h := range hs {
		h(t, data)
	}
}

// Intents returns what an Identify must ask for so that the Gateway sends
// every event that has a handler: the intents that enable each. Events the
// Gateway sends regardless of intents, and pseudo-events, need none.
func (d *Dispatcher) Intents() Intents {
	d.mu.RLock()
	defer d.mu.RUnlock()
	var need Intents
	for t := range d.handlers {
		need |= t.Intents()
	}
	return need
}
