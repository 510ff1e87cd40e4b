package gateway_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/gatewaygen/gatewaygen/generated/gateway"
)

// docsFrames are Gateway messages shaped as the docs' examples are (their
// keys, nulls and nesting; the values are made up), each with the type of
// its payload.
var docsFrames = []struct {
	frame string
	want  any
}{
	{`{"op":10,"d":{"heartbeat_interval":45000},"s":null,"t":null}`, (*gateway.Hello)(nil)},
	{`{"op":2,"d":{"token":"my_token","properties":{"os":"linux","browser":"disco","device":"disco"},"compress":true,` +
		`"large_threshold":250,"shard":[0,1],"presence":{"activities":[{"name":"Cards","type":0,"created_at":1720718827299}],` +
		`"status":"dnd","since":91879201,"afk":false},"intents":7}}`, (*gateway.Identify)(nil)},
	{`{"op":6,"d":{"token":"randomstring","session_id":"evenmorerandomstring","seq":1337}}`, (*gateway.Resume)(nil)},
	{`{"op":3,"d":{"since":null,"activities":[],"status":"online","afk":false}}`, (*gateway.GatewayPresenceUpdate)(nil)},
	{`{"op":0,"s":2,"t":"MESSAGE_CREATE","d":{"reactions":[{"count":1,"count_details":{"burst":0,"normal":1},"me":false,` +
		`"me_burst":false,"emoji":{"id":null,"name":"🔥"},"burst_colors":[]}],"attachments":[],"tts":false,"embeds":[],` +
		`"timestamp":"2017-07-11T17:27:07.299000+00:00","mention_everyone":false,"id":"334385199974967042","pinned":false,` +
		`"edited_timestamp":null,"author":{"username":"Mason","discriminator":"9999","id":"53908099506183680",` +
		`"avatar":"a_bab14f271d565501444b2ca3be944b25"},"mention_roles":[],"content":"Supa Hot","channel_id":"290926798999357250",` +
		`"mentions":[],"type":0,"guild_id":"290926798626357250","member":{"roles":[],"joined_at":"2017-07-11T17:27:07.299000+00:00",` +
		`"deaf":false,"mute":false,"flags":0}}}`, (*gateway.MessageCreate)(nil)},
	{`{"op":0,"s":3,"t":"CHANNEL_CREATE","d":{"id":"41771983423143937","guild_id":"41771983423143937","name":"general",` +
		`"type":0,"position":6,"permission_overwrites":[],"rate_limit_per_user":2,"nsfw":true,"topic":"24/7 chat about how to gank Mike #2",` +
		`"last_message_id":"155117677105512449","parent_id":"399942396007890945","default_auto_archive_duration":60}}`, (*gateway.Channel)(nil)},
	{`{"op":0,"s":4,"t":"USER_UPDATE","d":{"id":"80351110224678912","username":"Nelly","global_name":null,"discriminator":"1337",` +
		`"avatar":"8342729096ea3675442027381ff50dfe","verified":true,"email":"nelly@discord.com","flags":64,` +
		`"banner":"06c16474723fe537c283b8efa61a30c8","accent_color":16711680,"premium_type":1,"public_flags":64,` +
		`"avatar_decoration_data":{"sku_id":"1144058844004233369","asset":"a_fed43ab12698df65902ba06727e20c0e"}}}`, (*gateway.User)(nil)},
}

// TestDocsExamples decodes each frame with DecodeFrame and Payload into its
// type, and encodes the payload back: the same keys, nulls and values.
func TestDocsExamples(t *testing.T) {
	for _, tt := range docsFrames {
		f, err := gateway.DecodeFrame([]byte(tt.frame))
		if err != nil {
			t.Fatalf("DecodeFrame(%s): %v", tt.frame, err)
		}
		p, err := f.Payload()
		if err != nil {
			t.Fatalf("Payload of %s: %v", tt.frame, err)
		}
		if reflect.TypeOf(p) != reflect.TypeOf(tt.want) {
			t.Errorf("Payload of %s is a %T, want %T", tt.frame, p, tt.want)
			continue
		}
		back, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		if a, b := normalized(t, f.D), normalized(t, back); !reflect.DeepEqual(a, b) {
			t.Errorf("the payload of %s encodes back as\n%s", tt.frame, back)
		}
	}
}

