package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gatewaygen/gatewaygen/generator"
)

// configModule lays out a module as a library would: its copy of the docs
// in docs/, the package in lib/gateway with its config file. It returns
// the module's folder.
func configModule(t *testing.T, config string) string {
	t.Helper()
	module := t.TempDir()
	writeFiles(t, map[string]string{
		filepath.Join(module, "go.mod"):                            "module example.com/lib\n\ngo 1.24\n",
		filepath.Join(module, "docs", "small.md"):                  readFile(t, "testdata/small.md"),
		filepath.Join(module, "docs", "v1.md"):                     readFile(t, "testdata/v1.md"),
		filepath.Join(module, "lib", "gateway", "gatewaygen.yaml"): config,
	})
	return module
}

// TestConfigPaths: a config file's paths are relative to its folder,
// wherever gatewaygen runs, and it sets what the flags set.
func TestConfigPaths(t *testing.T) {
	module := configModule(t, "specs: [../../docs/small.md]\nout: .\npackage: gw\nkeep_removed: gatewaygen.lock.json\nsender_type: Side\n")
	config := filepath.Join(module, "lib", "gateway", "gatewaygen.yaml")
	pkg := filepath.Join(module, "lib", "gateway")
	if got, want := mustRun(t, "generate", "--config", config), pkg+": 3 opcodes, 2 events from 1 document\n"; got != want {
		t.Errorf("status line %q, want %q", got, want)
	}
	src := readFile(t, filepath.Join(pkg, "opcodes_gen.go"))
	if !strings.Contains(src, "\npackage gw\n") || !strings.Contains(src, "SentBy() Side") {
		t.Errorf("opcodes_gen.go is not in package gw with sender type Side:\n%.600s", src)
	}
	if _, err := os.Stat(filepath.Join(pkg, "gatewaygen.lock.json")); err != nil {
		t.Errorf("no lock file beside the config: %v", err)
	}
	// From another folder, the same files.
	t.Chdir(module)
	mustRun(t, "check", "--config", "lib/gateway/gatewaygen.yaml")
	if got, want := mustRun(t, "validate", "--config", "lib/gateway/gatewaygen.yaml"), "docs/small.md: 3 opcodes, 2 events (0 deprecated)\n"; got != want {
		t.Errorf("validate: %q, want %q", got, want)
	}
	if got := mustRun(t, "ir", "--config", "lib/gateway/gatewaygen.yaml"); !strings.Contains(got, `"file": "docs/small.md"`) {
		t.Errorf("ir does not read the config's specs:\n%.300s", got)
	}

	// Under go generate, in the directive's folder: the config's paths are
	// still relative to the config, not to the directive.
	directive := filepath.Join(module, "cmd", "bot")
	writeFiles(t, map[string]string{filepath.Join(directive, "generate.go"): "package main\n"})
	t.Chdir(directive)
	t.Setenv("GOFILE", "generate.go")
	t.Setenv("GOPACKAGE", "main")
	if got, want := mustRun(t, "check", "--config", "../../lib/gateway/gatewaygen.yaml"), ""; got != want {
		t.Errorf("check under go generate: %q", got)
	}
	if got, want := mustRun(t, "generate", "--config", "../../lib/gateway/gatewaygen.yaml"), "lib/gateway: 3 opcodes, 2 events from 1 document\n"; got != want {
		t.Errorf("status line under go generate %q, want %q", got, want)
	}
}

// TestConfigFlagsWin: a flag given on the command line overrides the
// config's setting, and only that one.
func TestConfigFlagsWin(t *testing.T) {
	module := configModule(t, "specs: [../../docs/small.md]\nout: .\npackage: gw\ntables:\n  opcodes: {type: Op}\n")
	config := filepath.Join(module, "lib", "gateway", "gatewaygen.yaml")
	out := filepath.Join(t.TempDir(), "other")
	mustRun(t, "generate", "--config", config, "--out", out, "--spec", "testdata/v1.md", "--opcode-type", "Code")
	src := readFile(t, filepath.Join(out, "opcodes_gen.go"))
	for _, want := range []string{"\npackage gw\n", "type Code int", "v1.md"} {
		if !strings.Contains(src, want) {
			t.Errorf("opcodes_gen.go lacks %q:\n%.600s", want, src)
		}
	}
	if _, err := os.Stat(filepath.Join(module, "lib", "gateway", "opcodes_gen.go")); err == nil {
		t.Error("the config's out was written despite --out")
	}
	mustRun(t, "generate", "--config", config, "--package", "other")
	if src := readFile(t, filepath.Join(module, "lib", "gateway", "opcodes_gen.go")); !strings.Contains(src, "\npackage other\n") || !strings.Contains(src, "type Op int") {
		t.Errorf("opcodes_gen.go is not package other with type Op:\n%.600s", src)
	}
}

