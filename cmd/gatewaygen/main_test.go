package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// gatewaygenBin is the binary built once by TestMain for end-to-end tests.
var gatewaygenBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "gatewaygen-test-")
	if err != nil {
		panic(err)
	}
	gatewaygenBin = filepath.Join(dir, "gatewaygen")
	if out, err := exec.Command("go", "build", "-o", gatewaygenBin, ".").CombinedOutput(); err != nil {
		os.RemoveAll(dir)
		panic("building gatewaygen: " + err.Error() + "\n" + string(out))
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func TestGenerateAndCheck(t *testing.T) {
	out := filepath.Join(t.TempDir(), "gw")
	code, stdout, stderr := gatewaygen(t, "generate", "--spec", "testdata/small.md", "--out", out, "--package", "gw")
	if code != exitOK {
		t.Fatalf("generate: exit %d, stderr:\n%s", code, stderr)
	}
	if want := out + ": 3 opcodes, 2 events from 1 document\n"; stdout != want {
		t.Errorf("stdout = %q, want %q", stdout, want)
	}
	for _, name := range []string{"opcodes_gen.go", "events_gen.go"} {
		b, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(b, []byte("\npackage gw\n")) {
			t.Errorf("%s is not in package gw", name)
		}
	}

	if code, stdout, stderr := gatewaygen(t, "check", "--spec", "testdata/small.md", "--out", out, "--package", "gw"); code != exitOK || stdout != "" {
		t.Errorf("check of fresh output: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}

	// Hand-edit a generated file: check must fail with a diff and exit 1.
	path := filepath.Join(out, "events_gen.go")
	b, _ := os.ReadFile(path)
	edited := bytes.Replace(b, []byte(`"READY"`), []byte(`"READY!"`), 1)
	if err := os.WriteFile(path, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr = gatewaygen(t, "check", "--spec", "testdata/small.md", "--out", out, "--package", "gw")
	if code != exitError {
		t.Errorf("check of edited output: exit %d, want %d", code, exitError)
	}
	for _, want := range []string{"--- " + path, "+++ " + path, `-	EventReady:         {"READY!"`, `+	EventReady:         {"READY"`} {
		if !strings.Contains(stdout, want) {
			t.Errorf("check diff lacks %q:\n%s", want, stdout)
		}
	}
	if !strings.Contains(stderr, "out of date") {
		t.Errorf("check stderr = %q", stderr)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(after, edited) {
		t.Error("check wrote to the output directory")
	}
}

func TestValidate(t *testing.T) {
	code, stdout, stderr := gatewaygen(t, "validate", "--spec", "testdata/small.md")
	if code != exitOK || stdout != "testdata/small.md: 3 opcodes, 2 events (0 deprecated)\n" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	// Every table is counted alike: those the specs have, and no other.
	for spec, want := range map[string]string{
		"testdata/events.mdx":     "2 events (0 deprecated)",
		"testdata/opcodes.md":     "4 opcodes (0 deprecated)",
		"testdata/protocol-v1.md": "4 events, 4 close codes, 3 voice opcodes, 2 voice close codes, 3 intents (0 deprecated)",
	} {
		if _, stdout, _ := gatewaygen(t, "validate", "--spec", spec); stdout != spec+": "+want+"\n" {
			t.Errorf("validate --spec %s: stdout %q, want %q", spec, stdout, spec+": "+want+"\n")
		}
	}
	code, stdout, _ = gatewaygen(t, "validate")
	if code != exitOK || !strings.Contains(stdout, "specs/gateway.md") {
		t.Errorf("validate of the embedded specs: exit %d, stdout %q", code, stdout)
	}
}

func TestInputErrors(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	for _, tt := range []struct {
		name string
		args []string
		want []string // lines of stderr, as prefixes
	}{
		{"missing file", []string{"generate", "--spec", "testdata/nope.md", "--out", out},
			[]string{"testdata/nope.md: no such file"}},
		{"directory without specs", []string{"generate", "--spec", "testdata/nospecs", "--out", out},
			[]string{"testdata/nospecs: is a directory with no .md or .mdx file; --spec takes a document or a directory of them"}},
		// A row the parser cannot read hides no validation error in another.
		{"every error of a broken spec", []string{"validate", "--spec", "testdata/broken.md"},
			[]string{`testdata/broken.md:8:3: opcode code "zero" is not an integer`, "testdata/broken.md:9: duplicate opcode code 0: HELLO here, DISPATCH at testdata/broken.md:7"}},
		{"errors in several files", []string{"check", "--spec", "testdata/broken.md", "--spec", "testdata/nope.md", "--out", out},
			[]string{`testdata/broken.md:8:3: opcode code "zero" is not an integer`, "testdata/broken.md:9: duplicate opcode code 0", "testdata/nope.md: no such file"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := gatewaygen(t, tt.args...)
			if code != exitError {
				t.Errorf("exit %d, want %d", code, exitError)
			}
			lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
			if len(lines) != len(tt.want) {
				t.Fatalf("stderr has %d lines, want %d:\n%s", len(lines), len(tt.want), stderr)
			}
			for i, w := range tt.want {
				if !strings.HasPrefix(lines[i], w) {
					t.Errorf("stderr line %d = %q, want prefix %q", i, lines[i], w)
				}
			}
			if stdout != "" {
				t.Errorf("stdout = %q, want nothing", stdout)
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("a failed command created %s", out)
			}
		})
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"generate", "--no-such-flag"},
		{"frobnicate"},
		{"generate", "specs/gateway.md"},
		{"validate", "--spec"},
	} {
		code, _, stderr := gatewaygen(t, args...)
		if code != exitUsage {
			t.Errorf("%q: exit %d, want %d", args, code, exitUsage)
		}
		if !strings.Contains(stderr, "Run 'gatewaygen") || !strings.Contains(stderr, " --help' for usage.") {
			t.Errorf("%q: stderr = %q", args, stderr)
		}
	}
}

// TestMisspelledCommand: a typo in a command's name, not only a prefix of
// it, gets cobra's suggestion.
func TestMisspelledCommand(t *testing.T) {
	for typed, want := range map[string]string{
		"chek":     "check",
		"valdiate": "validate",
		"genrate":  "generate",
		"gen":      "generate",
		"Render":   "render",
	} {
		code, _, stderr := gatewaygen(t, typed)
		if suggestion := "\n\nDid you mean this?\n\t" + want + "\n"; code != exitUsage || !strings.Contains(stderr, suggestion) {
			t.Errorf("%s: exit %d, stderr %q; want exit %d and %q", typed, code, stderr, exitUsage, suggestion)
		}
	}
	if _, _, stderr := gatewaygen(t, "frobnicate"); strings.Contains(stderr, "Did you mean") {
		t.Errorf("frobnicate: a suggestion for a word like no command: %q", stderr)
	}
}

func TestHelpAndVersion(t *testing.T) {
	code, stdout, _ := gatewaygen(t, "--help")
	if code != exitOK || !strings.Contains(stdout, "gatewaygen generate --spec docs/gateway.md") {
		t.Errorf("--help: exit %d, no examples:\n%s", code, stdout)
	}
	code, stdout, _ = gatewaygen(t, "version")
	if code != exitOK || !strings.HasPrefix(stdout, "gatewaygen ") {
		t.Errorf("version: exit %d, %q", code, stdout)
	}
	code, stdout, _ = gatewaygen(t, "completion", "bash")
	if code != exitOK || !strings.Contains(stdout, "gatewaygen") {
		t.Errorf("completion bash: exit %d", code)
	}
}

// TestEndToEndDefault runs the built binary as a user would, with no flags
// but --out: it must reproduce the committed package byte for byte, which is
// what go generate and make generate rely on.
func TestEndToEndDefault(t *testing.T) {
	out := filepath.Join(t.TempDir(), "gateway")
	cmd := exec.Command(gatewaygenBin, "generate", "--out", out)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	committed, err := filepath.Glob("../../generated/gateway/*_gen.go")
	if err != nil || len(committed) == 0 {
		t.Fatalf("no committed generated files: %v", err)
	}
	for _, path := range committed {
		want, _ := os.ReadFile(path)
		got, err := os.ReadFile(filepath.Join(out, filepath.Base(path)))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from a fresh generate: run make generate", path)
		}
	}
}

// TestEndToEndExitCodes checks the process's exit codes, not just run's.
func TestEndToEndExitCodes(t *testing.T) {
	for _, tt := range []struct {
		args []string
		code int
	}{
		{[]string{"validate"}, 0},
		{[]string{"validate", "--spec", "testdata/broken.md"}, 1},
		{[]string{"validate", "--bogus"}, 2},
	} {
		err := exec.Command(gatewaygenBin, tt.args...).Run()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		if code != tt.code {
			t.Errorf("gatewaygen %q: exit %d, want %d", tt.args, code, tt.code)
		}
	}
}

// TestDeterministicAcrossGOMAXPROCS generates the same specs with one and
// with many Ps, twice each: the output must be byte-identical.
func TestDeterministicAcrossGOMAXPROCS(t *testing.T) {
	for _, specs := range [][]string{nil, {"--spec", "../../generator/testdata/hostile.md"}} {
		generateEverywhere(t, specs)
	}
}

func generateEverywhere(t *testing.T, specs []string) {
	var first map[string][]byte
	for i, procs := range []string{"1", "8", "1", "8"} {
		out := filepath.Join(t.TempDir(), "gw")
		cmd := exec.Command(gatewaygenBin, append([]string{"generate", "--out", out}, specs...)...)
		cmd.Env = append(os.Environ(), "GOMAXPROCS="+procs)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("GOMAXPROCS=%s: %v\n%s", procs, err, b)
		}
		got := map[string][]byte{}
		entries, err := os.ReadDir(out)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			got[e.Name()], _ = os.ReadFile(filepath.Join(out, e.Name()))
		}
		if i == 0 {
			first = got
			continue
		}
		if len(got) != len(first) {
			t.Fatalf("run %d wrote %d files, run 0 wrote %d", i, len(got), len(first))
		}
		for name, b := range first {
			if !bytes.Equal(got[name], b) {
				t.Errorf("GOMAXPROCS=%s: %s differs from the first run", procs, name)
			}
		}
	}
}

// TestNothingLost: a failing run leaves every file as it was, and a file
// gatewaygen did not write is never replaced.
func TestNothingLost(t *testing.T) {
	out := t.TempDir()
	if code, _, stderr := gatewaygen(t, "generate", "--spec", "testdata/small.md", "--out", out); code != exitOK {
		t.Fatal(stderr)
	}
	mine := filepath.Join(out, "handlers.go")
	if err := os.WriteFile(mine, []byte("package gateway\n\n// My own code.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, out)

	// A broken spec: nothing changes.
	if code, _, _ := gatewaygen(t, "generate", "--spec", "testdata/broken.md", "--out", out); code != exitError {
		t.Errorf("broken spec: exit %d", code)
	}
	// Another spec, but a generated file was replaced by the user's own:
	// refuse, and write none of the files.
	theirs := filepath.Join(out, "events_gen.go")
	if err := os.WriteFile(theirs, []byte("package gateway\n\n// Hand-written now.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	before[theirs] = "package gateway\n\n// Hand-written now.\n"
	code, _, stderr := gatewaygen(t, "generate", "--spec", "../../specs/gateway.md", "--out", out)
	if code != exitError || !strings.Contains(stderr, theirs) || !strings.Contains(stderr, "not generated by gatewaygen") {
		t.Errorf("overwriting a user file: exit %d, stderr %q", code, stderr)
	}
	after := snapshot(t, out)
	for name, content := range before {
		if after[name] != content {
			t.Errorf("%s changed", name)
		}
	}
	if len(after) != len(before) {
		t.Errorf("files before %d, after %d (temporary files left?)", len(before), len(after))
	}
}

func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	for _, e := range entries {
		name := filepath.Join(dir, e.Name())
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		m[name] = string(b)
	}
	return m
}

func TestHugeSpec(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.md")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	// A sparse file: large on paper, nothing on disk, never read.
	if err := f.Truncate(1 << 30); err != nil {
		t.Fatal(err)
	}
	f.Close()
	code, _, stderr := gatewaygen(t, "validate", "--spec", path)
	if code != exitError || !strings.HasPrefix(stderr, path+": file is 1073741824 bytes, more than the 32 MiB allowed") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}
