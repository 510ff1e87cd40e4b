package generator

// This file finds the perfect hash tables behind ParseOpcode and ParseEvent.
//
// A lookup hashes the name, which gives the one slot of the table where the
// name can be, and compares the name with the one in that slot. Where the
// names are few, as in every real spec, the slot is the top bits of the
// hash, and the search tries seeds until no two names share a slot. Where
// that would take a table much larger than the names, it uses "hash and
// displace" (Belazzougui, Botelho and Dietzfelbinger, 2009): the top bits
// of the hash pick a bucket, and a displacement chosen for each bucket moves
// its names to free slots. golang.org/x/net/html/atom uses cuckoo hashing
// instead, which may compare twice.
//
// The hash reads the first, middle and last eight bytes of a name and its
// length, or the whole name if it is shorter than eight bytes: a few loads
// and multiplications, where hashing every byte would cost more than the
// lookup it serves. Two names that differ only between those words would
// always collide; then, or if no seed works within a bounded amount of
// work, the generator falls back to a switch. The seeds are tried in a
// fixed order, so the same names always give the same table.
//
// The lookup compares the words it read for the hash before anything else,
// two more words for names longer than 24 bytes, and the bytes between
// them only for names longer than 40, which makes it about twice as fast as
// a map (see BENCHMARKS.md): it calls nothing for nearly every name.
//
// The Go code below must compute exactly what the emitted code does; the
// generated packages' tests look up every name of every fixture, and a name
// that did not round-trip would fail them.

const (
	// hashMulA and hashMulB mix the first and middle words of a name into
	// its hash, so that the three words do not cancel out.
	hashMulA = 0x9e3779b97f4a7c15
	hashMulB = 0xc2b2ae3d27d4eb4f
	// slotMul mixes a displaced hash before its top bits pick the slot.
	slotMul = 0x94d049bb133111eb

	// maxDirectBits bounds the table of a single-level hash: 8192 slots of
	// two bytes is a quarter of a typical L1 data cache.
	maxDirectBits = 13
	// directSeeds is the number of seeds tried for each single-level size.
	directSeeds = 64
	// maxDisp is the largest displacement: they are stored as uint16.
	maxDisp = 1<<16 - 1
	// seedTries bounds the number of seeds tried for a two-level hash.
	seedTries = 8
	// probesPerName bounds the work for one seed of a two-level hash: a
	// table of n names gives up after n*probesPerName placements were
	// tried. Real and synthetic specs need a few per name.
	probesPerName = 64
)

// load64 reads the eight bytes of s at i, little-endian.
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

// nameHash is the seed-independent hash of a name of length n whose first,
// middle and last words are a, b and c.
func nameHash(a, b, c uint64, n int) uint64 {
	return a*hashMulA ^ b*hashMulB ^ c ^ uint64(n)
}

// preHash is nameHash of s: names with equal pre-hashes collide under every
// seed.
func preHash(s string) uint64 {
	n := len(s)
	if n < 8 {
		return nameHash(shortWord(s), 0, 0, n)
	}
	return nameHash(load64(s, 0), load64(s, (n-8)/2), load64(s, n-8), n)
}

// A perfectHash maps each of a set of names to its own slot.
type perfectHash struct {
	seed       uint64   // an odd multiplier of the pre-hash
	tableBits  int      // the table has 1<<tableBits slots
	bucketBits int      // 0, or the top bucketBits bits of the hash pick the bucket
	disp       []uint16 // the displacement of each bucket
	slots      []int    // the index of the name in each slot, or -1
}

// slot returns the slot of a name with pre-hash x.
func (p *perfectHash) slot(x uint64) uint64 {
	h := x * p.seed
	if p.bucketBits == 0 {
		return h >> (64 - p.tableBits)
	}
	d := uint64(p.disp[h>>(64-p.bucketBits)])
	return (h ^ d) * slotMul >> (64 - p.tableBits)
}

// seed returns the i'th seed: odd, and fixed, so that output does not
// change between runs. It is splitmix64's sequence.
func seed(i int) uint64 {
	z := uint64(i+1) * 0x9e3779b97f4a7c15
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return (z ^ z>>31) | 1
}

