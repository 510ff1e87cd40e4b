package gateway

// The package is generated from the copy of the Gateway docs in ../docs,
// with the gatewaygen version go.mod pins, by "go generate ./...":
// gateway.md has the opcodes and events, and gateway-protocol.md the close
// codes and intents the client needs (and the voice tables). The documents
// are merged in the order of the --spec flags.
//
// The flags keep the names the bot already exported before it used
// gatewaygen (Op, and OpHeartbeatAck rather than OpHeartbeatACK: the
// opcodes table alone, not the voice opcode of that name), and the lock
// file keeps any entry a future copy of the docs drops, deprecated, until it
// is dropped on purpose. generate_test.go runs "gatewaygen check" with the
// same flags, so the package cannot fall out of step with the docs.
//
// To refresh: replace a document in ../docs, review "go tool gatewaygen diff
// --old OLD --new NEW" for it, then run go generate.

//go:generate go tool gatewaygen generate --spec ../docs/gateway.md --spec ../docs/gateway-protocol.md --out . --package gateway --opcode-type Op --name opcodes:HEARTBEAT_ACK=HeartbeatAck --keep-removed gatewaygen.lock.json
