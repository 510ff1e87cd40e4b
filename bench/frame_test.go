package bench

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/gatewaygen/gatewaygen/generated/gateway"
)

// The frames of the DecodeFrame and Payload budgets: a MESSAGE_CREATE of
// about 2 KB and a GUILD_CREATE of about 100 KB, shaped as Discord sends
// them (keys of the docs' structures, snowflakes as strings, timestamps,
// nulls, nested objects and arrays), built here so that the benchmarks
// need no captured traffic.
var (
	messageCreateFrame = buildFrame("MESSAGE_CREATE", 2<<10, messageCreate)
	guildCreateFrame   = buildFrame("GUILD_CREATE", 100<<10, guildCreate)
)

// baseFrame is the hand-written envelope of the budget's baseline: what a
// library decodes frames into with encoding/json.
type baseFrame struct {
	Op int             `json:"op"`
	D  json.RawMessage `json:"d"`
	S  *int64          `json:"s"`
	T  string          `json:"t"`
}

// buildFrame returns the frame of a dispatch of event whose data build
// returns with n repetitions of its repeated part, for the smallest n that
// makes the frame at least size bytes.
func buildFrame(event string, size int, build func(n int) any) []byte {
	for n := 1; ; n++ {
		d, err := json.Marshal(build(n))
		if err != nil {
			panic(err)
		}
		frame := fmt.Appendf(nil, `{"t":%q,"s":42,"op":0,"d":%s}`, event, d)
		if len(frame) >= size {
			return frame
		}
	}
}

type object = map[string]any

func snowflake(i int) string { return fmt.Sprint(1_100_000_000_000_000_000 + i*7919) }

func user(i int) object {
	return object{
		"id": snowflake(i), "username": fmt.Sprintf("user%d", i), "discriminator": "0",
		"global_name": fmt.Sprintf("User %d", i), "avatar": "8342729096ea3675442027381ff50dfe",
		"public_flags": 64, "flags": 64, "banner": nil, "accent_color": nil,
		"avatar_decoration_data": nil, "primary_guild": nil,
	}
}

func member(i int, withUser bool) object {
	m := object{
		"roles": []string{snowflake(i + 1), snowflake(i + 2)}, "joined_at": "2021-03-01T17:27:07.299000+00:00",
		"premium_since": nil, "deaf": false, "mute": false, "flags": 0, "pending": false,
		"nick": nil, "avatar": nil, "communication_disabled_until": nil,
	}
	if withUser {
		m["user"] = user(i)
	}
	return m
}

// messageCreate is a message in a guild channel with n sentences of
// content.
func messageCreate(n int) any {
	mention := user(7)
	mention["member"] = member(7, false)
	return object{
		"id": snowflake(1), "channel_id": snowflake(2), "guild_id": snowflake(3),
		"author": user(4), "member": member(4, false),
		"content":   strings.Repeat("The quick brown fox jumps over the lazy dog. ", n),
		"timestamp": "2024-07-11T17:27:07.299000+00:00", "edited_timestamp": nil,
		"tts": false, "mention_everyone": false, "mentions": []any{mention}, "mention_roles": []string{snowflake(5)},
		"attachments": []any{object{
			"id": snowflake(6), "filename": "image.png", "size": 123456, "content_type": "image/png",
			"url": "https://cdn.discordapp.com/attachments/1/2/image.png", "proxy_url": "https://media.discordapp.net/attachments/1/2/image.png",
			"width": 800, "height": 600,
		}},
		"embeds": []any{}, "components": []any{}, "pinned": false, "type": 0, "flags": 0,
		"nonce": "1258850932421066752", "referenced_message": nil,
	}
}

