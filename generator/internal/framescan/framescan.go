// Package framescan is the scanner behind generated DecodeFrame functions.
// The generator copies this file's declarations, verbatim, into every
// package that has a Frame (see generator/frame.go), which declares
// DecodeFrame around them; here they are tested and fuzzed against
// encoding/json as the plain Go they are. So this file imports nothing, and
// every name it declares starts with "frame" (the generator refuses a spec
// whose names would clash with them).
package framescan

// frameFields are the members of a Gateway frame that DecodeFrame reads: what
// encoding/json leaves in a struct with an integer Op, a json.RawMessage D,
// an int64 S and a string T after decoding data into it.
type frameFields struct {
	// op is the last op that is not null, as the bits of a two's
	// complement integer (uint64(int64(-1)) for -1); 0 if none.
	op uint64
	// s is the last s that is not null; 0 if none.
	s int64
	// t is the last t that is not null: a JSON string, quotes and all; nil
	// if none. tPlain says that it holds only printable ASCII and no
	// escapes, so that its text is t[1:len(t)-1] as it is.
	t      []byte
	tPlain bool
	// d is the last d, whatever its value, null included; nil if there is
	// none.
	d []byte
}

// frameMaxDepth is how deeply encoding/json lets arrays and objects nest.
const frameMaxDepth = 10000

// scanFrame reads data as encoding/json decodes it into that struct, where
// op is an integer of opBits bits, signed if opSigned, and reports whether
// encoding/json would succeed. It validates all of data, with the nesting
// limit of encoding/json, and matches keys as it does: case-insensitively,
// after unescaping. A null frame decodes to the zero frame, as it does; any
// other JSON value that is not an object is an error.
func scanFrame(data []byte, opSigned bool, opBits uint) (f frameFields, ok bool) {
	i := frameSpace(data, 0)
	if i < len(data) && data[i] == '{' {
		i, ok = frameObject(data, i, &f, opSigned, opBits)
	} else if i+4 <= len(data) && string(data[i:i+4]) == "null" {
		i, ok = i+4, true
	}
	if !ok {
		return f, false
	}
	return f, frameSpace(data, i) == len(data)
}

// frameObject reads the frame's object, which starts at data[i], into f and
// returns the offset after it.
func frameObject(data []byte, i int, f *frameFields, opSigned bool, opBits uint) (int, bool) {
	i = frameSpace(data, i+1)
	if i < len(data) && data[i] == '}' {
		return i + 1, true
	}
	for {
		if i >= len(data) || data[i] != '"' {
			return i, false
		}
		key := i
		end, plain, ok := frameString(data, i)
		if !ok {
			return i, false
		}
		i = frameSpace(data, end)
		if i >= len(data) || data[i] != ':' {
			return i, false
		}
		i = frameSpace(data, i+1)
		value := i
		if i, ok = frameValue(data, i, 1); !ok {
			return i, false
		}
		v := data[value:i]
		null := string(v) == "null"
		switch frameKey(data[key+1:end-1], plain) {
		case 'o':
			if !null {
				if f.op, ok = frameInt(v, opSigned, opBits); !ok {
					return i, false
				}
			}
		case 's':
			if !null {
				s, ok := frameInt(v, true, 64)
				if !ok {
					return i, false
				}
				f.s = int64(s)
			}
		case 't':
			switch {
			case null:
			case v[0] == '"':
				f.t = v
				_, f.tPlain, _ = frameString(v, 0)
			default:
				return i, false
			}
		case 'd':
			f.d = v
		}
		i = frameSpace(data, i)
		if i >= len(data) {
			return i, false
		}
		switch data[i] {
		case ',':
			i = frameSpace(data, i+1)
		case '}':
			return i + 1, true
		default:
			return i, false
		}
	}
}

