package gateway_test

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/gatewaygen/gatewaygen/examples/adopt/gateway"
)

// The tables written by hand had fallen behind the docs; these are the
// entries they lacked, which the generated ones have.

func TestPollVotesNeedThePollIntents(t *testing.T) {
	var d gateway.Dispatcher
	d.On(gateway.EventTypeMessagePollVoteAdd, func(gateway.EventType, json.RawMessage) {})
	d.On(gateway.EventTypeMessagePollVoteRemove, func(gateway.EventType, json.RawMessage) {})
	if want := gateway.IntentGuildMessagePolls | gateway.IntentDirectMessagePolls; d.Intents() != want {
		t.Errorf("handlers of poll votes need %v, want %v", d.Intents(), want)
	}
}

func TestEntriesTheHandWrittenTablesLacked(t *testing.T) {
	for _, e := range []gateway.EventType{gateway.EventTypeChannelInfo, gateway.EventTypeRateLimited, gateway.EventTypeVoiceChannelStartTimeUpdate} {
		if !e.IsKnown() || !slices.Contains(gateway.EventTypes(), e) {
			t.Errorf("%s is not a known event", e)
		}
	}
	if gateway.OpcodeRequestChannelInfo != 43 || gateway.OpcodeRequestChannelInfo.SentBy() != gateway.SenderClient {
		t.Errorf("OpcodeRequestChannelInfo = %d, sent by %v", int(gateway.OpcodeRequestChannelInfo), gateway.OpcodeRequestChannelInfo.SentBy())
	}
}

// The package's pseudo-events are no events of the Gateway's: the docs do
// not know them, and no intent enables them.
func TestPseudoEventsAreNotTheGateways(t *testing.T) {
	for _, e := range []gateway.EventType{gateway.EventTypeRaw, gateway.EventTypeHeartbeatAck} {
		if e.IsKnown() || e.Intents() != gateway.IntentsNone || slices.Contains(gateway.EventTypes(), e) {
			t.Errorf("%s: IsKnown %v, Intents %v", e, e.IsKnown(), e.Intents())
		}
	}
}

// The package's own groups are made of the generated intents, and every
// intent is in one of them.
func TestIntentGroupsCoverEveryIntent(t *testing.T) {
	for _, i := range gateway.AllIntents() {
		groups := 0
		for _, g := range []gateway.Intents{gateway.IntentsGuild, gateway.IntentsDirectMessage, gateway.IntentMessageContent} {
			if g.Has(i) {
				groups++
			}
		}
		if groups != 1 {
			t.Errorf("%v is in %d of IntentsGuild, IntentsDirectMessage and IntentMessageContent", i, groups)
		}
	}
	if gateway.IntentGuildEmojisAndStickers != gateway.IntentGuildExpressions {
		t.Errorf("IntentGuildEmojisAndStickers = %v", gateway.IntentGuildEmojisAndStickers)
	}
}

// Close codes keep the names the package gave them (gatewaygen.yaml's
// names), and their reconnect answers come from the docs.
func TestCloseCodesFromTheDocs(t *testing.T) {
	for _, c := range gateway.CloseCodes() {
		if want := c != gateway.CloseCodeAuthenticationFailed && c < gateway.CloseCodeInvalidShard; c.CanReconnect() != want {
			t.Errorf("%d %v: CanReconnect() = %v", int(c), c, c.CanReconnect())
		}
	}
	if gateway.CloseCodeInvalidIntent != 4013 || gateway.CloseCodeDisallowedIntent.String() != "Disallowed intent(s)" {
		t.Error("4013 and 4014 lost their names")
	}
}
