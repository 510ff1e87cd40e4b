package generator

import (
	"bytes"
	"fmt"
	"strconv"
)

// This file emits ParseOpcode and ParseEvent: a perfect hash table (see
// phash.go) where one was found, or else a switch, which is correct for any
// set of names and which the compiler turns into a binary search on length
// and contents.

func (g *gen) opcodeNames() []string {
	names := make([]string, len(g.spec.Opcodes))
	for i, op := range g.spec.Opcodes {
		names[i] = op.Name
	}
	return names
}

func (g *gen) eventNames() []string {
	names := make([]string, len(g.spec.Events))
	for i, ev := range g.spec.Events {
		names[i] = ev.Name
	}
	return names
}

// newLookup returns the perfect hash of names, or nil if there is none and
// the switch must do.
func (g *gen) newLookup(names []string) *perfectHash {
	for _, name := range names {
		if name == "" {
			return nil // empty slots hold ""
		}
	}
	return newPerfectHash(names)
}

// hashSource declares the functions every perfect hash table uses, which
// phash.go mirrors. The verbs are the names of nameHash, load64, load32 and
// shortWord, then the two multipliers.
const hashSource = `// %[1]s hashes a name of length n whose first, middle and last eight bytes
// are a, b and c, for the perfect hash tables of the Parse functions; a
// name shorter than eight bytes is all in a, from %[4]s. Reading three words
// rather than every byte makes the hash a few instructions, and tells the
// names of the spec apart; the table's seed then spreads them over its slots.
func %[1]s(a, b, c uint64, n int) uint64 {
	return a*0x%016[5]x ^ b*0x%016[6]x ^ c ^ uint64(n)
}

// %[2]s reads the eight bytes of s at i, little-endian; the compiler makes it
// one load.
func %[2]s(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// %[3]s reads the four bytes of s at i, little-endian.
func %[3]s(s string, i int) uint64 {
	s = s[i : i+4]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24
}

// %[4]s holds all of a name shorter than eight bytes.
func %[4]s(s string) uint64 {
	switch n := len(s); {
	case n >= 4:
		return %[3]s(s, 0) | %[3]s(s, n-4)<<32
	case n > 0:
		return uint64(s[0]) | uint64(s[n/2])<<8 | uint64(s[n-1])<<16
	}
	return 0
}
`

// hashFuncs writes nameHash and the loads it uses, if a table needs them.
func (g *gen) hashFuncs(b *bytes.Buffer, _ func(int) int) {
	if g.opLookup == nil && g.evLookup == nil {
		return
	}
	n := g.names
	fmt.Fprintf(b, hashSource, n.nameHash, n.load64, n.load32, n.shortWord, uint64(hashMulA), uint64(hashMulB))
}

// A parseFunc describes ParseOpcode or ParseEvent for lookupFunc.
type parseFunc struct {
	name     string   // ParseOpcode
	doc      []string // its doc comment
	typ      string   // Opcode
	consts   []string // the constants, in the order of names
	names    []string // their wire names
	notFound string   // what it returns for an unknown name: 0 or EventUnknown
	noun     string   // "opcode"

	// With a perfect hash:
	ph     *perfectHash
	slots  string // the table
	slotOf string // the function from nameHash to slot
	disp   string // the displacements of a two-level table
	// The table's element type and how to write an element for name i;
	// given the element in variable s, the expressions of its name and of
	// its constant.
	elem          string
	writeElem     func(b *bytes.Buffer, i int)
	elemLen       func(i int) int // the length of what writeElem writes
	sName, sConst string
}

// lookupFunc writes a Parse function and, with a perfect hash, its
// tables, with a blank line between declarations.
func (g *gen) lookupFunc(b *bytes.Buffer, count func(int) int, p parseFunc) {
	if p.ph == nil {
		writeDoc(b, "", p.doc...)
		fmt.Fprintf(b, "func %s(name string) (%s, bool) {\n", p.name, p.typ)
		if len(p.names) > 0 {
			b.WriteString("\tswitch name {\n")
			for i := range count(len(p.names)) {
				b.WriteString("\tcase ")
				quote(b, p.names[i])
				fmt.Fprintf(b, ":\n\t\treturn %s, true\n", p.consts[i])
			}
			b.WriteString("\t}\n")
		}
		fmt.Fprintf(b, "\treturn %s, false\n}\n", p.notFound)
		return
	}
	g.hashLookup(b, p)
	b.WriteByte('\n')
	g.slotOfFunc(b, p)
	b.WriteByte('\n')
	if p.ph.bucketBits > 0 {
		dispTable(b, count, p)
		b.WriteByte('\n')
	}
	slotTable(b, count, p)
}

