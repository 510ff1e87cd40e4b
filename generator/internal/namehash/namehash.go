// Package namehash is the hash behind the perfect hash tables of generated
// Parse functions. The generator calls it to place names in their slots and
// copies this file's declarations, verbatim, into every package whose Parse
// functions use a table, so the two can never disagree.
package namehash

// nameHash hashes a name for the perfect hash tables of the Parse
// functions. It reads the first, middle and last eight bytes of the name and
// its length, or all of a name shorter than eight bytes: a few loads and
// multiplications, where hashing every byte would cost more than the lookup
// it serves. The generator checks that it tells a table's names apart.
func nameHash(s string) uint64 {
	n := len(s)
	var a, b, c uint64
	switch {
	case n >= 8:
		a, b, c = load64(s, 0), load64(s, (n-8)/2), load64(s, n-8)
	case n >= 4:
		a = load32(s, 0) | load32(s, n-4)<<32
	case n > 0:
		a = uint64(s[0]) | uint64(s[n/2])<<8 | uint64(s[n-1])<<16
	}
	return a*0x9e3779b97f4a7c15 ^ b*0xc2b2ae3d27d4eb4f ^ c ^ uint64(n)
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
