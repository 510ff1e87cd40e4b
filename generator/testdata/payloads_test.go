package payloads

// This test is compiled into the package generated from payloads.md (see
// TestGeneratedPackages): payloads shaped like the docs' own examples decode
// through DecodeFrame and Payload into their types and encode back with no
// key lost or invented and every null kept.

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"testing"
	"time"
)

// frames are Gateway messages as the docs show them, each with the type its
// payload decodes to.
var frames = []struct {
	frame string
	want  any // a nil pointer of the payload's type, or json.RawMessage
}{
	{`{"op":10,"d":{"heartbeat_interval":45000},"s":null,"t":null}`, (*Hello)(nil)},
	{`{"op":2,"d":{"token":"my_token","properties":{"os":"linux","browser":"disco","device":"disco"},` +
		`"compress":false,"shard":[0,1],"presence":{"since":null,"status":"online","afk":false},"intents":513}}`, (*Identify)(nil)},
	{`{"op":2,"d":{"token":"t","properties":{"os":"","browser":"","device":""},"intents":0}}`, (*Identify)(nil)},
	{`{"op":3,"d":{"since":91879201,"status":"dnd","afk":true}}`, (*GatewayPresenceUpdate)(nil)},
	{`{"op":1,"d":251}`, json.RawMessage(nil)},
	{`{"op":1,"d":null}`, json.RawMessage(nil)},
	{`{"op":11}`, json.RawMessage(nil)},
	{`{"op":0,"s":1,"t":"READY","d":{"v":10,"user":{"id":"80351110224678912","username":"Nelly","discriminator":"1337",` +
		`"global_name":null,"avatar":"8342729096ea3675442027381ff50dfe","bot":true,"banner":null,"accent_color":16711680,` +
		`"flags":64,"public_flags":64},"session_id":"abc","resume_gateway_url":"wss://gateway.discord.gg","shard":[0,1]}}`, (*Ready)(nil)},
	{`{"op":0,"s":2,"t":"MESSAGE_CREATE","d":{"id":"334385199974967042","channel_id":"290926798999357250",` +
		`"author":{"id":"53908232506183680","username":"Mason","discriminator":"9999","global_name":"M","avatar":null},` +
		`"content":"Supa Hot","timestamp":"2017-07-11T17:27:07.299000+00:00","edited_timestamp":null,"tts":false,` +
		`"mention_everyone":false,"mentions":[],"nonce":"12345","pinned":false,"type":0,"flags":0,` +
		`"referenced_message":null,"guild_id":"290926798626357250",` +
		`"member":{"roles":["290926798626357251"],"joined_at":"2017-07-11T17:27:07.299000+00:00","premium_since":null,"deaf":false,"mute":false}}}`,
		(*MessageCreate)(nil)},
	{`{"op":0,"s":3,"t":"MESSAGE_UPDATE","d":{"id":"1","channel_id":"2","author":{"id":"3","username":"u","discriminator":"0",` +
		`"global_name":null,"avatar":null},"content":"edited","timestamp":"2017-07-11T17:27:07.299000+00:00",` +
		`"edited_timestamp":"2017-07-11T17:30:00+00:00","tts":false,"mention_everyone":true,` +
		`"mentions":[{"id":"4","username":"v","discriminator":"0","global_name":"V","avatar":"a"}],"nonce":12345,"pinned":true,"type":19,` +
		`"referenced_message":{"id":"5","channel_id":"2","author":{"id":"3","username":"u","discriminator":"0","global_name":null,"avatar":null},` +
		`"content":"original","timestamp":"2017-07-11T17:00:00+00:00","edited_timestamp":null,"tts":false,"mention_everyone":false,` +
		`"mentions":[],"pinned":false,"type":0},` +
		`"thread":{"id":"6","type":11,"name":null,"last_message_id":null},"components":[{"type":1,"components":[]}],` +
		`"reactions_by_emoji":{"a":1},"position":1.5}}`, (*Message)(nil)},
	{`{"op":0,"s":4,"t":"CHANNEL_CREATE","d":{"id":"41771983423143937","type":0,"guild_id":"41771983423143937",` +
		`"name":"general","recipients":[],"rate_limit_per_user":0,"permissions":"0"}}`, (*Channel)(nil)},
	{`{"op":0,"s":5,"t":"TYPING_START","d":{"channel_id":"1","user_id":"2","timestamp":1500000000}}`, (*TypingStart)(nil)},
	{`{"op":0,"s":6,"t":"RESUMED","d":{}}`, json.RawMessage(nil)},
	{`{"op":0,"s":7,"t":"SOME_FUTURE_EVENT","d":{"x":[1,2,3]}}`, json.RawMessage(nil)},
}

