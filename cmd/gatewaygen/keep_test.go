package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestKeepRemoved follows a library through two docs refreshes: v1 is
// generated with a lock file; v2 removes GUILD_SYNC and PRESENCES_REPLACE,
// which stay, deprecated; then they are dropped on purpose.
func TestKeepRemoved(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "gateway")
	lock := filepath.Join(out, "gatewaygen.lock.json")
	gen := func(spec string, extra ...string) (int, string, string) {
		return gatewaygen(t, append([]string{"generate", "--spec", spec, "--out", out, "--keep-removed", lock}, extra...)...)
	}
	check := func(spec string) int {
		code, _, _ := gatewaygen(t, "check", "--spec", spec, "--out", out, "--keep-removed", lock)
		return code
	}

	if code, _, stderr := gen("testdata/v1.md"); code != exitOK {
		t.Fatalf("generate v1: exit %d\n%s", code, stderr)
	}
	v1Lock := readFile(t, lock)
	if !strings.Contains(v1Lock, `{"code":12,"name":"GUILD_SYNC","go_name":"GuildSync","sent_by":"client"}`) {
		t.Fatalf("lock file after v1:\n%s", v1Lock)
	}
	if check("testdata/v1.md") != exitOK {
		t.Error("check after generate v1 failed")
	}

	// v2 renames VOICE_SERVER_PING at code 5: the old name stays, as an
	// alias of VOICE_PING, which the lock file remembers.
	code, stdout, stderr := gen("testdata/v2.md")
	if code != exitOK {
		t.Fatalf("generate v2: exit %d\n%s", code, stderr)
	}
	if want := "6 opcodes, 5 events from 1 document, 2 of them and 1 old opcode name kept by " + lock; !strings.Contains(stdout, want) {
		t.Errorf("summary = %q, want %q", stdout, want)
	}
	opcodes := readFile(t, filepath.Join(out, "opcodes_gen.go"))
	events := readFile(t, filepath.Join(out, "events_gen.go"))
	for _, want := range []string{
		"\t// OpcodeGuildSync is GUILD_SYNC, sent by the client. The docs no longer list\n" +
			"\t// this opcode; gatewaygen.lock.json keeps it.\n" +
			"\t//\n" +
			"\t// Deprecated: the docs no longer list this opcode. It stays until it is\n" +
			"\t// dropped with gatewaygen generate --drop.\n" +
			"\tOpcodeGuildSync Opcode = 12\n",
		"OpcodeVoicePing Opcode = 5",
		"\t// OpcodeVoiceServerPing is OpcodeVoicePing under its earlier name,\n" +
			"\t// VOICE_SERVER_PING.\n" +
			"\t//\n" +
			"\t// Deprecated: the docs renamed VOICE_SERVER_PING to VOICE_PING; use\n" +
			"\t// OpcodeVoicePing.\n" +
			"\tOpcodeVoiceServerPing = OpcodeVoicePing\n",
		`{name: "VOICE_SERVER_PING", value: OpcodeVoicePing}`,
		"OpcodeHello Opcode = 11",
	} {
		if !strings.Contains(opcodes, want) {
			t.Errorf("opcodes_gen.go lacks %q", want)
		}
	}
	// PRESENCES_REPLACE keeps its value, and v2's new event takes the next.
	for _, want := range []string{
		"\t// EventPresencesReplace is PRESENCES_REPLACE. The docs no longer list this\n" +
			"\t// event; gatewaygen.lock.json keeps it.\n",
	} {
		if !strings.Contains(events, want) {
			t.Errorf("events_gen.go lacks %q", want)
		}
	}
	v2Lock := readFile(t, lock)
	for _, want := range []string{
		`"highest_event_value": 5,`,
		`{"code":12,"name":"GUILD_SYNC","go_name":"GuildSync","sent_by":"client","kept":true}`,
		`{"code":5,"name":"VOICE_PING","go_name":"VoicePing","sent_by":"","aliases":[{"name":"VOICE_SERVER_PING","go_name":"VoiceServerPing"}]}`,
		`{"value":2,"name":"PRESENCES_REPLACE","go_name":"PresencesReplace","kept":true}`,
		`{"value":3,"name":"MESSAGE_CREATE","go_name":"MessageCreate"}`,
		`{"value":5,"name":"GUILD_SOUNDBOARD_SOUND_CREATE","go_name":"GuildSoundboardSoundCreate"}`,
	} {
		if !strings.Contains(v2Lock, want) {
			t.Errorf("lock file lacks %s:\n%s", want, v2Lock)
		}
	}

	// Deterministic: generating again changes nothing, and check agrees.
	if code, _, stderr := gen("testdata/v2.md"); code != exitOK || readFile(t, lock) != v2Lock {
		t.Errorf("regenerating changed the lock file (exit %d)\n%s", code, stderr)
	}
	if check("testdata/v2.md") != exitOK {
		t.Errorf("check after generate v2 failed")
	}

	// A docs copy that gives the code of the kept GUILD_SYNC to a new
	// opcode is a clash: the message names the lock file's line and the
	// flags that resolve it.
	v3 := filepath.Join(dir, "v3.md")
	if err := os.WriteFile(v3, []byte(strings.Replace(readFile(t, "testdata/v2.md"), "| 31   |", "| 12   | GUILD_SYNC_V2 | client | |\n| 31   |", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = gen(v3)
	if want := v3 + ":11: opcode 12 is GUILD_SYNC_V2 here, but the lock file keeps GUILD_SYNC at that code (" + lock + ":10), which the docs had already dropped: " +
		"a new opcode cannot take the code of one the package still declares; drop it with --drop GUILD_SYNC " +
		"(and keep its Go name with --name GUILD_SYNC_V2=GuildSync if it is the same opcode renamed)\n"; code != exitError || stderr != want {
		t.Errorf("generate v3: exit %d, stderr:\n%s\nwant:\n%s", code, stderr, want)
	}
	if readFile(t, lock) != v2Lock {
		t.Fatal("a failed generate changed the lock file")
	}

	// check catches a lock file that is not what generate would write, even
	// if it means the same.
	if err := os.WriteFile(lock, []byte(strings.Replace(v2Lock, `{"value":1,`, `{"value": 1,`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr = gatewaygen(t, "check", "--spec", "testdata/v2.md", "--out", out, "--keep-removed", lock)
	if code != exitError || !strings.Contains(stdout, "+++ "+lock) || !strings.Contains(stderr, " or "+lock+" is out of date") {
		t.Errorf("check with a stale lock file: exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	if err := os.WriteFile(lock, []byte(v2Lock), 0o644); err != nil {
		t.Fatal(err)
	}

	// Dropping on purpose removes them from the package and the lock file,
	// and the old name of VOICE_PING too; a dropped event's value is not
	// given to the next new one.
	if code, _, stderr := gen("testdata/v2.md", "--drop", "GUILD_SYNC", "--drop", "PRESENCES_REPLACE", "--drop", "VOICE_SERVER_PING"); code != exitOK {
		t.Fatalf("generate --drop: exit %d\n%s", code, stderr)
	}
	for _, file := range []string{lock, filepath.Join(out, "opcodes_gen.go"), filepath.Join(out, "events_gen.go")} {
		if s := readFile(t, file); strings.Contains(s, "GUILD_SYNC") || strings.Contains(s, "PRESENCES_REPLACE") || strings.Contains(s, "VOICE_SERVER_PING") {
			t.Errorf("%s still has a dropped entry", file)
		}
	}
	if s := readFile(t, lock); !strings.Contains(s, `"highest_event_value": 5,`) || !strings.Contains(s, `{"value":3,"name":"MESSAGE_CREATE"`) {
		t.Errorf("dropping renumbered the events or forgot the highest value:\n%s", s)
	}
	if code, _, stderr := gen("testdata/v2.md", "--name", "VOICE_PING=Ping"); code != exitOK {
		t.Fatalf("generate --name: exit %d\n%s", code, stderr)
	}
	if check("testdata/v2.md") != exitError {
		t.Error("check without the --name that generate had passed")
	}
}

func TestKeepRemovedErrors(t *testing.T) {
	dir := t.TempDir()
	lock := filepath.Join(dir, "lock.json")
	if err := os.WriteFile(lock, []byte("{\n  \"version\": 1,\n  \"opcodes\": [\n    {\"code\": 1}\n  ]\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--drop", "GUILD_SYNC"}, exitUsage, "--drop needs --keep-removed"},
		{[]string{"--keep-removed", lock}, exitError, lock + ":4: opcode without a name\n" + lock + `:4: opcode : go_name "" is not an exported Go identifier`},
		{[]string{"--keep-removed", dir}, exitError, dir + ": is a directory; --keep-removed takes a file"},
		{[]string{"--keep-removed", filepath.Join(dir, "new.json"), "--drop", "GUILD_SYNC"}, exitError, "--drop GUILD_SYNC: the docs still list GUILD_SYNC; only entries they no longer list can be dropped"},
		{[]string{"--keep-removed", filepath.Join(dir, "new.json"), "--drop", "GUILD_SYNCH"}, exitError, "--drop GUILD_SYNCH: " + filepath.Join(dir, "new.json") + " keeps no entry named GUILD_SYNCH"},
	} {
		args := append([]string{"generate", "--spec", "testdata/v1.md", "--out", filepath.Join(dir, "out")}, tt.args...)
		code, _, stderr := gatewaygen(t, args...)
		if code != tt.code || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, stderr:\n%s\nwant exit %d and %q", tt.args, code, stderr, tt.code, tt.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); err == nil {
		t.Error("a failed generate wrote the package")
	}
}

// A field the docs drop from a payload stays in the lock file, kept, until
// it is dropped as STRUCTURE.FIELD.
func TestKeepRemovedFields(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "gateway")
	lock := filepath.Join(out, "gatewaygen.lock.json")
	gen := func(spec string, extra ...string) (int, string) {
		code, _, stderr := gatewaygen(t, append([]string{"generate", "--spec", spec, "--out", out, "--keep-removed", lock}, extra...)...)
		return code, stderr
	}
	const kept = `{"structure":"Ready","name":"session_id","go_name":"SessionID","type":{"kind":"primitive","primitive":"string"},"kept":true}`
	for _, step := range []struct {
		spec, drop string
		code       int
		kept       bool
	}{
		{"testdata/payloads-v1.md", "", exitOK, false},
		{"testdata/payloads-v2.md", "", exitOK, true},
		{"testdata/payloads-v2.md", "Ready.nope", exitError, true},
		{"testdata/payloads-v2.md", "Ready.session_id", exitOK, false},
	} {
		var extra []string
		if step.drop != "" {
			extra = []string{"--drop", step.drop}
		}
		if code, stderr := gen(step.spec, extra...); code != step.code {
			t.Fatalf("generate %s %v: exit %d, want %d\n%s", step.spec, extra, code, step.code, stderr)
		}
		if got := strings.Contains(readFile(t, lock), kept); got != step.kept {
			t.Errorf("after %s %v, the lock file keeps Ready.session_id: %v, want %v\n%s", step.spec, extra, got, step.kept, readFile(t, lock))
		}
	}
}
