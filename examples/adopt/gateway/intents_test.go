package gateway_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/gatewaygen/gatewaygen/examples/adopt/gateway"
)

func TestIntentsAddRemove(t *testing.T) {
	i := gateway.IntentsNone.Add(gateway.IntentGuilds, gateway.IntentGuildMessages|gateway.IntentMessageContent)
	if want := gateway.IntentGuilds | gateway.IntentGuildMessages | gateway.IntentMessageContent; i != want {
		t.Fatalf("Add = %#x, want %#x", int64(i), int64(want))
	}
	if got := i.Remove(gateway.IntentMessageContent, gateway.IntentGuildPresences); got != gateway.IntentGuilds|gateway.IntentGuildMessages {
		t.Errorf("Remove = %#x", int64(got))
	}
	if got := i.Add(); got != i {
		t.Errorf("Add() = %#x, want %#x", int64(got), int64(i))
	}
	if got := i.Remove(); got != i {
		t.Errorf("Remove() = %#x, want %#x", int64(got), int64(i))
	}
}

func TestIntentsHasMissing(t *testing.T) {
	i := gateway.IntentGuilds | gateway.IntentGuildMessages
	tests := []struct {
		bits    []gateway.Intents
		has     bool
		missing bool
	}{
		{[]gateway.Intents{gateway.IntentGuilds}, true, false},
		{[]gateway.Intents{gateway.IntentGuilds, gateway.IntentGuildMessages}, true, false},
		{[]gateway.Intents{gateway.IntentGuilds | gateway.IntentGuildMessages}, true, false},
		{[]gateway.Intents{gateway.IntentGuilds, gateway.IntentGuildMembers}, false, true},
		{[]gateway.Intents{gateway.IntentGuilds | gateway.IntentGuildMembers}, false, true},
		{[]gateway.Intents{gateway.IntentMessageContent}, false, true},
		{nil, true, false},
	}
	for _, tt := range tests {
		if got := i.Has(tt.bits...); got != tt.has {
			t.Errorf("Has(%v) = %v", tt.bits, got)
		}
		if got := i.Missing(tt.bits...); got != tt.missing {
			t.Errorf("Missing(%v) = %v", tt.bits, got)
		}
	}
}

func TestIntentGroups(t *testing.T) {
	if gateway.IntentsGuild&gateway.IntentsDirectMessage != 0 {
		t.Errorf("IntentsGuild and IntentsDirectMessage share %#x", int64(gateway.IntentsGuild&gateway.IntentsDirectMessage))
	}
	if got := gateway.IntentsGuild | gateway.IntentsDirectMessage | gateway.IntentMessageContent; got != gateway.IntentsAll {
		t.Errorf("guild, direct message and message content intents = %#x, want IntentsAll %#x", int64(got), int64(gateway.IntentsAll))
	}
	if gateway.IntentsNonPrivileged|gateway.IntentsPrivileged != gateway.IntentsAll || gateway.IntentsNonPrivileged&gateway.IntentsPrivileged != 0 {
		t.Errorf("IntentsNonPrivileged %#x and IntentsPrivileged %#x do not split IntentsAll %#x",
			int64(gateway.IntentsNonPrivileged), int64(gateway.IntentsPrivileged), int64(gateway.IntentsAll))
	}
	if !gateway.IntentsPrivileged.Has(gateway.IntentGuildMembers, gateway.IntentGuildPresences, gateway.IntentMessageContent) {
		t.Errorf("IntentsPrivileged = %#x", int64(gateway.IntentsPrivileged))
	}
	if gateway.IntentsDefault.Has(gateway.IntentMessageContent) || gateway.IntentsDefault&gateway.IntentsPrivileged != 0 {
		t.Errorf("IntentsDefault %#x asks for privileged intents", int64(gateway.IntentsDefault))
	}
	if !gateway.IntentsGuild.Has(gateway.IntentGuildMessagePolls) || !gateway.IntentsDirectMessage.Has(gateway.IntentDirectMessagePolls) {
		t.Error("the poll intents are not in their groups")
	}
	if gateway.IntentGuildBans != gateway.IntentGuildModeration {
		t.Errorf("IntentGuildBans = %#x, want IntentGuildModeration", int64(gateway.IntentGuildBans))
	}
}

func TestCheckIntents(t *testing.T) {
	tests := []struct {
		intents, approved gateway.Intents
		want              error
	}{
		{gateway.IntentsDefault, gateway.IntentsNone, nil},
		{gateway.IntentsAll, gateway.IntentsPrivileged, nil},
		{gateway.IntentGuilds | gateway.IntentMessageContent, gateway.IntentMessageContent, nil},
		{gateway.IntentGuilds | gateway.IntentMessageContent, gateway.IntentGuildMembers, gateway.ErrPrivilegedIntents},
		{gateway.IntentGuilds | 1<<17, gateway.IntentsPrivileged, gateway.ErrUnknownIntents},
		{1 << 40, gateway.IntentsNone, gateway.ErrUnknownIntents},
	}
	for _, tt := range tests {
		err := gateway.CheckIntents(tt.intents, tt.approved)
		if !errors.Is(err, tt.want) || (tt.want == nil) != (err == nil) {
			t.Errorf("CheckIntents(%#x, %#x) = %v, want %v", int64(tt.intents), int64(tt.approved), err, tt.want)
		}
	}
}

// Identify carries intents as a JSON number, and Discord takes no other form.
func TestIdentifyIntentsAreANumber(t *testing.T) {
	m, err := gateway.NewIdentify("token", gateway.IdentifyProperties{OS: "linux", Browser: "adopt", Device: "adopt"},
		gateway.IntentGuilds|gateway.IntentGuildMessages|gateway.IntentMessageContent)
	if err != nil {
		t.Fatal(err)
	}
	out, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"op":2,"d":{"token":"token","properties":{"os":"linux","browser":"adopt","device":"adopt"},"intents":33281}}`
	if string(out) != want {
		t.Errorf("Identify is\n%s\nwant\n%s", out, want)
	}
	var back gateway.Message
	if err := json.Unmarshal(out, &back); err != nil {
		t.Fatal(err)
	}
	var id gateway.Identify
	if err := json.Unmarshal(back.D, &id); err != nil {
		t.Fatal(err)
	}
	if id.Intents != gateway.IntentGuilds|gateway.IntentGuildMessages|gateway.IntentMessageContent || !strings.Contains(string(back.D), `"intents":33281`) {
		t.Errorf("decoded intents %#x", int64(id.Intents))
	}
}