// TestRoundTrip decodes each frame and its payload and encodes the payload
// back: the same keys, the same nulls, the same values.
func TestRoundTrip(t *testing.T) {
	for _, tt := range frames {
		f, err := DecodeFrame([]byte(tt.frame))
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
		if f.D == nil {
			continue // no d to encode back
		}
		back, err := json.Marshal(p)
		if err != nil {
			t.Fatalf("encoding the payload of %s: %v", tt.frame, err)
		}
		if !sameJSON(t, f.D, back) {
			t.Errorf("the payload of %s encodes back as\n%s", tt.frame, back)
		}
	}
}

// sameJSON reports whether a and b hold the same JSON: the same keys, nulls
// and values, timestamps to the letter.
func sameJSON(t *testing.T, a, b []byte) bool {
	t.Helper()
	var va, vb any
	for _, x := range []struct {
		data []byte
		v    *any
	}{{a, &va}, {b, &vb}} {
		d := json.NewDecoder(bytes.NewReader(x.data))
		d.UseNumber()
		if err := d.Decode(x.v); err != nil {
			t.Fatal(err)
		}
	}
	return sameValue(va, vb)
}

func sameValue(a, b any) bool {
	switch a := a.(type) {
	case map[string]any:
		b, ok := b.(map[string]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for k, v := range a {
			w, ok := b[k]
			if !ok || !sameValue(v, w) {
				return false
			}
		}
		return true
	case []any:
		b, ok := b.([]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for i := range a {
			if !sameValue(a[i], b[i]) {
				return false
			}
		}
		return true
	case string:
		b, ok := b.(string)
		if !ok {
			return false
		}
		return a == b
	case json.Number:
		b, ok := b.(json.Number)
		if !ok {
			return false
		}
		fa, errA := a.Float64()
		fb, errB := b.Float64()
		return errA == nil && errB == nil && fa == fb
	}
	return reflect.DeepEqual(a, b)
}

// TestOptional checks the three states of a field that may be absent or
// null.
func TestOptional(t *testing.T) {
	for _, tt := range []struct {
		json                            string
		present, null, hasValue, edited bool
	}{
		{`{"edited_timestamp":null}`, false, false, false, false},
		{`{"edited_timestamp":"2020-01-01T00:00:00Z","referenced_message":null}`, true, true, false, true},
		{`{"edited_timestamp":null,"referenced_message":{"id":"9","edited_timestamp":null}}`, true, false, true, false},
	} {
		var m Message
		if err := json.Unmarshal([]byte(tt.json), &m); err != nil {
			t.Fatal(err)
		}
		ref, ok := m.ReferencedMessage.Get()
		if m.ReferencedMessage.IsPresent() != tt.present || m.ReferencedMessage.IsNull() != tt.null || ok != tt.hasValue {
			t.Errorf("%s: present %v, null %v, value %v", tt.json, m.ReferencedMessage.IsPresent(), m.ReferencedMessage.IsNull(), ok)
		}
		if ok && ref.ID != 9 {
			t.Errorf("%s: referenced message %d", tt.json, ref.ID)
		}
		if _, edited := m.EditedTimestamp.Get(); edited != tt.edited || !m.EditedTimestamp.IsPresent() {
			t.Errorf("%s: edited timestamp %v", tt.json, m.EditedTimestamp)
		}
	}
	var u User
	if v := u.Locale.Or("en-US"); v != "en-US" {
		t.Errorf("absent Or = %q", v)
	}
	u.Locale = Some("fr")
	u.Banner = Null[string]()
	u.GlobalName = Null[string]()
	b, err := json.Marshal(u)
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"id":"0","username":"","discriminator":"","global_name":null,"banner":null,"locale":"fr"}`
	if string(b) != want {
		t.Errorf("encoded %s, want %s", b, want)
	}
}

func TestSnowflake(t *testing.T) {
	for _, in := range []string{`"175928847299117063"`, `175928847299117063`} {
		var s Snowflake
		if err := json.Unmarshal([]byte(in), &s); err != nil || s != 175928847299117063 {
			t.Errorf("%s decodes to %d, %v", in, s, err)
		}
		if got := s.Time(); !got.Equal(time.Date(2016, 4, 30, 11, 18, 25, 796e6, time.UTC)) {
			t.Errorf("Time = %v", got)
		}
	}
	for _, in := range []string{`"12a"`, `-1`, `"18446744073709551616"`, `true`, `""`} {
		var s Snowflake
		if err := json.Unmarshal([]byte(in), &s); err == nil {
			t.Errorf("%s decodes to %d", in, s)
		}
	}
	b, err := json.Marshal(map[Snowflake]Snowflake{1: 18446744073709551615})
	if err != nil || string(b) != `{"1":"18446744073709551615"}` {
		t.Errorf("map encodes as %s, %v", b, err)
	}
	var m map[Snowflake]int
	if err := json.Unmarshal([]byte(`{"42":1}`), &m); err != nil || m[42] != 1 {
		t.Errorf("map decodes to %v, %v", m, err)
	}
}

// TestDecodeFrame checks what DecodeFrame gives for a dispatch, and that it
// neither allocates nor copies.
func TestDecodeFrame(t *testing.T) {
	data := []byte(frames[8].frame)
	f, err := DecodeFrame(data)
	if err != nil {
		t.Fatal(err)
	}
	if f.Op != OpcodeDispatch || f.S != 2 || f.T != "MESSAGE_CREATE" || f.Event() != EventMessageCreate {
		t.Errorf("DecodeFrame = %+v", f)
	}
	if i := bytes.Index(data, []byte(`{"id":"334385199974967042"`)); &f.D[0] != &data[i] {
		t.Error("D is not a sub-slice of data")
	}
	if n := testing.AllocsPerRun(100, func() { f, err = DecodeFrame(data) }); n != 0 {
		t.Errorf("DecodeFrame allocates %v times", n)
	}
	f, err = DecodeFrame([]byte(`{"op":0,"t":"SOME_FUTURE_EVENT","d":{}}`))
	if err != nil || f.T != "SOME_FUTURE_EVENT" || f.Event() != EventUnknown {
		t.Errorf("unknown event: %+v, %v", f, err)
	}
	_, err = DecodeFrame([]byte(`{"op":"HELLO"}`))
	var typeErr *json.UnmarshalTypeError
	if !errors.As(err, &typeErr) {
		t.Errorf("a string op: error %v, want encoding/json's", err)
	}
	if _, err := (Frame{Op: OpcodeHello, D: json.RawMessage(`{"heartbeat_interval":"soon"}`)}).Payload(); err == nil {
		t.Error("Payload of a bad HELLO: no error")
	}
}

// FuzzDecodeFrame checks that DecodeFrame accepts exactly what
// json.Unmarshal accepts, with the same errors, and finds the same frame.
func FuzzDecodeFrame(f *testing.F) {
	for _, tt := range frames {
		f.Add([]byte(tt.frame))
	}
	for _, s := range []string{`null`, `{}`, `[]`, `{"op":1.5}`, `{"OP":2,"T":"READY","ſ":3}`, `{"t":"MESSAGE\u005fCREATE"}`,
		`{"d":{"a":[1,{"b":null}]}`, "{\"t\":\"\xff\"}", `{"op":1,"op":null,"t":"A","t":null}`, `{"s":-9223372036854775808}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var want Frame
		wantErr := json.Unmarshal(data, &want)
		got, err := DecodeFrame(data)
		switch {
		case (err == nil) != (wantErr == nil):
			t.Fatalf("DecodeFrame(%q) error %v; json.Unmarshal error %v", data, err, wantErr)
		case err != nil && err.Error() != wantErr.Error():
			t.Fatalf("DecodeFrame(%q) error %q; json.Unmarshal error %q", data, err, wantErr)
		case err == nil && (got.Op != want.Op || got.S != want.S || got.T != want.T || !bytes.Equal(got.D, want.D) || (got.D == nil) != (want.D == nil)):
			t.Fatalf("DecodeFrame(%q) = %+v; json.Unmarshal gives %+v", data, got, want)
		}
	})
}
