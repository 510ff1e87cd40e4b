// Package gateway is the Gateway layer of a Discord library: the protocol's
// opcodes, dispatch event types, intents and close codes, and the code that
// uses them: a Dispatcher that routes payloads to handlers by event type,
// the intents an Identify must ask for, and what to do after the Gateway
// closes the connection.
//
// Event types are strings, so an event that Discord adds before this
// package knows of it still arrives under its own name. Besides the
// Gateway's events, the package has pseudo-events of its own, whose names
// Discord never sends: EventTypeRaw receives every dispatch, and
// EventTypeHeartbeatAck every Heartbeat ACK.
package gateway
