package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCommandLineHabits checks what a mistyped command line says: each
// message names what is wrong and where to look, and exits 2.
func TestCommandLineHabits(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	for _, tt := range []struct {
		args []string
		want []string // substrings of stderr
	}{
		{[]string{"generat"}, []string{`unknown command "generat"`, "Did you mean this?\n\tgenerate\n", "Run 'gatewaygen --help' for usage."}},
		{[]string{"generate", "--no-such-flag"}, []string{"unknown flag: --no-such-flag", "Run 'gatewaygen generate --help' for usage."}},
		{[]string{"diff", "--colour"}, []string{"Run 'gatewaygen diff --help' for usage."}},
		{[]string{"diff", "a.md", "b.md"}, []string{"gatewaygen diff takes no arguments", "gatewaygen diff --old a.md --new b.md"}},
		{[]string{"validate", "a.md"}, []string{"spec files go in --spec", "Run 'gatewaygen validate --help' for usage."}},
		{[]string{"generate", "--spec", "testdata/small.md", "--out", out, "--package", "9lives"}, []string{`--package "9lives": not a valid Go package name`}},
	} {
		code, stdout, stderr := gatewaygen(t, tt.args...)
		if code != exitUsage || stdout != "" {
			t.Errorf("%q: exit %d, stdout %q; want exit %d and nothing", tt.args, code, stdout, exitUsage)
		}
		for _, want := range tt.want {
			if !strings.Contains(stderr, want) {
				t.Errorf("%q: stderr lacks %q:\n%s", tt.args, want, stderr)
			}
		}
	}
}

// TestStatusLines checks that status lines count in words that agree with
// their numbers, and say where the specs came from.
func TestStatusLines(t *testing.T) {
	dir := t.TempDir()
	one := filepath.Join(dir, "one.md")
	if err := os.WriteFile(one, []byte("## Gateway opcodes\n\n| Code | Name |\n|--|--|\n| 0 | DISPATCH |\n\n## Gateway events\n\n| Name |\n|--|\n| READY |\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, want := mustRun(t, "validate", "--spec", one), one+": 1 opcode, 1 event (0 deprecated)\n"; got != want {
		t.Errorf("validate: %q, want %q", got, want)
	}
	if got, want := mustRun(t, "generate", "--spec", one, "--out", filepath.Join(dir, "one")), ": 1 opcode, 1 event from 1 document\n"; !strings.HasSuffix(got, want) {
		t.Errorf("generate: %q, want a line ending with %q", got, want)
	}
	out := filepath.Join(dir, "gw")
	if got, want := mustRun(t, "generate", "--out", out), " payload structures from the built-in specs\n"; !strings.HasSuffix(got, want) {
		t.Errorf("generate: %q, want a line ending with %q", got, want)
	}
	for n, want := range map[int]string{0: "0 events", 1: "1 event", 2: "2 events"} {
		if got := plural(n, "event"); got != want {
			t.Errorf("plural(%d) = %q, want %q", n, got, want)
		}
	}
}
