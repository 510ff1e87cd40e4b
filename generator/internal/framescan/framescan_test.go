package framescan

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// The structs encoding/json decodes frames into, to compare scanFrame with:
// an op of each kind the generator may ask for.
type (
	refFrame struct {
		Op int64           `json:"op"`
		D  json.RawMessage `json:"d"`
		S  int64           `json:"s"`
		T  string          `json:"t"`
	}
	refFrame32 struct {
		Op int32           `json:"op"`
		D  json.RawMessage `json:"d"`
		S  int64           `json:"s"`
		T  string          `json:"t"`
	}
	refFrameU32 struct {
		Op uint32          `json:"op"`
		D  json.RawMessage `json:"d"`
		S  int64           `json:"s"`
		T  string          `json:"t"`
	}
)

// seeds are frames, well formed or not, that probe each rule: they are the
// fuzz target's seed corpus, which go test runs.
var seeds = []string{
	`{"op":0,"d":{"id":"1","content":"hi \"there\"","n":[1,2.5,-3e10,true,false,null]},"s":42,"t":"MESSAGE_CREATE"}`,
	`{"op":10,"d":{"heartbeat_interval":41250},"s":null,"t":null}`,
	`{"t":null,"s":null,"op":11,"d":null}`,
	`{"op":1,"d":251}`,
	` { "op" : 9 , "d" : false } `,
	`null`, ` null `, `nul`, `nullx`, ``, ` `, `{}`, `[]`, `"op"`, `1`, `true`, `{`, `}`, `{"op":1,}`, `{"op":1 "d":2}`,
	`{"op":1}x`, `{"op":1}{}`, `{"op"}`, `{op:1}`, `{"op":01}`, `{"op":1.0}`, `{"op":1e2}`, `{"op":-0}`, `{"op":-}`,
	`{"op":"1"}`, `{"op":true}`, `{"op":[]}`, `{"op":9223372036854775807}`, `{"op":9223372036854775808}`,
	`{"op":-9223372036854775808}`, `{"op":-9223372036854775809}`, `{"op":18446744073709551616}`,
	`{"op":2147483647}`, `{"op":2147483648}`, `{"op":-2147483648}`, `{"op":-2147483649}`, `{"op":4294967295}`, `{"op":4294967296}`, `{"op":-1}`,
	`{"op":1,"op":2}`, `{"op":1,"op":null}`, `{"op":"x","op":1}`, `{"s":5,"s":null}`, `{"s":1.5}`, `{"s":"5"}`,
	`{"t":"A","t":null}`, `{"t":"A","t":"B"}`, `{"t":5}`, `{"t":""}`, `{"t":"MESSAGE\u005fCREATE"}`, `{"t":"caf\u00e9"}`,
	"{\"t\":\"caf\xc3\xa9\"}", "{\"t\":\"bad \xff utf8\"}", "{\"t\":\"tab\there\"}", `{"t":"\ud83d\ude00"}`, `{"t":"\ud800"}`,
	`{"d":1,"d":null}`, `{"d":null,"d":{"a":1}}`, `{"d":"\u00zz"}`, `{"d":"\x"}`, `{"d":"unterminated}`,
	`{"OP":1,"D":2,"S":3,"T":"x"}`, `{"Op":1,"oP":2}`, `{"\u006fp":7}`, `{"o\u0070":7}`, "{\"\xc5\xbf\":8}", `{"\u017f":9}`, `{"\u017F":9}`,
	`{"\u212a":1}`, `{"\t":1}`, `{"\u0074":"x"}`, `{"\"":1}`, "{\"\xe0\xc5\xbf\":1}", `{"ops":1}`, `{"o":1}`, `{"":1}`,
	`{"d":[1,2,[3,[4]]],"x":{"y":{"z":[]}}}`, `{"d":-}`, `{"d":1.}`, `{"d":.5}`, `{"d":1e}`, `{"d":1e+}`, `{"d":1E-7}`, `{"d":-0.0e0}`,
	`{"d":tru}`, `{"d":nulL}`, `{"d":[1,]}`, `{"d":[,1]}`, `{"d":{"a" 1}}`, `{"d":{"a":1,}}`, `{"d":{1:2}}`,
	"{\"d\":\"\x7f\"}", "{\"d\":\"\x1f\"}", "\t\n\r {\"op\":1}\r\n",
}

