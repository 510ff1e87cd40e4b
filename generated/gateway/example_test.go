package gateway_test

import (
	"encoding/json"
	"fmt"
	"log"
	"os"

	"github.com/gatewaygen/gatewaygen/generated/gateway"
)

// Example_decoding runs the README's decoding pattern: the event's wire
// name is kept as a string, so that an event this build does not know is
// logged by name, and a known event with no handler is skipped.
func Example_decoding() {
	log.SetOutput(os.Stdout)
	log.SetFlags(0)
	defer log.SetOutput(os.Stderr)
	defer log.SetFlags(log.LstdFlags)

	var handlers [gateway.MaxEvent + 1]func(json.RawMessage)
	handlers[gateway.EventReady] = func(d json.RawMessage) { fmt.Printf("ready: %s\n", d) }

	handle := func(msg []byte) error {
		// From here to the end of the function: the README's pattern.
		var p struct {
			Op gateway.Opcode  `json:"op"`
			T  string          `json:"t,omitempty"`
			D  json.RawMessage `json:"d"`
		}
		if err := json.Unmarshal(msg, &p); err != nil {
			return err
		}
		if p.Op == gateway.OpcodeDispatch {
			// handlers is a [gateway.MaxEvent + 1]func(json.RawMessage).
			switch ev, known := gateway.ParseEvent(p.T); {
			case !known:
				log.Printf("skipping event %s, which this build does not know", p.T)
			case handlers[ev] != nil:
				handlers[ev](p.D)
			}
		}
		return nil
	}

	for _, msg := range []string{
		`{"op":0,"t":"READY","d":{"v":10}}`,
		`{"op":0,"t":"MESSAGE_CREATE","d":{}}`, // known, but no handler
		`{"op":0,"t":"BRAND_NEW_EVENT","d":{}}`,
		`{"op":11,"d":null}`,
	} {
		if err := handle([]byte(msg)); err != nil {
			fmt.Println(err)
		}
	}
	// Output:
	// ready: {"v":10}
	// skipping event BRAND_NEW_EVENT, which this build does not know
}
