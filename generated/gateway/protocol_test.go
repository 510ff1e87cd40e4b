package gateway

import (
	"math/bits"
	"testing"
)

// TestProtocolCounts checks the tables of the default specs against the
// official docs: 14 close codes, 6 of which a client must not reconnect
// after; 23 voice opcodes, those from 25 to 30 binary; 16 voice close codes;
// 21 intents, 3 privileged; and 63 events behind some intent.
func TestProtocolCounts(t *testing.T) {
	noReconnect := 0
	for _, c := range CloseCodes() {
		if !c.CanReconnect() {
			noReconnect++
		}
	}
	if len(CloseCodes()) != 14 || noReconnect != 6 {
		t.Errorf("%d close codes, %d without reconnect; want 14 and 6", len(CloseCodes()), noReconnect)
	}
	for _, op := range VoiceOpcodes() {
		if want := op >= 25 && op <= 30; op.Binary() != want {
			t.Errorf("%v.Binary() = %v", op, op.Binary())
		}
	}
	if len(VoiceOpcodes()) != 23 || len(VoiceCloseCodes()) != 16 {
		t.Errorf("%d voice opcodes, %d voice close codes; want 23 and 16", len(VoiceOpcodes()), len(VoiceCloseCodes()))
	}
	if len(Intents()) != 21 || bits.OnesCount64(uint64(IntentsPrivileged)) != 3 ||
		IntentsPrivileged != IntentGuildMembers|IntentGuildPresences|IntentMessageContent {
		t.Errorf("%d intents, privileged %v; want 21 and GUILD_MEMBERS|GUILD_PRESENCES|MESSAGE_CONTENT", len(Intents()), IntentsPrivileged)
	}
	behind := 0
	for _, ev := range Events() {
		if ev.Intents() != 0 {
			behind++
		}
	}
	if behind != 63 || len(IntentsAll.Events()) != 63 {
		t.Errorf("%d events behind an intent (IntentsAll.Events: %d); want 63", behind, len(IntentsAll.Events()))
	}
}

// TestReconnect is the policy a client follows on a close frame.
func TestReconnect(t *testing.T) {
	for _, tt := range []struct {
		code CloseCode
		want bool
	}{
		{CloseCodeUnknownError, true},
		{CloseCodeAuthenticationFailed, false},
		{CloseCodeInvalidSeq, true},
		{CloseCodeInvalidIntents, false},
		{CloseCodeDisallowedIntents, false},
		{1000, true}, // a normal closure, which the table does not list
	} {
		if got := tt.code.CanReconnect(); got != tt.want {
			t.Errorf("%v.CanReconnect() = %v", tt.code, got)
		}
	}
	if s := CloseCodeInvalidSeq.String(); s != "Invalid seq" {
		t.Errorf("CloseCodeInvalidSeq.String() = %q", s)
	}
	if VoiceOpcodeDAVEMLSExternalSender != 25 || VoiceOpcodeDAVEMLSExternalSender.String() != "DAVE_MLS_EXTERNAL_SENDER" {
		t.Error("VoiceOpcodeDAVEMLSExternalSender")
	}
	if got := IntentsFor(EventMessageCreate, EventGuildCreate); got != IntentGuildMessages|IntentDirectMessages|IntentGuilds {
		t.Errorf("IntentsFor(MESSAGE_CREATE, GUILD_CREATE) = %v", got)
	}
	if s := (IntentGuilds | IntentGuildMembers).String(); s != "GUILDS|GUILD_MEMBERS" {
		t.Errorf("String() = %q", s)
	}
}

// The lookups and String methods of the new tables allocate nothing, as
// ParseEvent does not.
func TestProtocolNoAllocs(t *testing.T) {
	codes, voice, intents := CloseCodes(), VoiceOpcodes(), Intents()
	var sink int
	if n := testing.AllocsPerRun(10, func() {
		for _, c := range codes {
			sink += len(c.String())
		}
		for _, op := range voice {
			back, _ := ParseVoiceOpcode(op.String())
			sink += int(back)
		}
		for _, in := range intents {
			back, _ := ParseIntent(in.String())
			sink += int(back) + int(EventMessageCreate.Intents())
		}
	}); n != 0 {
		t.Errorf("%v allocations", n)
	}
}