// FuzzScanFrame checks that scanFrame accepts exactly the frames that
// encoding/json decodes, and finds in them what encoding/json does.
func FuzzScanFrame(f *testing.F) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var ref refFrame
		err := json.Unmarshal(data, &ref)
		got, ok := scanFrame(data, true, 64)
		if ok != (err == nil) {
			t.Fatalf("scanFrame(%q) ok = %v; encoding/json says %v", data, ok, err)
		}
		if ok {
			compare(t, data, got, uint64(ref.Op), ref.D, ref.S, ref.T)
		}

		var ref32 refFrame32
		err = json.Unmarshal(data, &ref32)
		got, ok = scanFrame(data, true, 32)
		if ok != (err == nil) {
			t.Fatalf("scanFrame(%q) for int32 ok = %v; encoding/json says %v", data, ok, err)
		}
		if ok && got.op != uint64(int64(ref32.Op)) {
			t.Fatalf("scanFrame(%q) op for int32 = %d, want %d", data, got.op, ref32.Op)
		}

		var refU32 refFrameU32
		err = json.Unmarshal(data, &refU32)
		got, ok = scanFrame(data, false, 32)
		if ok != (err == nil) {
			t.Fatalf("scanFrame(%q) for uint32 ok = %v; encoding/json says %v", data, ok, err)
		}
		if ok && got.op != uint64(refU32.Op) {
			t.Fatalf("scanFrame(%q) op for uint32 = %d, want %d", data, got.op, refU32.Op)
		}
	})
}

func compare(t *testing.T, data []byte, got frameFields, op uint64, d json.RawMessage, s int64, text string) {
	t.Helper()
	if got.op != op || got.s != s {
		t.Errorf("scanFrame(%q) op, s = %d, %d; want %d, %d", data, got.op, got.s, op, s)
	}
	if !bytes.Equal(got.d, d) || (got.d == nil) != (d == nil) {
		t.Errorf("scanFrame(%q) d = %q; want %q", data, got.d, d)
	}
	var gotText string
	if got.t != nil {
		if err := json.Unmarshal(got.t, &gotText); err != nil {
			t.Fatalf("scanFrame(%q) t = %q, which does not decode: %v", data, got.t, err)
		}
		if got.tPlain && string(got.t[1:len(got.t)-1]) != gotText {
			t.Errorf("scanFrame(%q) t = %q is not plain", data, got.t)
		}
	}
	if gotText != text {
		t.Errorf("scanFrame(%q) t = %q; want %q", data, gotText, text)
	}
	if len(got.d) > 0 && !within(data, got.d) {
		t.Errorf("scanFrame(%q) d is not a sub-slice of data", data)
	}
}

// within reports whether sub shares the memory of data.
func within(data, sub []byte) bool {
	for i := range data {
		if &data[i] == &sub[0] {
			return len(data)-i >= len(sub)
		}
	}
	return false
}

// TestDepth checks the nesting limit, which the fuzzer cannot reach: 10,000
// arrays and objects deep, the frame's own object included, is allowed, and
// one more is not, as in encoding/json.
func TestDepth(t *testing.T) {
	for _, depth := range []int{9999, 10000, 10001} {
		for _, open := range []string{"[", `{"a":`} {
			closing := "]"
			if open != "[" {
				closing = "}"
			}
			inner := depth - 1 // the frame is one
			data := []byte(`{"d":` + strings.Repeat(open, inner) + "0" + strings.Repeat(closing, inner) + `}`)
			var ref refFrame
			err := json.Unmarshal(data, &ref)
			if _, ok := scanFrame(data, true, 64); ok != (err == nil) {
				t.Errorf("depth %d of %s: scanFrame ok = %v; encoding/json says %v", depth, open, ok, err)
			}
			if want := depth <= frameMaxDepth; (err == nil) != want {
				t.Errorf("depth %d of %s: encoding/json says %v", depth, open, err)
			}
		}
	}
}
