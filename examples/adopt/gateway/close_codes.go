package gateway

import "strconv"

// CloseCode is the status code of the close frame with which the Gateway
// ends a connection.
type CloseCode int

// The Gateway's close codes.
const (
	CloseCodeUnknownError         CloseCode = 4000
	CloseCodeUnknownOpcode        CloseCode = 4001
	CloseCodeDecodeError          CloseCode = 4002
	CloseCodeNotAuthenticated     CloseCode = 4003
	CloseCodeAuthenticationFailed CloseCode = 4004
	CloseCodeAlreadyAuthenticated CloseCode = 4005
	CloseCodeInvalidSeq           CloseCode = 4007
	CloseCodeRateLimited          CloseCode = 4008
	CloseCodeSessionTimedOut      CloseCode = 4009
	CloseCodeInvalidShard         CloseCode = 4010
	CloseCodeShardingRequired     CloseCode = 4011
	CloseCodeInvalidAPIVersion    CloseCode = 4012
	CloseCodeInvalidIntent        CloseCode = 4013
	CloseCodeDisallowedIntent     CloseCode = 4014
)

var closeCodeNames = map[CloseCode]string{
	CloseCodeUnknownError:         "Unknown error",
	CloseCodeUnknownOpcode:        "Unknown opcode",
	CloseCodeDecodeError:          "Decode error",
	CloseCodeNotAuthenticated:     "Not authenticated",
	CloseCodeAuthenticationFailed: "Authentication failed",
	CloseCodeAlreadyAuthenticated: "Already authenticated",
	CloseCodeInvalidSeq:           "Invalid seq",
	CloseCodeRateLimited:          "Rate limited",
	CloseCodeSessionTimedOut:      "Session timed out",
	CloseCodeInvalidShard:         "Invalid shard",
	CloseCodeShardingRequired:     "Sharding required",
	CloseCodeInvalidAPIVersion:    "Invalid API version",
	CloseCodeInvalidIntent:        "Invalid intent(s)",
	CloseCodeDisallowedIntent:     "Disallowed intent(s)",
}

// String returns the code's name in Discord's documentation, such as
// "Authentication failed".
func (c CloseCode) String() string {
	if name, ok := closeCodeNames[c]; ok {
		return name
	}
	return "CloseCode(" + strconv.Itoa(int(c)) + ")"
}

// CanReconnect reports whether a client may reconnect after the Gateway
// closed the connection with c: false for the codes after which Discord
// says not to, true for every other code.
func (c CloseCode) CanReconnect() bool {
	switch c {
	case CloseCodeAuthenticationFailed, CloseCodeInvalidShard, CloseCodeShardingRequired,
		CloseCodeInvalidAPIVersion, CloseCodeInvalidIntent, CloseCodeDisallowedIntent:
		return false
	}
	return true
}