// newPerfectHash returns a perfect hash of names, which must be distinct
// and non-empty, or nil if it found none.
func newPerfectHash(names []string) *perfectHash {
	n := len(names)
	if n == 0 {
		return nil
	}
	pre := make([]uint64, n)
	seen := make(map[uint64]bool, n)
	for i, name := range names {
		pre[i] = preHash(name)
		if seen[pre[i]] {
			return nil // two names the hash cannot tell apart
		}
		seen[pre[i]] = true
	}
	if p := direct(pre); p != nil {
		return p
	}
	// About four names a bucket, and a table at most 85% full: small
	// enough to stay in cache, empty enough for a quick search.
	tableBits := max(bitsFor(n+n*3/20), 1)
	bucketBits := max(bitsFor((n+3)/4), 1)
	for try := range seedTries {
		p := &perfectHash{seed: seed(try), bucketBits: bucketBits, tableBits: tableBits}
		if p.place(pre) {
			return p
		}
	}
	return nil
}

// direct returns a single-level perfect hash of the pre-hashes, or nil if
// there is none of at most 1<<maxDirectBits slots. A seed works for a
// table of m slots with a probability of about exp(-n²/2m), so the search
// starts at the size where that is some percent, and doubles the table
// after directSeeds seeds.
func direct(pre []uint64) *perfectHash {
	n := len(pre)
	var used []uint64 // a bit a slot
	for bits := max(bitsFor(n*n/16), bitsFor(n), 1); bits <= maxDirectBits; bits++ {
		used = make([]uint64, (1<<bits+63)/64)
	seeds:
		for try := range directSeeds {
			clear(used)
			p := &perfectHash{seed: seed(try), tableBits: bits}
			for _, x := range pre {
				s := p.slot(x)
				if used[s/64]&(1<<(s%64)) != 0 {
					continue seeds
				}
				used[s/64] |= 1 << (s % 64)
			}
			p.slots = make([]int, 1<<bits)
			for i := range p.slots {
				p.slots[i] = -1
			}
			for i, x := range pre {
				p.slots[p.slot(x)] = i
			}
			return p
		}
	}
	return nil
}

// bitsFor returns the smallest b with 1<<b >= n.
func bitsFor(n int) int {
	b := 0
	for 1<<b < n {
		b++
	}
	return b
}

// place finds a displacement for every bucket, largest bucket first, or
// reports false if that takes too much work.
func (p *perfectHash) place(pre []uint64) bool {
	n := len(pre)
	h := make([]uint64, n)
	nb := 1 << p.bucketBits
	// Bucket the names with a counting sort: count, then offsets, then fill.
	start := make([]int32, nb+1)
	for i, x := range pre {
		h[i] = x * p.seed
		start[h[i]>>(64-p.bucketBits)+1]++
	}
	// slot(pre) of a name of the bucket being placed, from its hash.
	slotOf := func(h uint64) uint64 {
		return (h ^ uint64(p.disp[h>>(64-p.bucketBits)])) * slotMul >> (64 - p.tableBits)
	}
	for b := range nb {
		start[b+1] += start[b]
	}
	members := make([]int32, n)
	fill := make([]int32, nb)
	copy(fill, start)
	for i := range h {
		b := h[i] >> (64 - p.bucketBits)
		members[fill[b]] = int32(i)
		fill[b]++
	}
	// Order the buckets by size, largest first, again by counting; ties
	// keep bucket order, so the result is deterministic.
	maxSize := 0
	for b := range nb {
		maxSize = max(maxSize, int(start[b+1]-start[b]))
	}
	order := make([]int32, 0, nb)
	for size := maxSize; size > 0; size-- {
		for b := range nb {
			if int(start[b+1]-start[b]) == size {
				order = append(order, int32(b))
			}
		}
	}

	p.disp = make([]uint16, nb)
	p.slots = make([]int, 1<<p.tableBits)
	for i := range p.slots {
		p.slots[i] = -1
	}
	budget := n * probesPerName
	var taken []uint64
	for _, b := range order {
		keys := members[start[b]:start[b+1]]
	search:
		for d := 0; ; d++ {
			if d > maxDisp || budget <= 0 {
				return false
			}
			budget--
			p.disp[b] = uint16(d)
			taken = taken[:0]
			for _, k := range keys {
				s := slotOf(h[k])
				if p.slots[s] >= 0 {
					continue search
				}
				for _, t := range taken {
					if t == s {
						continue search
					}
				}
				taken = append(taken, s)
			}
			for i, k := range keys {
				p.slots[taken[i]] = int(k)
			}
			break
		}
	}
	return true
}

// lookup returns the index of name in the names p was built from, or -1.
// It is what the generated code does, for the tests.
func (p *perfectHash) lookup(names []string, name string) int {
	i := p.slots[p.slot(preHash(name))]
	if i >= 0 && names[i] == name {
		return i
	}
	return -1
}
