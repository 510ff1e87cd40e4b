package generator_test

import (
	"testing"

	"github.com/gatewaygen/gatewaygen/generator"
	"github.com/gatewaygen/gatewaygen/model"
)

// protocolSpec is a spec with every kind of table, built directly (the
// parser's tests cover reading them): close codes whose reconnect is
// true, false and unsaid, binary voice opcodes, two voice close codes of
// one name, intents with and without events, an opcode renamed under a lock
// file, and event values with a gap, as a lock file leaves them.
func protocolSpec() *model.Spec {
	at := func(line int) []model.Source { return []model.Source{{File: "protocol.md", Line: line}} }
	yes, no := true, false
	return &model.Spec{
		Sources: []string{"protocol.md"},
		Opcodes: []model.Opcode{
			{Code: 0, Entry: model.Entry{Name: "DISPATCH", GoName: "Dispatch", Description: "An event was dispatched.", Sources: at(3)}, SentBy: model.SenderServer},
			{Code: 2, Entry: model.Entry{Name: "IDENTIFY", GoName: "Identify", Sources: at(4)}, SentBy: model.SenderClient},
			{Code: 14, Entry: model.Entry{Name: "LAZY_REQUEST", GoName: "LazyRequest", Sources: at(5)}, SentBy: model.SenderClient,
				Aliases: []model.Alias{{Name: "GUILD_SUBSCRIPTIONS", GoName: "GuildSubscriptions", Source: model.Source{File: "gatewaygen.lock.json", Line: 4}}}},
		},
		Events: []model.Event{
			{Entry: model.Entry{Name: "READY", GoName: "Ready", Sources: at(8)}, Value: 1},
			{Entry: model.Entry{Name: "MESSAGE_CREATE", GoName: "MessageCreate", Description: "A message was sent.", Sources: at(9)}, Value: 2},
			{Entry: model.Entry{Name: "GUILD_MEMBER_ADD", GoName: "GuildMemberAdd", Sources: at(10)}, Value: 5},
			{Entry: model.Entry{Name: "GUILD_CREATE", GoName: "GuildCreate", Sources: at(11)}, Value: 4},
		},
		CloseCodes: []model.CloseCode{
			{Code: 4000, Entry: model.Entry{Name: "Unknown error", GoName: "UnknownError", Description: "Something went wrong; try reconnecting.", Sources: at(14)}, Reconnect: &yes},
			{Code: 4004, Entry: model.Entry{Name: "Authentication failed", GoName: "AuthenticationFailed", Description: "The token is invalid.", Sources: at(15)}, Reconnect: &no},
			{Code: 4007, Entry: model.Entry{Name: "Invalid seq", GoName: "InvalidSeq", Sources: at(16)}},
		},
		VoiceOpcodes: []model.VoiceOpcode{
			{Code: 0, Entry: model.Entry{Name: "IDENTIFY", GoName: "Identify", Sources: at(19)}, SentBy: model.SenderClient},
			{Code: 5, Entry: model.Entry{Name: "SPEAKING", GoName: "Speaking", Sources: at(20)}, SentBy: model.SenderBoth},
			{Code: 25, Entry: model.Entry{Name: "DAVE_MLS_EXTERNAL_SENDER", GoName: "DAVEMLSExternalSender", Sources: at(21)}, SentBy: model.SenderServer, Binary: true},
		},
		VoiceCloseCodes: []model.CloseCode{
			{Code: 4014, Entry: model.Entry{Name: "Disconnected", GoName: "Disconnected", Sources: at(24)}, Reconnect: &no},
			{Code: 4015, Entry: model.Entry{Name: "Voice server crashed", GoName: "VoiceServerCrashed", Sources: at(25)}},
			{Code: 4021, Entry: model.Entry{Name: "Disconnected", GoName: "Disconnected4021", Sources: at(26)}, Reconnect: &no},
		},
		Intents: []model.Intent{
			{Bit: 0, Entry: model.Entry{Name: "GUILDS", GoName: "Guilds", Sources: at(29)}, Events: []string{"GUILD_CREATE"}},
			{Bit: 1, Entry: model.Entry{Name: "GUILD_MEMBERS", GoName: "GuildMembers", Sources: at(30)}, Privileged: true, Events: []string{"GUILD_MEMBER_ADD"}},
			{Bit: 9, Entry: model.Entry{Name: "GUILD_MESSAGES", GoName: "GuildMessages", Sources: at(31)}, Events: []string{"MESSAGE_CREATE"}},
			{Bit: 12, Entry: model.Entry{Name: "DIRECT_MESSAGES", GoName: "DirectMessages", Sources: at(32)}, Events: []string{"MESSAGE_CREATE"}},
			{Bit: 15, Entry: model.Entry{Name: "MESSAGE_CONTENT", GoName: "MessageContent", Description: "Fills in the content of messages.", Sources: at(33)}, Privileged: true},
		},
	}
}

