package generator

import (
	"slices"
	"testing"
)

// TestHashDecls checks that the names read from namehash.go are those its
// declarations have and the lookups call, so that checkNames reserves them.
func TestHashDecls(t *testing.T) {
	got := hashDecls()
	for _, name := range []string{"nameKey", "keyOf", "shortWord", "load64", "load32"} {
		if !slices.Contains(got, name) {
			t.Errorf("hashDecls() = %v, which lacks %s", got, name)
		}
	}
	if slices.Contains(got, "hash") || slices.Contains(got, "Hash") {
		t.Errorf("hashDecls() = %v: a method, or export.go's function, is not declared in a generated package", got)
	}
}
