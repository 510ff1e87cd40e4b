package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRenderGolden(t *testing.T) {
	for _, tt := range []struct {
		golden string
		args   []string
	}{
		{"render/v1.ts", []string{"--template", "typescript"}},
		{"render/v1.md", []string{"--template", "markdown"}},
		{"render/v1.py", []string{"--template", "testdata/render/python.tmpl", "--name", "MESSAGE_CREATE=MsgCreate", "--initialisms", "PINS"}},
	} {
		t.Run(tt.golden, func(t *testing.T) {
			golden(t, tt.golden, mustRun(t, append([]string{"render", "--spec", "testdata/v1.md"}, tt.args...)...))
		})
	}
}

func TestRenderOut(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "sub", "gateway.ts")
	if stdout := mustRun(t, "render", "--template", "typescript", "--spec", "testdata/v1.md", "--out", out); stdout != "" {
		t.Errorf("render --out printed %q", stdout)
	}
	if got, want := readFile(t, out), readFile(t, "testdata/render/v1.ts"); got != want {
		t.Errorf("%s differs from the golden file", out)
	}
	// Nothing is written if the template fails, and the last good output stays.
	code, _, stderr := gatewaygen(t, "render", "--template", "testdata/render/badfield.tmpl", "--spec", "testdata/v1.md", "--out", out)
	if code != exitError || !strings.Contains(stderr, "template: testdata/render/badfield.tmpl:4:19: executing") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	if got, want := readFile(t, out), readFile(t, "testdata/render/v1.ts"); got != want {
		t.Errorf("a failed render changed %s", out)
	}
	// A directory is never replaced.
	code, _, stderr = gatewaygen(t, "render", "--template", "markdown", "--spec", "testdata/v1.md", "--out", filepath.Join(dir, "sub"))
	if code != exitError || !strings.Contains(stderr, "sub is a directory; refusing to replace it") {
		t.Errorf("--out DIR: exit %d, stderr:\n%s", code, stderr)
	}
	entries, err := os.ReadDir(filepath.Join(dir, "sub"))
	if err != nil || len(entries) != 1 {
		t.Errorf("the directory now holds %v (%v); want gateway.ts alone, no temporary files", entries, err)
	}
}

func TestRenderErrors(t *testing.T) {
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{nil, exitUsage, "render needs --template: a built-in name (markdown, typescript) or a file"},
		{[]string{"--template", "kotlin"}, exitError, "kotlin: no such file, and there is no built-in template of that name (markdown, typescript)"},
		{[]string{"--template", "testdata"}, exitError, "testdata: is a directory; --template takes a file"},
		{[]string{"--template", "testdata/render/broken.tmpl"}, exitError, `template: testdata/render/broken.tmpl:3: function "nope" not defined`},
		{[]string{"--template", "markdown", "--spec", "testdata/nope.md"}, exitError, "testdata/nope.md: no such file"},
		{[]string{"--template", "markdown", "--initialisms", "A B"}, exitError, `--initialisms: initialism "A B"`},
	} {
		code, _, stderr := gatewaygen(t, append([]string{"render"}, tt.args...)...)
		if code != tt.code || !strings.Contains(stderr, tt.want) {
			t.Errorf("render %s: exit %d, stderr:\n%s\nwant exit %d and %q", strings.Join(tt.args, " "), code, stderr, tt.code, tt.want)
		}
	}
}
