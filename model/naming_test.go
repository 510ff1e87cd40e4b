package model

import (
	"strings"
	"testing"
)

func TestGoName(t *testing.T) {
	n := DefaultNaming()
	for _, tt := range []struct{ wire, want string }{
		{"DISPATCH", "Dispatch"},
		{"HEARTBEAT_ACK", "HeartbeatACK"},
		{"GET_DELETED_ENTITY_IDS_NOT_MATCHING_HASH", "GetDeletedEntityIDsNotMatchingHash"},
		{"OAUTH2_TOKEN_REVOKE", "OAuth2TokenRevoke"},
		{"PASSIVE_UPDATE_V1", "PassiveUpdateV1"},
		{"DELETED_ENTITY_IDS", "DeletedEntityIDs"},
		{"REQUEST_GUILD_MEMBERS", "RequestGuildMembers"},
		{"MESSAGE__CREATE", "MessageCreate"},
		{"_MESSAGE_CREATE_", "MessageCreate"},
		{"message_create", "MessageCreate"},
		{"API_JSON_HTTP_RPC_URL_ID", "APIJSONHTTPRPCURLID"},
		{"USER_2FA", "User2fa"},
		{"X", "X"},
		{"DAVE_MLS_EXTERNAL_SENDER", "DAVEMLSExternalSender"},
		{"E2EE_DAVE_PROTOCOL_REQUIRED", "E2EEDAVEProtocolRequired"},
	} {
		got, err := n.GoName(tt.wire)
		if err != nil || got != tt.want {
			t.Errorf("GoName(%q) = %q, %v; want %q", tt.wire, got, err, tt.want)
		}
	}
}

func TestGoNameErrors(t *testing.T) {
	n := DefaultNaming()
	for _, tt := range []struct{ wire, want string }{
		{"", "no letters"},
		{"___", "no letters"},
		{"1ST_EVENT", "starts with a digit"},
		{"_1ST", "starts with a digit"},
		{"MESSAGE CREATE", `character ' '`},
		{"MÉSSAGE", `character 'É'`},
		{"A-B", `character '-'`},
	} {
		_, err := n.GoName(tt.wire)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("GoName(%q) error = %v, want one containing %q", tt.wire, err, tt.want)
		}
	}
}

func TestNamingOptions(t *testing.T) {
	n, err := NewNaming([]string{"SKU", "DM"}, map[string]string{"READY": "Ready2"})
	if err != nil {
		t.Fatal(err)
	}
	for wire, want := range map[string]string{
		"SKU_UPDATE": "SKUUpdate",
		"DM_CREATE":  "DMCreate",
		"READY":      "Ready", // renames are Build's
	} {
		if got, err := n.GoName(wire); err != nil || got != want {
			t.Errorf("GoName(%q) = %q, %v; want %q", wire, got, err, want)
		}
	}
	if got := n.WireFromPascal("SKUUpdate"); got != "SKU_UPDATE" {
		t.Errorf("WireFromPascal(SKUUpdate) = %q", got)
	}
	for _, bad := range []map[string]string{{"READY": "ready"}, {"READY": "Re ady"}, {"READY": ""}} {
		if _, err := NewNaming(nil, bad); err == nil {
			t.Errorf("NewNaming accepted override %v", bad)
		}
	}
	for _, bad := range []string{"", "A-B", "1X"} {
		if _, err := NewNaming([]string{bad}, nil); err == nil {
			t.Errorf("NewNaming accepted initialism %q", bad)
		}
	}
}

func TestWireFromPascal(t *testing.T) {
	n := DefaultNaming()
	for _, tt := range []struct{ pascal, want string }{
		{"Dispatch", "DISPATCH"},
		{"HeartbeatACK", "HEARTBEAT_ACK"},
		{"RequestGuildMembers", "REQUEST_GUILD_MEMBERS"},
		{"InvalidSession", "INVALID_SESSION"},
		{"GetDeletedEntityIDsNotMatchingHash", "GET_DELETED_ENTITY_IDS_NOT_MATCHING_HASH"},
		{"OAuth2TokenRevoke", "OAUTH2_TOKEN_REVOKE"},
		{"PassiveUpdateV1", "PASSIVE_UPDATE_V1"},
		{"HTTPServer", "HTTP_SERVER"},
		{"GuildID", "GUILD_ID"},
		{"Identify", "IDENTIFY"},
		{"VoiceStateUpdate", "VOICE_STATE_UPDATE"},
	} {
		if got := n.WireFromPascal(tt.pascal); got != tt.want {
			t.Errorf("WireFromPascal(%q) = %q, want %q", tt.pascal, got, tt.want)
		}
	}
}

