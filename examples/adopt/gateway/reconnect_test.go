package gateway_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/gatewaygen/gatewaygen/examples/adopt/gateway"
)

func TestAfterClose(t *testing.T) {
	tests := []struct {
		code gateway.CloseCode
		want gateway.Action
	}{
		{gateway.CloseCodeUnknownError, gateway.ActionResume},
		{gateway.CloseCodeDecodeError, gateway.ActionResume},
		{gateway.CloseCodeRateLimited, gateway.ActionResume},
		{gateway.CloseCodeInvalidSeq, gateway.ActionIdentify},
		{gateway.CloseCodeSessionTimedOut, gateway.ActionIdentify},
		{gateway.CloseCodeAuthenticationFailed, gateway.ActionStop},
		{gateway.CloseCodeInvalidShard, gateway.ActionStop},
		{gateway.CloseCodeShardingRequired, gateway.ActionStop},
		{gateway.CloseCodeInvalidAPIVersion, gateway.ActionStop},
		{gateway.CloseCodeInvalidIntent, gateway.ActionStop},
		{gateway.CloseCodeDisallowedIntent, gateway.ActionStop},
		{1000, gateway.ActionIdentify}, // normal closure ends the session
		{1001, gateway.ActionIdentify},
		{1006, gateway.ActionResume}, // abnormal closure: the network, not Discord
		{4999, gateway.ActionResume}, // a code Discord may add
	}
	for _, tt := range tests {
		if got := gateway.AfterClose(tt.code); got != tt.want {
			t.Errorf("AfterClose(%d) = %v, want %v", int(tt.code), got, tt.want)
		}
	}
}

func TestCloseError(t *testing.T) {
	var err error = &gateway.CloseError{Code: gateway.CloseCodeAuthenticationFailed}
	err = fmt.Errorf("running: %w", err)
	var ce *gateway.CloseError
	if !errors.As(err, &ce) || ce.Code != 4004 {
		t.Fatalf("errors.As(%v) gave %v", err, ce)
	}
	if msg := err.Error(); !strings.Contains(msg, "4004") || !strings.Contains(msg, "Authentication failed") {
		t.Errorf("error %q does not say which code closed the connection", msg)
	}
	if got := gateway.CloseCodeDisallowedIntent.String(); got != "Disallowed intent(s)" {
		t.Errorf("CloseCodeDisallowedIntent.String() = %q", got)
	}
}

// The payloads the connection sends carry opcodes as JSON numbers.
func TestOpcodesOnTheWire(t *testing.T) {
	tests := []struct {
		m    gateway.Message
		want string
	}{
		{gateway.Message{Op: gateway.OpcodeHeartbeat, D: json.RawMessage("251")}, `{"op":1,"d":251}`},
		{gateway.Message{Op: gateway.OpcodeResume, D: json.RawMessage(`{}`)}, `{"op":6,"d":{}}`},
		{gateway.Message{Op: gateway.OpcodeRequestGuildMembers, D: json.RawMessage(`{}`)}, `{"op":8,"d":{}}`},
		{gateway.Message{Op: gateway.OpcodeRequestSoundboardSounds, D: json.RawMessage(`{}`)}, `{"op":31,"d":{}}`},
		{gateway.Message{Op: gateway.OpcodeDispatch, S: 5, T: gateway.EventTypeMessagePollVoteAdd, D: json.RawMessage(`{}`)}, `{"op":0,"s":5,"t":"MESSAGE_POLL_VOTE_ADD","d":{}}`},
	}
	for _, tt := range tests {
		out, err := json.Marshal(tt.m)
		if err != nil {
			t.Fatal(err)
		}
		if string(out) != tt.want {
			t.Errorf("got %s, want %s", out, tt.want)
		}
	}
	if gateway.OpcodeHeartbeatAck != 11 || gateway.OpcodeHello != 10 || gateway.OpcodeInvalidSession != 9 {
		t.Error("opcodes have the wrong values")
	}
}