// frameKey returns which member of the frame a key (its text between the
// quotes) names, 'o', 'd', 's' or 't', or 0 for none. Like encoding/json,
// it unescapes the key and compares it without regard to case, Unicode's
// simple folding included, under which "ſ" (U+017F) is an "s".
func frameKey(k []byte, plain bool) byte {
	if plain {
		switch {
		case len(k) == 2 && k[0]|0x20 == 'o' && k[1]|0x20 == 'p':
			return 'o'
		case len(k) == 1 && (k[0]|0x20 == 'd' || k[0]|0x20 == 's' || k[0]|0x20 == 't'):
			return k[0] | 0x20
		}
		return 0
	}
	// The rare key with escapes or bytes beyond ASCII: decode it one rune
	// at a time, folding the runes that can stand for the letters of ours.
	var runes [3]byte
	n := 0
	for i := 0; i < len(k); n++ {
		if n == len(runes) {
			return 0
		}
		var r rune
		switch {
		case k[i] == '\\' && k[i+1] == 'u':
			r = frameHex(k[i+2 : i+6])
			i += 6
		case k[i] == '\\':
			r = 0 // \", \\, \/ or a control character: no letter of ours
			i += 2
		case k[i] == 0xc5 && i+1 < len(k) && k[i+1] == 0xbf: // ſ in UTF-8
			r = 'ſ'
			i += 2
		default:
			// Any other byte beyond ASCII starts a rune that is no letter
			// of ours, or an invalid one, which becomes U+FFFD.
			r = rune(k[i])
			i++
		}
		switch {
		case r == 'ſ':
			runes[n] = 's'
		case r < 0x80:
			runes[n] = byte(r) | 0x20
		default:
			return 0
		}
	}
	switch string(runes[:n]) {
	case "op":
		return 'o'
	case "d", "s", "t":
		return runes[0]
	}
	return 0
}

// frameHex returns the value of four hex digits, which the scanner has
// checked.
func frameHex(h []byte) rune {
	var r rune
	for _, c := range h {
		switch {
		case c <= '9':
			r = r<<4 | rune(c-'0')
		default:
			r = r<<4 | rune(c|0x20-'a'+10)
		}
	}
	return r
}

// frameInt returns the JSON value v as an integer of bits bits, signed or
// not, in the bits of a uint64, and reports whether encoding/json decodes
// it into such an integer: a number with no fraction or exponent, in range.
func frameInt(v []byte, signed bool, bits uint) (uint64, bool) {
	neg := v[0] == '-'
	digits := v
	if neg {
		if !signed {
			return 0, false
		}
		digits = v[1:]
	}
	if len(digits) == 0 || len(digits) > 20 {
		return 0, false
	}
	var n uint64
	for _, c := range digits {
		if c < '0' || c > '9' {
			return 0, false // not a number, or one with a fraction or exponent
		}
		d := uint64(c - '0')
		if n > (1<<64-1-d)/10 {
			return 0, false
		}
		n = n*10 + d
	}
	limit := uint64(1)<<bits - 1 // the largest magnitude; 1<<64 - 1 for 64 bits
	if signed {
		limit = 1<<(bits-1) - 1
		if neg {
			limit++
		}
	}
	if n > limit {
		return 0, false
	}
	if neg {
		n = -n
	}
	return n, true
}

// frameValue checks the JSON value at data[i], nested depth containers
// deep, and returns the offset after it.
func frameValue(data []byte, i, depth int) (int, bool) {
	if i >= len(data) {
		return i, false
	}
	switch c := data[i]; {
	case c == '"':
		end, _, ok := frameString(data, i)
		return end, ok
	case c == '{':
		return frameObjectValue(data, i, depth+1)
	case c == '[':
		return frameArray(data, i, depth+1)
	case c == '-' || c >= '0' && c <= '9':
		return frameNumber(data, i)
	case c == 't':
		return frameLiteral(data, i, "true")
	case c == 'f':
		return frameLiteral(data, i, "false")
	case c == 'n':
		return frameLiteral(data, i, "null")
	}
	return i, false
}

func frameLiteral(data []byte, i int, lit string) (int, bool) {
	end := i + len(lit)
	return end, end <= len(data) && string(data[i:end]) == lit
}