func TestWireFromTitle(t *testing.T) {
	for _, tt := range []struct{ title, want string }{
		{"Heartbeat ACK", "HEARTBEAT_ACK"},
		{"Message Create", "MESSAGE_CREATE"},
		{"  Guild  Sync ", "GUILD_SYNC"},
		{"Auto Moderation Rule Create", "AUTO_MODERATION_RULE_CREATE"},
		{"OAuth2 Token Revoke", "OAUTH2_TOKEN_REVOKE"},
		{"Send/Receive", "SEND_RECEIVE"},
		{"Invalid intent(s)", "INVALID_INTENTS"},
		{"Disconnected: Rate Limited", "DISCONNECTED_RATE_LIMITED"},
		{"E2EE/DAVE protocol required", "E2EE_DAVE_PROTOCOL_REQUIRED"},
	} {
		if got := WireFromTitle(tt.title); got != tt.want {
			t.Errorf("WireFromTitle(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
}

// Every Go name round-trips: converting back to a wire name and forward again
// gives the same Go name, so PascalCase sources agree with UPPER_SNAKE ones.
func TestPascalRoundTrip(t *testing.T) {
	n := DefaultNaming()
	for _, wire := range []string{
		"HEARTBEAT_ACK", "GET_DELETED_ENTITY_IDS_NOT_MATCHING_HASH", "OAUTH2_TOKEN_REVOKE",
		"PASSIVE_UPDATE_V1", "CHANNEL_PINS_ACK", "USER_NON_CHANNEL_ACK", "DELETED_ENTITY_IDS",
	} {
		goName, err := n.GoName(wire)
		if err != nil {
			t.Fatal(err)
		}
		if back := n.WireFromPascal(goName); back != wire {
			t.Errorf("WireFromPascal(GoName(%q) = %q) = %q", wire, goName, back)
		}
	}
}

func TestCaseConversions(t *testing.T) {
	n, err := NewNaming([]string{"SKU"}, map[string]string{"READY": "Go"})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name                        string
		words                       string
		pascal, camel, snake, title string
	}{
		{"HEARTBEAT_ACK", "HEARTBEAT ACK", "HeartbeatAck", "heartbeatAck", "heartbeat_ack", "Heartbeat Ack"},
		{"HeartbeatACK", "Heartbeat ACK", "HeartbeatAck", "heartbeatAck", "heartbeat_ack", "Heartbeat Ack"},
		{"heartbeatAck", "heartbeat Ack", "HeartbeatAck", "heartbeatAck", "heartbeat_ack", "Heartbeat Ack"},
		{"Heartbeat ACK", "Heartbeat ACK", "HeartbeatAck", "heartbeatAck", "heartbeat_ack", "Heartbeat Ack"},
		{"GetDeletedEntityIDsNotMatchingHash", "Get Deleted Entity IDs Not Matching Hash",
			"GetDeletedEntityIdsNotMatchingHash", "getDeletedEntityIdsNotMatchingHash", "get_deleted_entity_ids_not_matching_hash", "Get Deleted Entity Ids Not Matching Hash"},
		{"OAUTH2_TOKEN_REVOKE", "OAUTH2 TOKEN REVOKE", "Oauth2TokenRevoke", "oauth2TokenRevoke", "oauth2_token_revoke", "Oauth2 Token Revoke"},
		{"SKUUpdate", "SKU Update", "SkuUpdate", "skuUpdate", "sku_update", "Sku Update"},
		{"READY", "READY", "Ready", "ready", "ready", "Ready"},
		{"__X__", "X", "X", "x", "x", "X"},
		{"", "", "", "", "", ""},
	} {
		if got := strings.Join(n.Words(tt.name), " "); got != tt.words {
			t.Errorf("Words(%q) = %q, want %q", tt.name, got, tt.words)
		}
		for _, c := range []struct {
			fn         func(string) string
			what, want string
		}{
			{n.PascalCase, "PascalCase", tt.pascal},
			{n.CamelCase, "CamelCase", tt.camel},
			{n.SnakeCase, "SnakeCase", tt.snake},
			{n.TitleCase, "TitleCase", tt.title},
		} {
			if got := c.fn(tt.name); got != c.want {
				t.Errorf("%s(%q) = %q, want %q", c.what, tt.name, got, c.want)
			}
		}
	}
	if got := WireFromTitle(n.TitleCase("GUILD_SCHEDULED_EVENT_USER_ADD")); got != "GUILD_SCHEDULED_EVENT_USER_ADD" {
		t.Errorf("WireFromTitle(TitleCase(...)) = %q", got)
	}
}

// Discord's initialisms are whole words both ways: wire names give Go
// names in Go's case, and typedoc members, which spell them either as
// initialisms (QoSUpdate) or as plain words (RtcRegion, NsfwLevel), read
// back as the same wire words.
func TestDiscordInitialisms(t *testing.T) {
	n := DefaultNaming()
	for _, tt := range []struct{ wire, goName string }{
		{"DM_CHANNEL_CREATE", "DMChannelCreate"},
		{"SKU_UPDATE", "SKUUpdate"},
		{"VOICE_QOS_REPORT", "VoiceQoSReport"},
		{"WEBRTC_TRANSPORT", "WebRTCTransport"},
		{"LFG_LISTING", "LFGListing"},
		{"RTC_REGION", "RTCRegion"},
		{"TTS_MESSAGE", "TTSMessage"},
		{"NSFW_LEVEL", "NSFWLevel"},
		{"AFK_TIMEOUT", "AFKTimeout"},
		{"MFA_LEVEL_UPDATE", "MFALevelUpdate"},
		{"GUILD_AFK", "GuildAFK"},
	} {
		if got, err := n.GoName(tt.wire); err != nil || got != tt.goName {
			t.Errorf("GoName(%q) = %q, %v; want %q", tt.wire, got, err, tt.goName)
		}
		if got := n.WireFromPascal(tt.goName); got != tt.wire {
			t.Errorf("WireFromPascal(%q) = %q, want %q", tt.goName, got, tt.wire)
		}
	}
	for _, tt := range []struct{ pascal, wire, words string }{
		{"RtcRegion", "RTC_REGION", "Rtc Region"},
		{"VoiceRtcConnect", "VOICE_RTC_CONNECT", "Voice Rtc Connect"},
		{"QoSUpdate", "QOS_UPDATE", "QoS Update"},
		{"VoiceQoS", "VOICE_QOS", "Voice QoS"},
		{"NsfwLevel", "NSFW_LEVEL", "Nsfw Level"},
		{"GuildNSFWLevel", "GUILD_NSFW_LEVEL", "Guild NSFW Level"},
		{"AfkChannel", "AFK_CHANNEL", "Afk Channel"},
		{"DmSettings", "DM_SETTINGS", "Dm Settings"},
		{"DMs", "D_MS", "D Ms"}, // a plural no list holds, as before: not DM
		{"SkuId", "SKU_ID", "Sku Id"},
		{"WebRTCTransport", "WEBRTC_TRANSPORT", "WebRTC Transport"},
		{"MfaLevel", "MFA_LEVEL", "Mfa Level"},
		{"TtsMessage", "TTS_MESSAGE", "Tts Message"},
		// An initialism is a word only where it ends one: Dmca is no DM.
		{"Dmca", "DMCA", "Dmca"},
	} {
		if got := n.WireFromPascal(tt.pascal); got != tt.wire {
			t.Errorf("WireFromPascal(%q) = %q, want %q", tt.pascal, got, tt.wire)
		}
		if got := strings.Join(n.Words(tt.pascal), " "); got != tt.words {
			t.Errorf("Words(%q) = %q, want %q", tt.pascal, got, tt.words)
		}
	}
}
