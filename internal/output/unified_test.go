package output

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// seq returns the lines from to to, each holding its own number: "1\n2\n...".
func seq(from, to int) string {
	var b strings.Builder
	for i := from; i <= to; i++ {
		fmt.Fprintf(&b, "%d\n", i)
	}
	return b.String()
}

func TestUnified(t *testing.T) {
	tests := []struct {
		name     string
		old, new string
		want     string
	}{
		{
			name: "identical",
			old:  "a\nb\n",
			new:  "a\nb\n",
			want: "",
		},
		{
			name: "both empty",
			want: "",
		},
		{
			name: "empty old",
			new:  "a\nb\n",
			want: "--- old\n+++ new\n@@ -0,0 +1,2 @@\n+a\n+b\n",
		},
		{
			name: "empty new",
			old:  "a\nb\n",
			want: "--- old\n+++ new\n@@ -1,2 +0,0 @@\n-a\n-b\n",
		},
		{
			name: "change in the middle",
			old:  seq(1, 9),
			new:  seq(1, 4) + "five\n" + seq(6, 9),
			want: "--- old\n+++ new\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n",
		},
		{
			name: "context clipped at the start",
			old:  seq(1, 10),
			new:  "1\ntwo\n" + seq(3, 10),
			want: "--- old\n+++ new\n@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n 4\n 5\n",
		},
		{
			name: "context clipped at the end",
			old:  seq(1, 10),
			new:  seq(1, 8) + "nine\n10\n",
			want: "--- old\n+++ new\n@@ -6,5 +6,5 @@\n 6\n 7\n 8\n-9\n+nine\n 10\n",
		},
		{
			name: "first line",
			old:  seq(1, 10),
			new:  "one\n" + seq(2, 10),
			want: "--- old\n+++ new\n@@ -1,4 +1,4 @@\n-1\n+one\n 2\n 3\n 4\n",
		},
		{
			name: "insertion",
			old:  seq(1, 10),
			new:  seq(1, 5) + "5.5\n" + seq(6, 10),
			want: "--- old\n+++ new\n@@ -3,6 +3,7 @@\n 3\n 4\n 5\n+5.5\n 6\n 7\n 8\n",
		},
		{
			name: "deletion",
			old:  seq(1, 10),
			new:  seq(1, 4) + seq(6, 10),
			want: "--- old\n+++ new\n@@ -2,7 +2,6 @@\n 2\n 3\n 4\n-5\n 6\n 7\n 8\n",
		},
		{
			name: "insertion before the only line",
			old:  "a\n",
			new:  "z\na\n",
			want: "--- old\n+++ new\n@@ -1,1 +1,2 @@\n+z\n a\n",
		},
		{
			// Six unchanged lines between changes: the contexts touch.
			name: "hunks merge",
			old:  seq(1, 20),
			new:  seq(1, 4) + "five\n" + seq(6, 11) + "twelve\n" + seq(13, 20),
			want: "--- old\n+++ new\n@@ -2,14 +2,14 @@\n 2\n 3\n 4\n-5\n+five\n" +
				" 6\n 7\n 8\n 9\n 10\n 11\n-12\n+twelve\n 13\n 14\n 15\n",
		},
		{
			// Seven unchanged lines between changes: one is not shown.
			name: "hunks stay apart",
			old:  seq(1, 20),
			new:  seq(1, 4) + "five\n" + seq(6, 12) + "thirteen\n" + seq(14, 20),
			want: "--- old\n+++ new\n" +
				"@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n" +
				"@@ -10,7 +10,7 @@\n 10\n 11\n 12\n-13\n+thirteen\n 14\n 15\n 16\n",
		},
		{
			name: "old lacks final newline",
			old:  "a\nb",
			new:  "a\nb\n",
			want: "--- old\n+++ new\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n",
		},
		{
			name: "new lacks final newline",
			old:  "a\nb\n",
			new:  "a\nb",
			want: "--- old\n+++ new\n@@ -1,2 +1,2 @@\n a\n-b\n+b\n\\ No newline at end of file\n",
		},
		{
			name: "both lack final newline",
			old:  "a\nb\nc",
			new:  "x\nb\nc",
			want: "--- old\n+++ new\n@@ -1,3 +1,3 @@\n-a\n+x\n b\n c\n\\ No newline at end of file\n",
		},
		{
			name: "last line changes without final newline",
			old:  "a\nb",
			new:  "a\nc",
			want: "--- old\n+++ new\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n",
		},
		{
			// Only repeated lines: no anchors, so the match grows from
			// the ends.
			name: "repeated lines",
			old:  "}\n}\n}\n}\n}\n}\n}\n}\n",
			new:  "}\n}\n}\n}\n\n}\n}\n}\n}\n",
			want: "--- old\n+++ new\n@@ -2,6 +2,7 @@\n }\n }\n }\n+\n }\n }\n }\n",
		},
		{
			// The unique line "func B() {" anchors the diff, so the move
			// shows as such, not as the shortest diff, which would keep
			// the braces and the blank line and swap the names.
			name: "moved block",
			old:  "func A() {\n}\n\nfunc B() {\n}\n",
			new:  "func B() {\n}\n\nfunc A() {\n}\n",
			want: "--- old\n+++ new\n@@ -1,5 +1,5 @@\n-func A() {\n-}\n-\n func B() {\n }\n+\n+func A() {\n+}\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Unified("old", "new", []byte(tt.old), []byte(tt.new))
			if got != tt.want {
				t.Errorf("Unified(%q, %q):\n%s\nwant:\n%s", tt.old, tt.new, got, tt.want)
			}
			if got == "" {
				return
			}
			patched, err := patch(tt.old, got)
			if err != nil {
				t.Fatalf("applying diff: %v\n%s", err, got)
			}
			if patched != tt.new {
				t.Errorf("applying diff gives %q, want %q", patched, tt.new)
			}
		})
	}
}