func generateProtocol(t *testing.T) []generator.File {
	t.Helper()
	files, err := generator.Generate(protocolSpec(), generator.Config{Package: "protocol"})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestProtocolGolden is TestGolden for protocolSpec.
func TestProtocolGolden(t *testing.T) {
	checkGolden(t, "testdata/protocol.golden", archive(generateProtocol(t)))
}

// protocolTest runs in the package generated from protocolSpec: the API of
// every table, as a client uses it.
const protocolTest = `package protocol

import "testing"

func TestProtocol(t *testing.T) {
	for _, tt := range []struct {
		code      CloseCode
		name      string
		known     bool
		reconnect bool
	}{
		{CloseCodeUnknownError, "Unknown error", true, true},
		{CloseCodeAuthenticationFailed, "Authentication failed", true, false},
		{CloseCodeInvalidSeq, "Invalid seq", true, true},
		{4999, "CloseCode(4999)", false, true},
		{1000, "CloseCode(1000)", false, true},
	} {
		if tt.code.String() != tt.name || tt.code.IsKnown() != tt.known || tt.code.CanReconnect() != tt.reconnect {
			t.Errorf("%d: %q %v %v", int(tt.code), tt.code.String(), tt.code.IsKnown(), tt.code.CanReconnect())
		}
	}
	if CloseCodeAuthenticationFailed.Description() != "The token is invalid." || len(CloseCodes()) != 3 {
		t.Errorf("close codes: %q, %v", CloseCodeAuthenticationFailed.Description(), CloseCodes())
	}
	if VoiceCloseCodeDisconnected != 4014 || VoiceCloseCodeDisconnected4021 != 4021 || VoiceCloseCodeDisconnected4021.String() != "Disconnected" || VoiceCloseCodeDisconnected.CanReconnect() {
		t.Error("voice close codes of one name")
	}
	if op, ok := ParseVoiceOpcode("DAVE_MLS_EXTERNAL_SENDER"); !ok || op != VoiceOpcodeDAVEMLSExternalSender || !op.Binary() || op.SentBy() != SenderServer {
		t.Errorf("ParseVoiceOpcode: %v %v", op, ok)
	}
	if VoiceOpcodeSpeaking.Binary() || VoiceOpcodeSpeaking.SentBy() != SenderClient|SenderServer || VoiceOpcode(12).String() != "VoiceOpcode(12)" {
		t.Error("voice opcodes")
	}
	if op, ok := ParseOpcode("GUILD_SUBSCRIPTIONS"); !ok || op != OpcodeLazyRequest || OpcodeGuildSubscriptions != OpcodeLazyRequest || op.String() != "LAZY_REQUEST" {
		t.Errorf("an opcode's earlier name: %v %v", op, ok)
	}
	if len(Opcodes()) != 3 {
		t.Errorf("Opcodes() = %v", Opcodes())
	}
	if EventGuildMemberAdd != 5 || MaxEvent != EventGuildMemberAdd || Event(3).IsKnown() || Event(3).String() != "Event(3)" {
		t.Error("event values with a gap")
	}
	for _, tt := range []struct {
		i    Intent
		want string
	}{
		{0, "0"},
		{IntentGuilds, "GUILDS"},
		{IntentGuilds | IntentMessageContent, "GUILDS|MESSAGE_CONTENT"},
		{IntentGuildMembers | 1<<40 | 1<<2, "GUILD_MEMBERS|0x10000000004"},
		{1 << 63, "0x8000000000000000"},
	} {
		if got := tt.i.String(); got != tt.want {
			t.Errorf("Intent(%#x).String() = %q, want %q", uint64(tt.i), got, tt.want)
		}
	}
	if IntentsPrivileged != IntentGuildMembers|IntentMessageContent || IntentsAll != IntentGuilds|IntentGuildMembers|IntentGuildMessages|IntentDirectMessages|IntentMessageContent {
		t.Error("IntentsAll, IntentsPrivileged")
	}
	if in, ok := ParseIntent("GUILD_MESSAGES"); !ok || in != IntentGuildMessages {
		t.Errorf("ParseIntent: %v %v", in, ok)
	}
	if EventMessageCreate.Intents() != IntentGuildMessages|IntentDirectMessages || EventReady.Intents() != 0 || EventUnknown.Intents() != 0 {
		t.Error("Event.Intents")
	}
	if got := IntentsFor(EventMessageCreate, EventGuildCreate, EventReady); got != IntentGuildMessages|IntentDirectMessages|IntentGuilds {
		t.Errorf("IntentsFor = %v", got)
	}
	if got := (IntentGuilds | IntentGuildMembers).Events(); len(got) != 2 || got[0] != EventGuildMemberAdd || got[1] != EventGuildCreate {
		t.Errorf("Intent.Events = %v", got)
	}
	if got := Intents(); len(got) != 5 || got[4] != IntentMessageContent {
		t.Errorf("Intents() = %v", got)
	}
	if IntentMessageContent.Description() != "Fills in the content of messages." || (IntentGuilds | IntentGuildMembers).Description() != "" {
		t.Error("Intent.Description")
	}
	var sink int
	if n := testing.AllocsPerRun(10, func() {
		for _, c := range CloseCodes() {
			sink += len(c.String())
		}
		sink += len(IntentGuilds.String())
		in, _ := ParseIntent("GUILDS")
		op, _ := ParseVoiceOpcode("SPEAKING")
		sink += int(in) + int(op)
	}); n > 1 { // CloseCodes allocates its slice
		t.Errorf("lookups allocate %v times", n)
	}
}
`
