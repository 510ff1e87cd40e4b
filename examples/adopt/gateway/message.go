package gateway

import "encoding/json"

// Message is one Gateway payload, as it travels on the connection in either
// direction.
type Message struct {
	Op Opcode          `json:"op"`
	S  int64           `json:"s,omitempty"` // sequence number of a dispatch
	T  EventType       `json:"t,omitempty"` // event type of a dispatch
	D  json.RawMessage `json:"d,omitempty"`
}

// Identify is the data of an Identify payload, which starts a session.
type Identify struct {
	Token      string             `json:"token"`
	Properties IdentifyProperties `json:"properties"`
	Intents    Intents            `json:"intents"`
}

// IdentifyProperties describe the client to Discord.
type IdentifyProperties struct {
	OS      string `json:"os"`
	Browser string `json:"browser"`
	Device  string `json:"device"`
}

// NewIdentify returns the Identify payload that starts a session with token
// and intents.
func NewIdentify(token string, props IdentifyProperties, intents Intents) (Message, error) {
	d, err := json.Marshal(Identify{Token: token, Properties: props, Intents: intents})
	if err != nil {
		return Message{}, err
	}
	return Message{Op: OpcodeIdentify, D: d}, nil
}
