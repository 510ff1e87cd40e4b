package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// v1 and v2 change opcodes and events, protocol-v1 and protocol-v2 every
// other table, payloads-v1 and payloads-v2 the payload structures.
func TestDiffGolden(t *testing.T) {
	for _, pair := range [][2]string{{"v1", "v2"}, {"protocol-v1", "protocol-v2"}, {"payloads-v1", "payloads-v2"}} {
		for _, format := range []string{"text", "markdown", "json"} {
			t.Run(pair[0]+"/"+format, func(t *testing.T) {
				code, stdout, stderr := gatewaygen(t, "diff", "--old", "testdata/"+pair[0]+".md", "--new", "testdata/"+pair[1]+".md", "--format", format)
				if code != exitOK || stderr != "" {
					t.Fatalf("exit %d, stderr:\n%s", code, stderr)
				}
				ext := map[string]string{"text": "txt", "markdown": "md", "json": "json"}[format]
				golden(t, "diff/"+pair[0]+"-"+pair[1]+"."+ext, stdout)
			})
		}
	}
}

func TestDiffExitCode(t *testing.T) {
	for _, tt := range []struct {
		args []string
		code int
	}{
		{[]string{"--old", "testdata/v1.md", "--new", "testdata/v2.md"}, exitOK},
		{[]string{"--old", "testdata/v1.md", "--new", "testdata/v2.md", "--exit-code"}, exitError},
		{[]string{"--old", "testdata/v1.md", "--new", "testdata/v1.md", "--exit-code"}, exitOK},
		{[]string{"--old", "testdata/v1.md", "--new", "testdata/v1.md", "--exit-code", "--format", "json"}, exitOK},
	} {
		code, _, stderr := gatewaygen(t, append([]string{"diff"}, tt.args...)...)
		if code != tt.code {
			t.Errorf("diff %s: exit %d, want %d\n%s", strings.Join(tt.args, " "), code, tt.code, stderr)
		}
	}
}

func TestDiffNoChanges(t *testing.T) {
	for format, want := range map[string]string{
		"text":     "no changes\n",
		"markdown": "## Gateway changes\n\nCompared `v1.md` with `v1.md`. Nothing changed.\n",
	} {
		if got := mustRun(t, "diff", "--old", "testdata/v1.md", "--new", "testdata/v1.md", "--format", format); got != want {
			t.Errorf("%s: %q, want %q", format, got, want)
		}
	}
	var v struct {
		Opcodes, Events []any
	}
	out := mustRun(t, "diff", "--old", "testdata/v1.md", "--new", "testdata/v1.md", "--format", "json")
	if err := json.Unmarshal([]byte(out), &v); err != nil || v.Opcodes == nil || len(v.Opcodes)+len(v.Events) != 0 {
		t.Errorf("JSON without changes = %s (%v); want empty lists", out, err)
	}
}

func TestDiffErrors(t *testing.T) {
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--old", "testdata/v1.md"}, exitUsage, "diff needs at least one --old and one --new document"},
		{[]string{"--old", "testdata/v1.md", "--new", "testdata/v2.md", "--format", "html"}, exitUsage, `--format "html": want text, markdown or json`},
		// Problems on both sides are reported together, each at its file.
		{[]string{"--old", "testdata/missing.md", "--new", "testdata/nope.md"}, exitError, "testdata/missing.md: no such file\ntestdata/nope.md: no such file\n"},
		{[]string{"--old", "testdata/v1.md", "--new", "testdata/nospecs"}, exitError, "testdata/nospecs: is a directory with no .md or .mdx file"},
		{[]string{"--old", "testdata/v1.md", "--new", "testdata/v2.md", "--name", "GUILD_SYNC=Sync", "--name", "VOICE_PING=Ping"}, exitOK, ""},
		{[]string{"--old", "testdata/v1.md", "--new", "testdata/v2.md", "--name", "NOPE=X"}, exitError, "--name NOPE=X: the specs have no entry named NOPE (opcodes"},
	} {
		code, _, stderr := gatewaygen(t, append([]string{"diff"}, tt.args...)...)
		if code != tt.code || !strings.Contains(stderr, tt.want) {
			t.Errorf("diff %s: exit %d, stderr:\n%s\nwant exit %d and %q", strings.Join(tt.args, " "), code, stderr, tt.code, tt.want)
		}
	}
}