// normalized decodes JSON into maps, slices and json.Numbers, so that two
// documents compare equal when they hold the same keys, nulls and values,
// timestamps to the letter.
func normalized(t *testing.T, data []byte) any {
	t.Helper()
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// TestTimestampForm: a Timestamp encodes as Discord writes times, with
// microseconds unless they are zero and the offset in hours and minutes, so
// that what Discord sent encodes back unchanged.
func TestTimestampForm(t *testing.T) {
	for _, tt := range []struct{ in, out string }{
		{`"2017-07-11T17:27:07.299000+00:00"`, `"2017-07-11T17:27:07.299000+00:00"`},
		{`"2021-04-12T23:40:39.855793+00:00"`, `"2021-04-12T23:40:39.855793+00:00"`},
		{`"2021-04-12T23:40:39+00:00"`, `"2021-04-12T23:40:39+00:00"`},
		{`"2021-04-12T23:40:39.5+02:00"`, `"2021-04-12T23:40:39.500000+02:00"`},
		{`"2017-07-11T17:27:07.299Z"`, `"2017-07-11T17:27:07.299000+00:00"`},
	} {
		var ts gateway.Timestamp
		if err := json.Unmarshal([]byte(tt.in), &ts); err != nil {
			t.Fatalf("%s: %v", tt.in, err)
		}
		if out, err := json.Marshal(ts); err != nil || string(out) != tt.out {
			t.Errorf("%s encodes as %s, %v; want %s", tt.in, out, err, tt.out)
		}
	}
	var ts gateway.Timestamp
	if err := json.Unmarshal([]byte(`null`), &ts); err != nil || !ts.IsZero() {
		t.Errorf("null: %v, %v", ts, err)
	}
	if err := json.Unmarshal([]byte(`"yesterday"`), &ts); err == nil {
		t.Error(`"yesterday" decodes without error`)
	}
}

// FuzzDecodeFrame checks that DecodeFrame accepts exactly what
// json.Unmarshal into a Frame accepts, with the same errors, and finds the
// same frame.
func FuzzDecodeFrame(f *testing.F) {
	for _, tt := range docsFrames {
		f.Add([]byte(tt.frame))
	}
	for _, s := range []string{`null`, `{}`, `[]`, `{"op":1.5}`, `{"OP":2,"T":"READY","ſ":3}`, `{"t":"MESSAGE\u005fCREATE"}`,
		`{"op":0,"t":"APPLICATION_COMMAND_PERMISSIONS_UPDATE","d":{}}`, "{\"t\":\"\xff\"}", `{"op":1,"op":null,"t":"A","t":null}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var want gateway.Frame
		wantErr := json.Unmarshal(data, &want)
		got, err := gateway.DecodeFrame(data)
		switch {
		case (err == nil) != (wantErr == nil) || err != nil && err.Error() != wantErr.Error():
			t.Fatalf("DecodeFrame(%q) error %v; json.Unmarshal error %v", data, err, wantErr)
		case err == nil && (got.Op != want.Op || got.S != want.S || got.T != want.T || !bytes.Equal(got.D, want.D) || (got.D == nil) != (want.D == nil)):
			t.Fatalf("DecodeFrame(%q) = %+v; json.Unmarshal gives %+v", data, got, want)
		}
	})
}

// TestDecodeFrameAllocs checks that decoding a frame allocates nothing,
// whatever the event.
func TestDecodeFrameAllocs(t *testing.T) {
	for _, ev := range gateway.Events() {
		data := []byte(`{"op":0,"s":7,"t":"` + ev.String() + `","d":{"id":"1"}}`)
		if n := testing.AllocsPerRun(10, func() {
			if f, err := gateway.DecodeFrame(data); err != nil || f.Event() != ev {
				t.Fatalf("DecodeFrame(%s) = %+v, %v", data, f, err)
			}
		}); n != 0 {
			t.Errorf("DecodeFrame allocates %v times for %s", n, ev)
		}
	}
}

// ExampleFrame_Payload decodes frames and switches on the payloads' types.
func ExampleFrame_Payload() {
	for _, msg := range []string{
		`{"op":10,"d":{"heartbeat_interval":41250},"s":null,"t":null}`,
		`{"op":0,"s":2,"t":"MESSAGE_CREATE","d":{"id":"1","content":"!ping","guild_id":"2","edited_timestamp":null}}`,
		`{"op":0,"s":3,"t":"BRAND_NEW_EVENT","d":{"x":1}}`,
	} {
		f, err := gateway.DecodeFrame([]byte(msg))
		if err != nil {
			fmt.Println(err)
			continue
		}
		p, err := f.Payload()
		if err != nil {
			fmt.Println(err)
			continue
		}
		switch p := p.(type) {
		case *gateway.Hello:
			fmt.Println("heartbeat every", time.Duration(p.HeartbeatInterval)*time.Millisecond)
		case *gateway.MessageCreate:
			guild, _ := p.GuildID.Get()
			fmt.Printf("message %q in guild %v, edited: %v\n", p.Content, guild, !p.EditedTimestamp.IsNull())
		case json.RawMessage:
			fmt.Printf("%s (seq %d): %s\n", f.T, f.S, p)
		}
	}
	// Output:
	// heartbeat every 41.25s
	// message "!ping" in guild 2, edited: false
	// BRAND_NEW_EVENT (seq 3): {"x":1}
}