// frameObjectValue checks an object nested in the frame.
func frameObjectValue(data []byte, i, depth int) (int, bool) {
	if depth > frameMaxDepth {
		return i, false
	}
	i = frameSpace(data, i+1)
	if i < len(data) && data[i] == '}' {
		return i + 1, true
	}
	for {
		if i >= len(data) || data[i] != '"' {
			return i, false
		}
		var ok bool
		if i, _, ok = frameString(data, i); !ok {
			return i, false
		}
		i = frameSpace(data, i)
		if i >= len(data) || data[i] != ':' {
			return i, false
		}
		if i, ok = frameValue(data, frameSpace(data, i+1), depth); !ok {
			return i, false
		}
		i = frameSpace(data, i)
		if i >= len(data) {
			return i, false
		}
		switch data[i] {
		case ',':
			i = frameSpace(data, i+1)
		case '}':
			return i + 1, true
		default:
			return i, false
		}
	}
}

func frameArray(data []byte, i, depth int) (int, bool) {
	if depth > frameMaxDepth {
		return i, false
	}
	i = frameSpace(data, i+1)
	if i < len(data) && data[i] == ']' {
		return i + 1, true
	}
	for {
		var ok bool
		if i, ok = frameValue(data, i, depth); !ok {
			return i, false
		}
		i = frameSpace(data, i)
		if i >= len(data) {
			return i, false
		}
		switch data[i] {
		case ',':
			i = frameSpace(data, i+1)
		case ']':
			return i + 1, true
		default:
			return i, false
		}
	}
}

// frameNumber checks a number as JSON writes them:
// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func frameNumber(data []byte, i int) (int, bool) {
	if data[i] == '-' {
		i++
	}
	switch {
	case i < len(data) && data[i] == '0':
		i++
	case i < len(data) && data[i] >= '1' && data[i] <= '9':
		i = frameDigits(data, i+1)
	default:
		return i, false
	}
	if i < len(data) && data[i] == '.' {
		j := frameDigits(data, i+1)
		if j == i+1 {
			return j, false
		}
		i = j
	}
	if i < len(data) && data[i]|0x20 == 'e' {
		i++
		if i < len(data) && (data[i] == '+' || data[i] == '-') {
			i++
		}
		j := frameDigits(data, i)
		if j == i {
			return j, false
		}
		i = j
	}
	return i, true
}

func frameDigits(data []byte, i int) int {
	for i < len(data) && data[i] >= '0' && data[i] <= '9' {
		i++
	}
	return i
}

// frameString checks the string that starts at data[i] and returns the
// offset after its closing quote, and whether it is plain: printable ASCII
// with no escapes. Like encoding/json, it accepts any byte but the control
// characters in a string, invalid UTF-8 included (decoding turns that into
// U+FFFD).
func frameString(data []byte, i int) (end int, plain, ok bool) {
	plain = true
	for i++; i < len(data); i++ {
		switch frameStringBytes[data[i]] {
		case frameByteText:
		case frameByteOther:
			plain = false
		case frameByteQuote:
			return i + 1, plain, true
		case frameByteBackslash:
			plain = false
			if i+1 >= len(data) {
				return i, false, false
			}
			i++
			switch data[i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if i+4 >= len(data) {
					return i, false, false
				}
				for _, c := range data[i+1 : i+5] {
					if !(c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'f') {
						return i, false, false
					}
				}
				i += 4
			default:
				return i, false, false
			}
		default: // a control character
			return i, false, false
		}
	}
	return i, false, false
}

// The classes of the bytes of a string.
const (
	frameByteText      = iota // printable ASCII, but for the quote and backslash
	frameByteOther            // a byte of UTF-8 beyond ASCII, or not UTF-8 at all
	frameByteQuote            // "
	frameByteBackslash        // \
	frameByteControl          // not allowed in a string
)

// frameStringBytes is the class of each byte in a string.
var frameStringBytes = [256]byte{
	0x00: 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
	0x10: 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
	'"':  frameByteQuote,
	'\\': frameByteBackslash,
	0x7f: frameByteOther,
	0x80: 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	0x90: 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	0xa0: 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	0xb0: 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	0xc0: 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	0xd0: 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	0xe0: 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	0xf0: 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
}

// frameSpace returns the offset of the first byte at or after i that is not
// JSON whitespace.
func frameSpace(data []byte, i int) int {
	for i < len(data) {
		switch data[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}
