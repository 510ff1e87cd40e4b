package generator

import "github.com/gatewaygen/gatewaygen/generator/internal/namehash"

// This file finds the perfect hash tables behind the Parse functions: a
// seed such that nameHash(name)*seed>>(64-bits) gives each name a slot of
// its own in a table of 1<<bits slots. A lookup then compares the name with
// the one name in its slot.
//
// A seed works for n names in m slots with a probability of about
// exp(-n²/2m), so the search starts at the size where that is some percent
// and doubles the table after seedsPerSize seeds. The seeds are tried in a
// fixed order, so the same names always give the same table. Where no
// table of up to 1<<maxBits slots is found (thousands of names), the Parse
// function is a switch instead.

const (
	// maxBits bounds a table: 8192 slots of one or two bytes stay in cache.
	maxBits = 13
	// seedsPerSize is the number of seeds tried for each table size.
	seedsPerSize = 64
)

// A hashTable is a perfect hash of a list of names.
type hashTable struct {
	seed  uint64 // odd
	bits  int
	slots []int // the index of the name in each slot, plus one; 0 if empty
}

// newHashTable returns a perfect hash of names, which are distinct and
// non-empty, or nil if there is none of at most 1<<maxBits slots.
func newHashTable(names []string) *hashTable {
	n := len(names)
	if n == 0 {
		return nil
	}
	hashes := make([]uint64, n)
	seen := make(map[uint64]bool, n)
	for i, name := range names {
		hashes[i] = namehash.Hash(name)
		if seen[hashes[i]] {
			return nil // two names the hash cannot tell apart collide under every seed
		}
		seen[hashes[i]] = true
	}
	for bits := max(bitsFor(n*n/16), bitsFor(n), 1); bits <= maxBits; bits++ {
		slots := make([]int, 1<<bits)
	seeds:
		for try := range seedsPerSize {
			clear(slots)
			seed := seedAt(try)
			for i, h := range hashes {
				s := h * seed >> (64 - bits)
				if slots[s] != 0 {
					continue seeds
				}
				slots[s] = i + 1
			}
			return &hashTable{seed: seed, bits: bits, slots: slots}
		}
	}
	return nil
}

// seedAt returns the i'th seed: splitmix64's sequence, made odd.
func seedAt(i int) uint64 {
	z := uint64(i+1) * 0x9e3779b97f4a7c15
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return (z ^ z>>31) | 1
}

// bitsFor returns the smallest b with 1<<b >= n.
func bitsFor(n int) int {
	b := 0
	for 1<<b < n {
		b++
	}
	return b
}
