package parser

import "sort"

// A lineIndex turns byte offsets into line and column numbers.
type lineIndex []int // offsets at which lines start

func newLineIndex(src []byte) lineIndex {
	starts := lineIndex{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// position returns the 1-based line and byte column of offset.
func (l lineIndex) position(offset int) (line, col int) {
	if offset < 0 {
		return 0, 0
	}
	i := sort.Search(len(l), func(i int) bool { return l[i] > offset }) - 1
	return i + 1, offset - l[i] + 1
}