// guildCreate is a guild as the Gateway sends it on connecting, with n
// members, each with a presence, and channels and roles in proportion.
func guildCreate(n int) any {
	var roles, channels, members, presences []any
	for i := range n/4 + 1 {
		roles = append(roles, object{
			"id": snowflake(1000 + i), "name": fmt.Sprintf("role %d", i), "color": 3447003, "hoist": i%3 == 0,
			"icon": nil, "unicode_emoji": nil, "position": i, "permissions": "1071698660929", "managed": false,
			"mentionable": true, "flags": 0, "tags": object{"bot_id": snowflake(i)},
		})
		channels = append(channels, object{
			"id": snowflake(2000 + i), "type": i % 3, "guild_id": snowflake(3), "position": i,
			"name": fmt.Sprintf("channel-%d", i), "topic": nil, "nsfw": false, "last_message_id": snowflake(3000 + i),
			"rate_limit_per_user": 0, "parent_id": nil, "flags": 0,
			"permission_overwrites": []any{
				object{"id": snowflake(1000 + i), "type": 0, "allow": "1024", "deny": "0"},
			},
		})
	}
	for i := range n {
		members = append(members, member(10000+i, true))
		presences = append(presences, object{
			"user": object{"id": snowflake(10000 + i)}, "status": "online", "client_status": object{"desktop": "online"},
			"activities": []any{object{"name": "a game", "type": 0, "created_at": 1720718827299}},
		})
	}
	return object{
		"id": snowflake(3), "name": "A guild", "icon": "a_8342729096ea3675442027381ff50dfe", "splash": nil,
		"discovery_splash": nil, "owner_id": snowflake(4), "afk_channel_id": nil, "afk_timeout": 300,
		"verification_level": 1, "default_message_notifications": 1, "explicit_content_filter": 2,
		"features": []string{"COMMUNITY", "NEWS", "INVITE_SPLASH"}, "mfa_level": 0, "application_id": nil,
		"system_channel_id": snowflake(2000), "system_channel_flags": 0, "rules_channel_id": nil,
		"max_members": 500000, "vanity_url_code": nil, "description": nil, "banner": nil, "premium_tier": 1,
		"premium_subscription_count": 7, "preferred_locale": "en-US", "public_updates_channel_id": nil,
		"nsfw_level": 0, "premium_progress_bar_enabled": false, "safety_alerts_channel_id": nil,
		"roles": roles, "emojis": []any{}, "stickers": []any{},
		"joined_at": "2021-03-01T17:27:07.299000+00:00", "large": false, "unavailable": false,
		"member_count": n, "voice_states": []any{}, "members": members, "channels": channels, "threads": []any{},
		"presences": presences, "stage_instances": []any{}, "guild_scheduled_events": []any{}, "soundboard_sounds": []any{},
	}
}

var (
	sinkFrame gateway.Frame
	sinkBase  baseFrame
	sinkAny   any
)

// BenchmarkDecodeFrame decodes each frame with DecodeFrame, and with
// encoding/json into baseFrame.
func BenchmarkDecodeFrame(b *testing.B) {
	for _, fr := range []struct {
		name  string
		frame []byte
	}{{"message_create", messageCreateFrame}, {"guild_create", guildCreateFrame}} {
		b.Run("frame="+fr.name+"/impl=json", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(fr.frame)))
			for b.Loop() {
				var f baseFrame
				if err := json.Unmarshal(fr.frame, &f); err != nil {
					b.Fatal(err)
				}
				sinkBase = f
			}
		})
		b.Run("frame="+fr.name+"/impl=gatewaygen", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(fr.frame)))
			for b.Loop() {
				f, err := gateway.DecodeFrame(fr.frame)
				if err != nil {
					b.Fatal(err)
				}
				sinkFrame = f
			}
		})
	}
}

// BenchmarkPayload decodes each frame's data with Frame.Payload, and with
// json.Unmarshal straight into a new value of the same struct.
func BenchmarkPayload(b *testing.B) {
	for _, fr := range []struct {
		name  string
		frame []byte
		base  func(d []byte) (any, error)
	}{
		{"message_create", messageCreateFrame, func(d []byte) (any, error) {
			p := new(gateway.MessageCreate)
			return p, json.Unmarshal(d, p)
		}},
		{"guild_create", guildCreateFrame, func(d []byte) (any, error) {
			p := new(gateway.GuildCreate)
			return p, json.Unmarshal(d, p)
		}},
	} {
		f, err := gateway.DecodeFrame(fr.frame)
		if err != nil {
			b.Fatal(err)
		}
		b.Run("frame="+fr.name+"/impl=json", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(f.D)))
			for b.Loop() {
				p, err := fr.base(f.D)
				if err != nil {
					b.Fatal(err)
				}
				sinkAny = p
			}
		})
		b.Run("frame="+fr.name+"/impl=gatewaygen", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(f.D)))
			for b.Loop() {
				p, err := f.Payload()
				if err != nil {
					b.Fatal(err)
				}
				sinkAny = p
			}
		})
	}
}

// TestFrames checks the benchmarks' frames: their sizes, that DecodeFrame
// and encoding/json agree on them, and that Payload gives the structs the
// baselines decode into.
func TestFrames(t *testing.T) {
	for _, fr := range []struct {
		frame    []byte
		min, max int
		want     any
	}{
		{messageCreateFrame, 2 << 10, 3 << 10, (*gateway.MessageCreate)(nil)},
		{guildCreateFrame, 100 << 10, 104 << 10, (*gateway.GuildCreate)(nil)},
	} {
		if n := len(fr.frame); n < fr.min || n > fr.max {
			t.Errorf("a frame of %d bytes, want %d to %d", n, fr.min, fr.max)
		}
		var base baseFrame
		if err := json.Unmarshal(fr.frame, &base); err != nil {
			t.Fatal(err)
		}
		f, err := gateway.DecodeFrame(fr.frame)
		if err != nil || int(f.Op) != base.Op || f.T != base.T || f.S != *base.S || string(f.D) != string(base.D) {
			t.Fatalf("DecodeFrame = %+v, %v; encoding/json gives %+v", f, err, base)
		}
		p, err := f.Payload()
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprintf("%T", p) != fmt.Sprintf("%T", fr.want) {
			t.Errorf("Payload of %s is a %T, want %T", f.T, p, fr.want)
		}
	}
}