// TestUnifiedApplies checks, for many random pairs of inputs, that the diff
// Unified prints turns old into new, and that its hunks are laid out as
// diff -u lays them out.
func TestUnifiedApplies(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 5000 {
		old := randomText(r)
		new := mutate(r, old)
		d := Unified("old", "new", []byte(old), []byte(new))
		if (d == "") != (old == new) {
			t.Fatalf("case %d: Unified(%q, %q) = %q", i, old, new, d)
		}
		if d == "" {
			continue
		}
		got, err := patch(old, d)
		if err != nil {
			t.Fatalf("case %d: applying diff of %q and %q: %v\n%s", i, old, new, err, d)
		}
		if got != new {
			t.Fatalf("case %d: applying diff of %q and %q gives %q\n%s", i, old, new, got, d)
		}
	}
}

// randomText returns up to 40 lines drawn from a small set, so that most
// lines repeat and some are unique, perhaps without a final newline.
func randomText(r *rand.Rand) string {
	lines := make([]string, r.IntN(41))
	for i := range lines {
		lines[i] = randomLine(r)
	}
	return finish(r, lines)
}

func randomLine(r *rand.Rand) string {
	if r.IntN(4) == 0 {
		return "u" + strconv.Itoa(r.IntN(1000))
	}
	return []string{"", "}", "{", "x", "y"}[r.IntN(5)]
}

// finish joins lines, usually with a final newline.
func finish(r *rand.Rand, lines []string) string {
	s := strings.Join(lines, "\n")
	if len(lines) > 0 && r.IntN(5) > 0 {
		s += "\n"
	}
	return s
}

// mutate returns a copy of s with a few lines inserted, deleted or replaced,
// or an unrelated text now and then.
func mutate(r *rand.Rand, s string) string {
	if r.IntN(20) == 0 {
		return randomText(r)
	}
	l := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	if s == "" {
		l = nil
	}
	for range r.IntN(5) {
		i := r.IntN(len(l) + 1)
		switch r.IntN(3) {
		case 0:
			l = append(l[:i], append([]string{randomLine(r)}, l[i:]...)...)
		case 1:
			if i < len(l) {
				l = append(l[:i], l[i+1:]...)
			}
		case 2:
			if i < len(l) {
				l[i] = randomLine(r)
			}
		}
	}
	return finish(r, l)
}