// TestConfigErrors: a fault in the config, or in what it sets, is reported
// at its line, and nothing is written.
func TestConfigErrors(t *testing.T) {
	for _, tt := range []struct {
		name, config string
		want         string // stderr, after the config's path
		code         int
	}{
		{"unknown key", "spec: [../../docs/small.md]\n",
			`:1:1: unknown key "spec"; want one of specs, out, package, sender_type, initialisms, merge, keep_removed, tables, names, reconnect, types`, exitError},
		{"invalid package", "specs: [../../docs/small.md]\npackage: my-gateway\n",
			`:2:1: package "my-gateway": not a valid Go package name`, exitError},
		{"invalid type", "specs: [../../docs/small.md]\ntables:\n  events: {type: event}\n",
			`:3:12: tables.events.type "event": not an exported Go identifier`, exitError},
		{"missing spec", "specs: [../docs/small.md]\n",
			``, exitError},
	} {
		t.Run(tt.name, func(t *testing.T) {
			module := configModule(t, tt.config)
			config := filepath.Join(module, "lib", "gateway", "gatewaygen.yaml")
			code, stdout, stderr := gatewaygen(t, "generate", "--config", config)
			want := config + tt.want + "\n"
			if tt.name == "missing spec" {
				want = filepath.Join(module, "lib", "docs", "small.md") + ": no such file\n"
			}
			if code != tt.code || stdout != "" || stderr != want {
				t.Errorf("exit %d, stdout %q, stderr:\n%s\nwant exit %d and:\n%s", code, stdout, stderr, tt.code, want)
			}
			if _, err := os.Stat(filepath.Join(module, "lib", "gateway", "opcodes_gen.go")); err == nil {
				t.Error("a failed generate wrote the package")
			}
		})
	}
}

// TestConfigPackageOfFolder: a config's package that differs from that of
// the folder is refused at its line, as --package is.
func TestConfigPackageOfFolder(t *testing.T) {
	module := configModule(t, "specs: [../../docs/small.md]\nout: .\npackage: gw\n")
	pkg := filepath.Join(module, "lib", "gateway")
	writeFiles(t, map[string]string{filepath.Join(pkg, "gateway.go"): "package gateway\n"})
	config := filepath.Join(pkg, "gatewaygen.yaml")
	code, _, stderr := gatewaygen(t, "generate", "--config", config)
	want := config + ":3:1: package gw: " + filepath.Join(pkg, "gateway.go") + " is package gateway, and the generated files must be in the package of the folder: leave package out, or give package gateway\n"
	if code != exitError || stderr != want {
		t.Errorf("exit %d, stderr:\n%s\nwant:\n%s", code, stderr, want)
	}
	code, _, stderr = gatewaygen(t, "generate", "--config", config, "--package", "gw2")
	if want := "--package gw2: "; code != exitError || !strings.HasPrefix(stderr, want) {
		t.Errorf("exit %d, stderr:\n%s\nwant the prefix %q", code, stderr, want)
	}
}

func TestConfigFileErrors(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		args []string
		want string
		code int
	}{
		{[]string{"generate", "--config", filepath.Join(dir, "nope.yaml")}, filepath.Join(dir, "nope.yaml") + ": no such file\n", exitError},
		{[]string{"validate", "--config", dir}, dir + ": is a directory; --config takes a file\n", exitError},
		{[]string{"check", "--config"}, "gatewaygen: flag needs an argument: --config\nRun 'gatewaygen check --help' for usage.\n", exitUsage},
	} {
		code, _, stderr := gatewaygen(t, tt.args...)
		if code != tt.code || stderr != tt.want {
			t.Errorf("%q: exit %d, stderr %q; want exit %d, %q", tt.args, code, stderr, tt.code, tt.want)
		}
	}
}

