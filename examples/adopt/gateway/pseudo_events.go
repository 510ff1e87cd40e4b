package gateway

// Pseudo-events: names the Gateway never sends, under which the Dispatcher
// delivers what is not one dispatch event. They are this package's own; the
// Gateway's event types are generated, in events_gen.go.
const (
	// EventTypeRaw receives every dispatch, known or not, before the
	// handlers of its own type.
	EventTypeRaw EventType = "__RAW__"
	// EventTypeHeartbeatAck receives each Heartbeat ACK (opcode 11), with no
	// data.
	EventTypeHeartbeatAck EventType = "__HEARTBEAT_ACK__"
)
