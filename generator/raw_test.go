package generator

import (
	"bytes"
	"go/format"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestKeyedLinesGofmt checks keyedLines against gofmt on keys of sizes
// that do and do not break the alignment.
func TestKeyedLinesGofmt(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	sizes := [][]int{
		{1, 2, 3, 40, 40, 1},
		{5, 41, 5, 100, 100, 30, 12, 45, 44, 160, 3},
		{41, 16, 17, 120, 49, 48, 47, 2},
	}
	for range 50 {
		var random []int
		for range 1 + r.IntN(30) {
			random = append(random, 1+r.IntN(150))
		}
		sizes = append(sizes, random)
	}
	for j, keys := range sizes {
		var b bytes.Buffer
		b.WriteString("package p\n\nvar x = map[string]int{\n")
		names := make([]string, len(keys))
		for i, n := range keys {
			// Some keys are not ASCII: gofmt decides on their size in bytes,
			// and aligns by their width in runes.
			letter := "x"
			if (i+j)%3 == 0 {
				letter = "é"
			}
			names[i] = "K" + strings.Repeat(letter, n-1)
		}
		keyedLines(&b, "\t", len(keys),
			func(i int) (int, int) { return len(names[i]), runes(names[i]) },
			func(b *bytes.Buffer, i int) { b.WriteString(names[i]) },
			func(b *bytes.Buffer, i int) { writeInt(b, i) })
		b.WriteString("}\n")
		want, err := format.Source(b.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b.Bytes(), want) {
			t.Errorf("key sizes %v: gofmt changes\n%s\nto\n%s", keys, b.Bytes(), want)
		}
	}
}

func TestPlain(t *testing.T) {
	for s, want := range map[string]bool{
		"":                   true,
		"An event.":          true,
		"trailing ":          false,
		"tab\there":          false,
		"new\nline":          false,
		"caf\u00e9":          false,
		"\u202eevil\u202c":   false,
		"`code` and (paren)": true,
	} {
		if got := plain(s); got != want {
			t.Errorf("plain(%q) = %v", s, got)
		}
		if got := plain(s); got && strings.Join(commentLines(s), "\n") != s {
			t.Errorf("plain(%q), but commentLines changes it", s)
		}
	}
}
