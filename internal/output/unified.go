package output

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// contextLines is how many unchanged lines a hunk shows around changes, as
// with diff -u.
const contextLines = 3

// Unified returns a unified diff of old and new, as printed by diff -u, with
// oldName and newName in its header, or "" if old and new are equal.
//
// The diff is not always the shortest possible. It is an anchored diff, as
// printed by the go command and gofmt: lines that occur exactly once in old
// and once in new are paired up first, keeping the largest set of pairs that
// are in the same order on both sides, and every pair is then grown into a
// run of equal lines, up and down. That takes O(n log n) time on any input,
// where algorithms that find a shortest diff take time quadratic in the
// size of the input when the inputs differ a lot, which fresh generator
// output can. On source code it also tends to read better: unique lines
// such as declarations hold the diff in place, not braces and blank lines.
func Unified(oldName, newName string, old, new []byte) string {
	if string(old) == string(new) {
		return ""
	}
	a, b := lines(string(old)), lines(string(new))
	x, y, n := intern(a, b)

	var out strings.Builder
	fmt.Fprintf(&out, "--- %s\n+++ %s\n", oldName, newName)
	es := edits(x, y, n)
	for len(es) > 0 {
		// A hunk goes on to the next edit if the context after one edit would
		// touch or overlap the context before the next.
		n := 1
		for n < len(es) && es[n].x0-es[n-1].x1 <= 2*contextLines {
			n++
		}
		hunk := es[:n]
		es = es[n:]

		// Lines outside the edits are equal, so the context takes as many
		// lines from a as from b.
		first, last := hunk[0], hunk[len(hunk)-1]
		x0 := max(first.x0-contextLines, 0)
		x1 := min(last.x1+contextLines, len(a))
		y0 := first.y0 - (first.x0 - x0)
		y1 := last.y1 + (x1 - last.x1)
		fmt.Fprintf(&out, "@@ -%s +%s @@\n", span(x0, x1), span(y0, y1))
		i := x0
		for _, e := range hunk {
			writeLines(&out, ' ', a[i:e.x0])
			writeLines(&out, '-', a[e.x0:e.x1])
			writeLines(&out, '+', b[e.y0:e.y1])
			i = e.x1
		}
		writeLines(&out, ' ', a[i:x1])
	}
	return out.String()
}

// lines splits s into lines, each ending in "\n" except perhaps the last.
func lines(s string) []string {
	l := strings.SplitAfter(s, "\n")
	if l[len(l)-1] == "" {
		l = l[:len(l)-1]
	}
	return l
}

// intern numbers the distinct lines of a and b from 0 to n-1, so that the
// diff compares and counts ints rather than strings.
func intern(a, b []string) (x, y []int, n int) {
	ids := make(map[string]int)
	number := func(lines []string) []int {
		out := make([]int, len(lines))
		for i, l := range lines {
			id, ok := ids[l]
			if !ok {
				id = len(ids)
				ids[l] = id
			}
			out[i] = id
		}
		return out
	}
	x, y = number(a), number(b)
	return x, y, len(ids)
}

// A pair is a position in both inputs: line x of old and line y of new.
type pair struct{ x, y int }

// An edit replaces old lines x0 to x1 with new lines y0 to y1 (half-open
// ranges). The lines before, between and after edits are equal.
type edit struct{ x0, x1, y0, y1 int }

// edits returns the edits turning x into y, for lines numbered 0 to n-1.
func edits(x, y []int, n int) []edit {
	var es []edit
	var done pair // x[:done.x] and y[:done.y] are accounted for
	for _, a := range anchors(x, y, n) {
		if a.x < done.x || a.y < done.y {
			// Already matched while growing an earlier anchor.
			continue
		}
		start := a
		for start.x > done.x && start.y > done.y && x[start.x-1] == y[start.y-1] {
			start.x--
			start.y--
		}
		if start != done {
			es = append(es, edit{done.x, start.x, done.y, start.y})
		}
		done = a
		for done.x < len(x) && done.y < len(y) && x[done.x] == y[done.y] {
			done.x++
			done.y++
		}
	}
	return es
}

// anchors returns pairs of equal lines to build the diff around, in
// increasing order of both x and y: {0, 0}, from which a common prefix
// grows, then the longest sequence of pairs of lines unique in both x and y
// that is increasing in both, then {len(x), len(y)}, from which a common
// suffix grows.
func anchors(x, y []int, n int) []pair {
	// Count each line on each side, stopping at 2 for "many", and note
	// where unique lines are in y.
	countX, countY := make([]uint8, n), make([]uint8, n)
	posY := make([]int, n)
	for _, id := range x {
		countX[id] = min(countX[id]+1, 2)
	}
	for j, id := range y {
		countY[id] = min(countY[id]+1, 2)
		posY[id] = j
	}
	var unique []pair // increasing in x
	for i, id := range x {
		if countX[id] == 1 && countY[id] == 1 {
			unique = append(unique, pair{i, posY[id]})
		}
	}

	// Find the longest subsequence of unique increasing in y as well, by
	// patience sorting in O(n log n): tails[k] indexes the pair that ends
	// the increasing subsequence of length k+1 with the smallest y so far,
	// and prev links each pair to the one before it in its subsequence.
	var tails []int
	prev := make([]int, len(unique))
	for i, p := range unique {
		k, _ := slices.BinarySearchFunc(tails, p.y, func(t, y int) int {
			return cmp.Compare(unique[t].y, y)
		})
		prev[i] = -1
		if k > 0 {
			prev[i] = tails[k-1]
		}
		if k == len(tails) {
			tails = append(tails, i)
		} else {
			tails[k] = i
		}
	}

	out := make([]pair, len(tails)+2)
	out[len(out)-1] = pair{len(x), len(y)}
	if len(tails) > 0 {
		for k, i := len(tails), tails[len(tails)-1]; k > 0; k, i = k-1, prev[i] {
			out[k] = unique[i]
		}
	}
	return out
}

// span formats lines start to end (half-open) for a hunk header: the number
// of the first line and the count. An empty range is numbered by the line
// before it, as diff -u does.
func span(start, end int) string {
	if start == end {
		return fmt.Sprintf("%d,0", start)
	}
	return fmt.Sprintf("%d,%d", start+1, end-start)
}

// writeLines writes lines to out, each after prefix.
func writeLines(out *strings.Builder, prefix byte, lines []string) {
	for _, l := range lines {
		out.WriteByte(prefix)
		out.WriteString(l)
		if !strings.HasSuffix(l, "\n") {
			out.WriteString("\n\\ No newline at end of file\n")
		}
	}
}
