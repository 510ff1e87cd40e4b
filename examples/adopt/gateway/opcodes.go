package gateway

// Opcode is the op field of a Gateway payload: what the payload is.
type Opcode int

// The Gateway's opcodes.
const (
	OpcodeDispatch                Opcode = 0
	OpcodeHeartbeat               Opcode = 1
	OpcodeIdentify                Opcode = 2
	OpcodePresenceUpdate          Opcode = 3
	OpcodeVoiceStateUpdate        Opcode = 4
	OpcodeResume                  Opcode = 6
	OpcodeReconnect               Opcode = 7
	OpcodeRequestGuildMembers     Opcode = 8
	OpcodeInvalidSession          Opcode = 9
	OpcodeHello                   Opcode = 10
	OpcodeHeartbeatAck            Opcode = 11
	OpcodeRequestSoundboardSounds Opcode = 31
)
