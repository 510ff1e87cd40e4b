package model

import (
	"encoding/json"
	"reflect"
	"testing"
)

// The structures' JSON is the contract between the reading half (parser,
// Build) and the generator, and for tools in other languages; this test
// spells out every field name.
func TestStructureJSON(t *testing.T) {
	src := []Source{{File: "gateway-events.mdx", Line: 1129}}
	s := Structure{
		Name: "Message Create", GoName: "MessageCreate",
		Anchors:     []string{"developers/events/gateway-events#message-create-extra-fields"},
		Base:        "Message",
		Description: "",
		Fields: []Field{{
			Name: "mentions", GoName: "Mentions", Type: "array of user objects",
			Resolved: &TypeRef{Kind: TypeArray, Elem: &TypeRef{Kind: TypeStructure, Structure: "User", Link: "/developers/resources/user#user-object"}},
			Sources:  src,
		}, {
			Name: "member", GoName: "Member", Type: "partial guild member object", Optional: true, Nullable: false,
			Resolved: &TypeRef{Kind: TypeStructure, Structure: "Guild Member", Partial: true},
			Sources:  src,
		}, {
			Name: "guild_id", GoName: "GuildID", Type: "?snowflake", Optional: true, Nullable: true,
			Resolved: &TypeRef{Kind: TypePrimitive, Primitive: PrimitiveSnowflake},
			Sources:  src,
		}, {
			Name: "intents", GoName: "Intents", Type: "integer",
			Resolved: &TypeRef{Kind: TypeEnum, Primitive: PrimitiveInteger, Table: "intents"},
			Sources:  src,
		}, {
			Name: "shard", GoName: "Shard", Type: "array of two integers (shard_id, num_shards)",
			Resolved: &TypeRef{Kind: TypeRaw, Why: "tuple"},
			Sources:  src,
		}, {
			Name: "users", GoName: "Users", Type: "Map of Snowflakes to user objects",
			Resolved: &TypeRef{Kind: TypeMap, Key: &TypeRef{Kind: TypePrimitive, Primitive: PrimitiveSnowflake}, Elem: &TypeRef{Kind: TypeStructure, Structure: "User"}},
			Sources:  src,
		}},
		Sources: src,
	}
	e := Enum{
		Name: "Status Types", GoName: "StatusTypes", Anchors: []string{"developers/events/gateway-events#update-presence-status-types"},
		Shape:   EnumString,
		Members: []EnumValue{{Name: "online", GoName: "Online", Wire: "online", Description: "Online", Sources: src}},
		Sources: src,
	}
	got, err := json.Marshal(struct {
		S Structure `json:"structure"`
		E Enum      `json:"enum"`
	}{s, e})
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"structure":{"name":"Message Create","go_name":"MessageCreate","anchors":["developers/events/gateway-events#message-create-extra-fields"],"base":"Message","description":"","fields":[` +
		`{"name":"mentions","go_name":"Mentions","type":"array of user objects","optional":false,"nullable":false,"resolved":{"kind":"array","elem":{"kind":"structure","structure":"User","link":"/developers/resources/user#user-object"}},"description":"","deprecated":false,"sources":[{"file":"gateway-events.mdx","line":1129}]},` +
		`{"name":"member","go_name":"Member","type":"partial guild member object","optional":true,"nullable":false,"resolved":{"kind":"structure","structure":"Guild Member","partial":true},"description":"","deprecated":false,"sources":[{"file":"gateway-events.mdx","line":1129}]},` +
		`{"name":"guild_id","go_name":"GuildID","type":"?snowflake","optional":true,"nullable":true,"resolved":{"kind":"primitive","primitive":"snowflake"},"description":"","deprecated":false,"sources":[{"file":"gateway-events.mdx","line":1129}]},` +
		`{"name":"intents","go_name":"Intents","type":"integer","optional":false,"nullable":false,"resolved":{"kind":"enum","primitive":"integer","table":"intents"},"description":"","deprecated":false,"sources":[{"file":"gateway-events.mdx","line":1129}]},` +
		`{"name":"shard","go_name":"Shard","type":"array of two integers (shard_id, num_shards)","optional":false,"nullable":false,"resolved":{"kind":"raw","why":"tuple"},"description":"","deprecated":false,"sources":[{"file":"gateway-events.mdx","line":1129}]},` +
		`{"name":"users","go_name":"Users","type":"Map of Snowflakes to user objects","optional":false,"nullable":false,"resolved":{"kind":"map","elem":{"kind":"structure","structure":"User"},"key":{"kind":"primitive","primitive":"snowflake"}},"description":"","deprecated":false,"sources":[{"file":"gateway-events.mdx","line":1129}]}` +
		`],"sources":[{"file":"gateway-events.mdx","line":1129}]},` +
		`"enum":{"name":"Status Types","go_name":"StatusTypes","anchors":["developers/events/gateway-events#update-presence-status-types"],"shape":"string","description":"","members":[{"name":"online","go_name":"Online","value":0,"wire":"online","description":"Online","deprecated":false,"sources":[{"file":"gateway-events.mdx","line":1129}]}],"sources":[{"file":"gateway-events.mdx","line":1129}]}}`
	if string(got) != want {
		t.Errorf("JSON:\n%s\nwant:\n%s", got, want)
	}
	var back struct {
		S Structure `json:"structure"`
		E Enum      `json:"enum"`
	}
	if err := json.Unmarshal(got, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back.S, s) || !reflect.DeepEqual(back.E, e) {
		t.Errorf("round trip = %+v, want %+v", back, s)
	}
}