// TestConfigTables generates from the example config: only the
// tables it lists, each with its settings.
func TestConfigTables(t *testing.T) {
	module := configModule(t, `specs: [../../docs/small.md, ../../docs/protocol-v1.md]
out: .
package: gateway
initialisms: [DM, SKU]
merge: strict
keep_removed: gatewaygen.lock.json
tables:                      # when present, only the tables listed are generated
  opcodes:    {type: Opcode}
  events:     {type: EventType, prefix: EventType, representation: string}
  intents:    {type: Intents, prefix: Intent, underlying: int64, list: AllIntents}
  close_codes: {type: CloseCode}
`)
	writeFiles(t, map[string]string{filepath.Join(module, "docs", "protocol-v1.md"): readFile(t, "testdata/protocol-v1.md")})
	pkg := filepath.Join(module, "lib", "gateway")
	config := filepath.Join(pkg, "gatewaygen.yaml")
	if got, want := mustRun(t, "generate", "--config", config), pkg+": 3 opcodes, 6 events, 4 close codes, 3 intents from 2 documents\n"; got != want {
		t.Errorf("status line %q, want %q", got, want)
	}
	for file, wants := range map[string][]string{
		"events_gen.go":      {"type EventType string", `EventTypeReady EventType = "READY"`},
		"intents_gen.go":     {"type Intents int64", "IntentGuilds Intents = 1 << 0", "func AllIntents() []Intents"},
		"close_codes_gen.go": {"type CloseCode int"},
	} {
		src := readFile(t, filepath.Join(pkg, file))
		for _, want := range wants {
			if !strings.Contains(src, want) {
				t.Errorf("%s lacks %q", file, want)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(pkg, "voice_gen.go")); err == nil {
		t.Error("voice_gen.go was generated, and the config's tables do not list the voice tables")
	}
	mustRun(t, "check", "--config", config)

	// A name that derives from the settings and clashes is reported at the
	// table whose settings to change, where the file does not set it.
	writeFiles(t, map[string]string{config: "specs: [../../docs/protocol-v1.md]\ntables:\n  events: {type: Intent}\n  intents:\n"})
	code, _, stderr := gatewaygen(t, "check", "--config", config)
	if want := config + `:4:3: tables.intents.type "Intent": also the name of the type of the events` + "\n"; code != exitError || stderr != want {
		t.Errorf("exit %d, stderr:\n%s\nwant:\n%s", code, stderr, want)
	}
}

// TestConfigBuildSettings: the config's merge policy, names and reconnect
// settings reach the model, and --name and --reconnect override them key by
// key.
func TestConfigBuildSettings(t *testing.T) {
	module := configModule(t, `specs: [../../docs/gateway.md, ../../docs/conflict.md, ../../docs/protocol-v1.md]
merge: first-wins
initialisms: [GW]
names:
  opcodes: {HEARTBEAT_ACK: HeartbeatAck, HELLO: Hi}
  close_codes: {4004: NotAuthenticated}
reconnect:
  close_codes: {4000: false, 4006: false}
`)
	writeFiles(t, map[string]string{
		filepath.Join(module, "docs", "gateway.md"):     readFile(t, "testdata/gateway.md"),
		filepath.Join(module, "docs", "conflict.md"):    readFile(t, "testdata/conflict.md"),
		filepath.Join(module, "docs", "protocol-v1.md"): readFile(t, "testdata/protocol-v1.md"),
	})
	config := filepath.Join(module, "lib", "gateway", "gatewaygen.yaml")
	code, stdout, stderr := gatewaygen(t, "ir", "--config", config, "--name", "opcodes:HELLO=Howdy", "--reconnect", "close_codes:4006=true")
	if code != exitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	// first-wins: the conflict is a warning, and gateway.md's name stays.
	if want := filepath.Join(module, "docs", "conflict.md") + ":3: opcode 11 is HELLO here but HEARTBEAT_ACK at " + filepath.Join(module, "docs", "gateway.md") + ":10"; !strings.HasPrefix(stderr, want) {
		t.Errorf("stderr:\n%s\nwant the warning %q", stderr, want)
	}
	var ir struct {
		Opcodes []struct {
			Code   int    `json:"code"`
			GoName string `json:"go_name"`
		} `json:"opcodes"`
		CloseCodes []struct {
			Code      int    `json:"code"`
			GoName    string `json:"go_name"`
			Reconnect bool   `json:"reconnect"`
		} `json:"close_codes"`
	}
	if err := json.Unmarshal([]byte(stdout), &ir); err != nil {
		t.Fatal(err)
	}
	goNames := map[int]string{}
	for _, op := range ir.Opcodes {
		goNames[op.Code] = op.GoName
	}
	if goNames[11] != "HeartbeatAck" || goNames[10] != "Howdy" {
		t.Errorf("opcodes 11 and 10 are %s and %s, want HeartbeatAck from the config and Howdy from --name", goNames[11], goNames[10])
	}
	for _, c := range ir.CloseCodes {
		if want, ok := map[int]bool{4000: false, 4004: false, 4006: true}[c.Code]; ok && c.Reconnect != want {
			t.Errorf("close code %d: reconnect %v, want %v", c.Code, c.Reconnect, want)
		}
		if c.Code == 4004 && c.GoName != "NotAuthenticated" {
			t.Errorf("close code 4004 is %s, want NotAuthenticated", c.GoName)
		}
	}
	// --merge strict overrides the config's policy.
	if code, _, stderr := gatewaygen(t, "validate", "--config", config, "--merge", "strict"); code != exitError || !strings.Contains(stderr, "opcode 11 is HELLO here") {
		t.Errorf("--merge strict: exit %d, stderr:\n%s", code, stderr)
	}
}

// TestConfigBuildErrors: a name or a reconnect setting of the config that
// is wrong, or addresses nothing, is reported at its line.
func TestConfigBuildErrors(t *testing.T) {
	for _, tt := range []struct{ name, config, want string }{
		{"a name that is no identifier", "names:\n  opcodes: {HEARTBEAT_ACK: heartbeatAck}\n",
			`:3:13: "heartbeatAck" is not a Go identifier starting with an upper-case ASCII letter`},
		{"a name for no entry", "names:\n  opcodes: {HEARTBEAT_ACKK: Ack}\n", ":3:13: "},
		{"a code that no table lists", "reconnect:\n  close_codes: {4999: false}\n", ":3:17: "},
		{"a bad initialism", "initialisms: [S-K-U]\n", `:2:1: initialisms: initialism "S-K-U": want letters and digits only`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			module := configModule(t, "specs: [../../docs/small.md]\n"+tt.config)
			config := filepath.Join(module, "lib", "gateway", "gatewaygen.yaml")
			code, _, stderr := gatewaygen(t, "validate", "--config", config)
			if want := config + tt.want; code != exitError || !strings.HasPrefix(stderr, want) {
				t.Errorf("exit %d, stderr:\n%s\nwant the prefix %q", code, stderr, want)
			}
		})
	}
}

// TestConfigTypes: a field the types key names that no structure has is
// an error at the file's line.
func TestConfigTypes(t *testing.T) {
	module := configModule(t, "specs: [../../docs/small.md]\ntypes:\n  Identify: {Shard: \"[2]int\"}\n")
	config := filepath.Join(module, "lib", "gateway", "gatewaygen.yaml")
	code, _, stderr := gatewaygen(t, "generate", "--config", config)
	want := config + ":3:14: types.Identify.Shard names no field of a payload structure: the specs describe none"
	if code != exitError || !strings.HasPrefix(stderr, want) {
		t.Errorf("exit %d, stderr:\n%s\nwant the prefix %q", code, stderr, want)
	}
}

// TestConfigOutDefault: without out, the package is the config's folder,
// from wherever gatewaygen runs.
func TestConfigOutDefault(t *testing.T) {
	module := configModule(t, "specs: [../../docs/small.md]\n")
	t.Chdir(module)
	if got, want := mustRun(t, "generate", "--config", "lib/gateway/gatewaygen.yaml"), filepath.Join("lib", "gateway")+": 3 opcodes, 2 events from 1 document\n"; got != want {
		t.Errorf("status line %q, want %q", got, want)
	}
	if src := readFile(t, filepath.Join("lib", "gateway", "opcodes_gen.go")); !strings.Contains(src, "\npackage gateway\n") {
		t.Errorf("opcodes_gen.go is not package gateway:\n%.300s", src)
	}
	t.Chdir(filepath.Join("lib", "gateway"))
	mustRun(t, "check", "--config", "gatewaygen.yaml")
}

// TestConfigTablesSelectStructures: a config that lists its tables gets the
// payload structs only if it lists them too, so that a library with payload
// types of its own can adopt the enumerations alone.
func TestConfigTablesSelectStructures(t *testing.T) {
	for _, tt := range []struct {
		tables string
		want   bool
	}{
		{"  opcodes:\n  events:\n", false},
		{"  opcodes:\n  events:\n  structures:\n", true},
	} {
		module := configModule(t, "out: .\npackage: gw\ntables:\n"+tt.tables)
		pkg := filepath.Join(module, "lib", "gateway")
		status := mustRun(t, "generate", "--config", filepath.Join(pkg, "gatewaygen.yaml"))
		for _, file := range []string{generator.PayloadsFile, generator.FrameFile} {
			_, err := os.Stat(filepath.Join(pkg, file))
			if got := err == nil; got != tt.want {
				t.Errorf("tables:\n%s%s written: %v, want %v", tt.tables, file, got, tt.want)
			}
		}
		if got := strings.Contains(status, " payload structures "); got != tt.want {
			t.Errorf("tables:\n%sstatus line %q counts the structures: %v, want %v", tt.tables, status, got, tt.want)
		}
	}
}
