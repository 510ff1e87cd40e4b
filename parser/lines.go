package parser

import (
	"bytes"
	"sort"
)

// A lineIndex turns byte offsets into line and column numbers.
type lineIndex []int // offsets at which lines start

func newLineIndex(src []byte) lineIndex {
	starts := make(lineIndex, 1, bytes.Count(src, newline)+1)
	for off := 0; ; {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			return starts
		}
		off += i + 1
		starts = append(starts, off)
	}
}

var newline = []byte{'\n'}

// position returns the 1-based line and byte column of offset.
func (l lineIndex) position(offset int) (line, col int) {
	if offset < 0 {
		return 0, 0
	}
	i := sort.Search(len(l), func(i int) bool { return l[i] > offset }) - 1
	return i + 1, offset - l[i] + 1
}
