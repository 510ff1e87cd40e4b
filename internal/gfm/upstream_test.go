package gfm

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestMatchesUpstream checks that go generate would change nothing: each
// file is goldmark's, at the version go.mod requires, with only the package
// clause changed.
func TestMatchesUpstream(t *testing.T) {
	dir := t.TempDir()
	if out, err := exec.Command("go", "run", "copy.go", "-o", dir).CombinedOutput(); err != nil {
		t.Fatalf("go run copy.go: %v\n%s", err, out)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) == 0 {
		t.Fatal("copy.go wrote no files")
	}
	for _, e := range entries {
		want, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(e.Name())
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is not goldmark's: run go generate ./internal/gfm", e.Name())
		}
	}
}