// patch applies the unified diff d to old and returns the result. Along the
// way it checks that the diff is laid out as diff -u would lay it out:
// hunks in order, each with a change, counts that match its lines, three
// lines of context at either end unless the file ends first, and no run of
// more than six unchanged lines inside a hunk.
func patch(old, d string) (string, error) {
	a := lines(old)
	dl := lines(d)
	if len(dl) < 3 || dl[0] != "--- old\n" || dl[1] != "+++ new\n" {
		return "", fmt.Errorf("bad header")
	}
	dl = dl[2:]
	var out []string
	i := 0 // next line of a
	for len(dl) > 0 {
		var x0, nx, y0, ny int
		if _, err := fmt.Sscanf(dl[0], "@@ -%d,%d +%d,%d @@\n", &x0, &nx, &y0, &ny); err != nil {
			return "", fmt.Errorf("bad hunk header %q: %v", dl[0], err)
		}
		dl = dl[1:]
		// An empty range is numbered by the line before it.
		start, ystart := x0-1, y0-1
		if nx == 0 {
			start = x0
		}
		if ny == 0 {
			ystart = y0
		}
		if start < i || (i > 0 && start == i) {
			return "", fmt.Errorf("hunk at line %d overlaps or touches the one before", x0)
		}
		out = append(out, a[i:start]...)
		i = start
		if len(out) != ystart {
			return "", fmt.Errorf("hunk at line %d: new file is at line %d, header says %d", x0, len(out)+1, y0)
		}

		var seenX, seenY int
		var runs []int // lengths of runs of context, including empty ones between changes
		run := 0
		for len(dl) > 0 && !strings.HasPrefix(dl[0], "@@") {
			op, text := dl[0][0], dl[0][1:]
			dl = dl[1:]
			if len(dl) > 0 && dl[0] == "\\ No newline at end of file\n" {
				text = strings.TrimSuffix(text, "\n")
				dl = dl[1:]
			}
			if op == ' ' || op == '-' {
				if i >= len(a) || a[i] != text {
					return "", fmt.Errorf("hunk at line %d: line %d of old is not %q", x0, i+1, text)
				}
				i++
				seenX++
			}
			switch op {
			case ' ':
				out = append(out, text)
				seenY++
				run++
			case '-':
				runs = append(runs, run)
				run = 0
			case '+':
				out = append(out, text)
				seenY++
				runs = append(runs, run)
				run = 0
			default:
				return "", fmt.Errorf("bad line %q", op)
			}
		}
		runs = append(runs, run)
		if seenX != nx || seenY != ny {
			return "", fmt.Errorf("hunk at line %d has %d,%d lines; header says %d,%d", x0, seenX, seenY, nx, ny)
		}
		if len(runs) < 2 {
			return "", fmt.Errorf("hunk at line %d changes nothing", x0)
		}
		if lead := runs[0]; lead != contextLines && !(start == 0 && lead < contextLines) {
			return "", fmt.Errorf("hunk at line %d has %d lines of leading context", x0, lead)
		}
		if trail := runs[len(runs)-1]; trail != contextLines && !(i == len(a) && trail < contextLines) {
			return "", fmt.Errorf("hunk at line %d has %d lines of trailing context", x0, trail)
		}
		for _, n := range runs[1 : len(runs)-1] {
			if n > 2*contextLines {
				return "", fmt.Errorf("hunk at line %d has %d unchanged lines inside; should be split", x0, n)
			}
		}
	}
	out = append(out, a[i:]...)
	return strings.Join(out, ""), nil
}

// largeFile returns n lines of something like generated Go code: mostly
// unique lines, with the braces and blank lines that repeat.
func largeFile(n int) []string {
	l := make([]string, 0, n)
	for i := 0; len(l) < n; i++ {
		l = append(l,
			fmt.Sprintf("// Event%d is sent when thing %d happens.\n", i, i),
			fmt.Sprintf("type Event%d struct {\n", i),
			fmt.Sprintf("\tID Snowflake `json:\"id_%d\"`\n", i),
			"\tName string `json:\"name\"`\n",
			"}\n",
			"\n",
		)
	}
	return l[:n]
}

func BenchmarkUnified100kLines(b *testing.B) {
	old := largeFile(100_000)
	new := append([]string(nil), old...)
	new[10] = "// changed\n"
	new[50_000] = "\tName string `json:\"name,omitempty\"`\n"
	new = append(new[:70_000], append([]string{"// inserted\n", "\n"}, new[70_000:]...)...)
	new = append(new[:90_000], new[90_006:]...)
	new[len(new)-2] = "}\n"
	oldText, newText := []byte(strings.Join(old, "")), []byte(strings.Join(new, ""))

	d := Unified("old", "new", oldText, newText)
	if got, err := patch(string(oldText), d); err != nil || got != string(newText) {
		b.Fatalf("diff does not apply: %v", err)
	}
	if n := strings.Count(d, "\n@@"); n != 5 {
		b.Fatalf("diff has %d hunks, want 5:\n%s", n, d)
	}
	b.SetBytes(int64(len(oldText) + len(newText)))
	for b.Loop() {
		Unified("old", "new", oldText, newText)
	}
}

// BenchmarkUnified100kLinesRewritten measures the worst case for algorithms
// that look for a shortest diff: two large inputs with nothing in common.
func BenchmarkUnified100kLinesRewritten(b *testing.B) {
	old := largeFile(100_000)
	new := make([]string, len(old))
	for i, l := range old {
		new[i] = "\t" + l
	}
	oldText, newText := []byte(strings.Join(old, "")), []byte(strings.Join(new, ""))
	b.SetBytes(int64(len(oldText) + len(newText)))
	for b.Loop() {
		Unified("old", "new", oldText, newText)
	}
}
