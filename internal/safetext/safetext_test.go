package safetext

import (
	"slices"
	"testing"
)

func TestLines(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []string
	}{
		{"", []string{""}},
		{"plain text", []string{"plain text"}},
		{"a\nb", []string{"a", "b"}},
		{"a\r\nb\rc", []string{"a", "b", "c"}},
		{"a\u2028b\u2029c\u0085d\ve\ff", []string{"a", "b", "c", "d", "e", "f"}},
		{"\n\n//go:generate x\n\n", []string{"//go:generate x"}},
		{"tab\there  ", []string{"tab here"}},
		{"nul\x00 bell\x07 esc\x1b[0m del\x7f c1\u009b", []string{"nul bell esc[0m del c1"}},
		{"access \u202euser\u2066 admin\u2069\u202c", []string{"access user admin"}},
		{"\u200e\u200f\u061c\ufeffmarks", []string{"marks"}},
		{"bad \xff utf-8", []string{"bad \uFFFD utf-8"}},
		{"*/ stays */", []string{"*/ stays */"}},
	} {
		if got := Lines(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("Lines(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := Line("one\ntwo\r\nthree"); got != "one two three" {
		t.Errorf("Line = %q", got)
	}
}
