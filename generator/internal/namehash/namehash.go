// Package namehash is the hash behind the perfect hash tables of generated
// Parse functions. The generator calls it to place names in their slots and
// copies this file's declarations, verbatim, into every package whose Parse
// functions use a table, so the two can never disagree.
package namehash

// A nameKey is what a Parse function hashes and compares of a name: its
// length and its first, middle and last eight bytes, or all of a name
// shorter than eight bytes. That is all of a name of up to 24 bytes, so
// for most names comparing keys, a few words, stands in for comparing the
// strings, which would be a call to the runtime.
type nameKey struct {
	a, b, c uint64
	n       int
}

// keyOf returns the key of s. The functions that look names up compute
// the key of a name with these same lines, written out in each: Go does
// not inline a function of three loads, and the call would cost a tenth of
// a lookup.
func keyOf(s string) (k nameKey) {
	k.n = len(s)
	if k.n < 8 {
		k.a = shortWord(s)
	} else {
		k.a, k.b, k.c = load64(s, 0), load64(s, (k.n-8)/2), load64(s, k.n-8)
	}
	return k
}

// shortWord holds all of a name shorter than eight bytes.
func shortWord(s string) uint64 {
	switch n := len(s); {
	case n >= 4:
		return load32(s, 0) | load32(s, n-4)<<32
	case n > 0:
		return uint64(s[0]) | uint64(s[n/2])<<8 | uint64(s[n-1])<<16
	}
	return 0
}

// hash folds the words of k into one, rotated so that they do not cancel
// out; a table's seed, which multiplies it, spreads the names over the
// table's slots.
func (k nameKey) hash() uint64 {
	return k.a ^ (k.b<<21 | k.b>>43) ^ (k.c<<42 | k.c>>22) ^ uint64(k.n)
}

// load64 reads the eight bytes of s at i, little-endian; the compiler makes
// it one load.
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// load32 reads the four bytes of s at i, little-endian.
func load32(s string, i int) uint64 {
	s = s[i : i+4]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24
}