// hashLookup writes a Parse function that looks names up in a perfect hash
// table.
func (g *gen) hashLookup(b *bytes.Buffer, p parseFunc) {
	n := g.names
	writeDoc(b, "", p.doc...)
	writeDoc(b, "", "",
		"It hashes name (see "+n.nameHash+"), which gives the one slot of "+p.slots+" where name",
		"can be, and compares name with the name there, a few words at a time. The",
		"table was made when the package was generated.",
	)
	fmt.Fprintf(b, `func %[1]s(name string) (%[2]s, bool) {
	n := len(name)
	if n < 8 {
		s := %[3]s[%[4]s(%[5]s(%[6]s(name), 0, 0, n))]
		if n == 0 || %[7]s != name {
			return %[8]s, false
		}
		return %[9]s, true
	}
	m := (n - 8) / 2
	a, b, c := %[10]s(name, 0), %[10]s(name, m), %[10]s(name, n-8)
	s := %[3]s[%[4]s(%[5]s(a, b, c, n))]
	// The words read for the hash cover names of up to 24 bytes, two more
	// up to 40, and longer names are rare.
	t := %[7]s
	if len(t) != n || %[10]s(t, 0) != a || %[10]s(t, m) != b || %[10]s(t, n-8) != c ||
		n > 24 && (%[10]s(t, 8) != %[10]s(name, 8) || %[10]s(t, n-16) != %[10]s(name, n-16)) ||
		n > 40 && t[16:n-16] != name[16:n-16] {
		return %[8]s, false
	}
	return %[9]s, true
}
`, p.name, p.typ, p.slots, p.slotOf, n.nameHash, n.shortWord, p.sName, p.notFound, p.sConst, n.load64)
}

// slotOfFunc writes the function from a name's hash to its slot.
func (g *gen) slotOfFunc(b *bytes.Buffer, p parseFunc) {
	ph := p.ph
	fmt.Fprintf(b, "// %s returns the slot of %s for a name whose %s is x.\n", p.slotOf, p.slots, g.names.nameHash)
	if ph.bucketBits == 0 {
		fmt.Fprintf(b, "// The seed that multiplies x gives each name its own slot.\n")
		fmt.Fprintf(b, "func %s(x uint64) uint64 {\n\treturn x * 0x%016x >> %d\n}\n", p.slotOf, ph.seed, 64-ph.tableBits)
		return
	}
	fmt.Fprintf(b, "// The top bits of the seeded hash pick one of %d buckets, whose displacement\n", len(ph.disp))
	fmt.Fprintf(b, "// in %s moves its names to free slots.\n", p.disp)
	fmt.Fprintf(b, "func %s(x uint64) uint64 {\n", p.slotOf)
	fmt.Fprintf(b, "\th := x * 0x%016x\n", ph.seed)
	fmt.Fprintf(b, "\treturn (h ^ uint64(%s[h>>%d])) * 0x%016x >> %d\n}\n", p.disp, 64-ph.bucketBits, uint64(slotMul), 64-ph.tableBits)
}

// dispTable writes the displacements of a two-level table.
func dispTable(b *bytes.Buffer, count func(int) int, p parseFunc) {
	ph := p.ph
	fmt.Fprintf(b, "// %s is the displacement of each bucket of %s.\n", p.disp, p.slots)
	fmt.Fprintf(b, "var %s = [%d]uint16{\n", p.disp, len(ph.disp))
	const perLine = 16
	disp := ph.disp[:count(len(ph.disp))]
	for i := 0; i < len(disp); i += perLine {
		b.WriteByte('\t')
		for j, d := range disp[i:min(i+perLine, len(disp))] {
			if j > 0 {
				b.WriteByte(' ')
			}
			writeInt(b, int(d))
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString("}\n")
}

// slotTable writes the table of slots.
func slotTable(b *bytes.Buffer, count func(int) int, p parseFunc) {
	ph := p.ph
	fmt.Fprintf(b, "// %s holds each %s in the slot where %s looks for its name.\n", p.slots, p.noun, p.name)
	fmt.Fprintf(b, "var %s = [%d]%s{\n", p.slots, len(ph.slots), p.elem)
	// The slots in order, of the first count(n) names.
	shown := count(len(p.names))
	var slots []int
	for s, i := range ph.slots {
		if i >= 0 && i < shown {
			slots = append(slots, s)
		}
	}
	keyedLines(b, "\t", len(slots),
		func(k int) (int, int) {
			digits := len(strconv.Itoa(slots[k]))
			if digits+2+p.elemLen(ph.slots[slots[k]]) > 1_000_000 {
				return 0, 0
			}
			return digits, digits
		},
		func(b *bytes.Buffer, k int) { writeInt(b, slots[k]) },
		func(b *bytes.Buffer, k int) { p.writeElem(b, ph.slots[slots[k]]) })
	b.WriteString("}\n")
}
