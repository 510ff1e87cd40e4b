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

	// v2 renames VOICE_SERVER_PING at code 5: the lock file cannot keep the
	// old name at a code the docs now use, and says what to do.
	code, _, stderr := gen("testdata/v2.md")
	if want := "testdata/v2.md:9: opcode 5 is VOICE_PING here, but the lock file keeps VOICE_SERVER_PING, which the docs no longer list, at that code (" + lock + ":7); drop it with --drop VOICE_SERVER_PING (and keep its Go name with --name VOICE_PING=VoiceServerPing if you like)\n"; code != exitError || stderr != want {
		t.Fatalf("generate v2: exit %d, stderr:\n%s\nwant:\n%s", code, stderr, want)
	}
	if readFile(t, lock) != v1Lock {
		t.Fatal("a failed generate changed the lock file")
	}

	code, stdout, stderr := gen("testdata/v2.md", "--drop", "VOICE_SERVER_PING", "--name", "VOICE_PING=VoiceServerPing")
	if code != exitOK {
		t.Fatalf("generate v2 --drop: exit %d\n%s", code, stderr)
	}
	if want := "6 opcodes, 5 events from 1 documents, 2 of them kept by " + lock; !strings.Contains(stdout, want) {
		t.Errorf("summary = %q, want %q", stdout, want)
	}
	opcodes := readFile(t, filepath.Join(out, "opcodes_gen.go"))
	events := readFile(t, filepath.Join(out, "events_gen.go"))
	for _, want := range []string{
		"\t// OpcodeGuildSync is GUILD_SYNC, sent by the client.\n" +
			"\t// The docs no longer list this opcode; gatewaygen.lock.json keeps it.\n" +
			"\t//\n" +
			"\t// Deprecated: the docs no longer list this opcode. It stays until it is\n" +
			"\t// dropped with gatewaygen generate --drop.\n" +
			"\tOpcodeGuildSync Opcode = 12\n",
		"OpcodeVoiceServerPing Opcode = 5",
		"OpcodeHello Opcode = 11",
	} {
		if !strings.Contains(opcodes, want) {
			t.Errorf("opcodes_gen.go lacks %q", want)
		}
	}
	// PRESENCES_REPLACE keeps its place, and so its value: MESSAGE_CREATE
	// is still 3, and v2's new event comes after the old ones.
	for _, want := range []string{
		"\t// EventPresencesReplace is PRESENCES_REPLACE.\n" +
			"\t// The docs no longer list this event; gatewaygen.lock.json keeps it.\n",
		"_ = x[EventReady-1]\n\t_ = x[EventPresencesReplace-2]\n\t_ = x[EventMessageCreate-3]\n\t_ = x[EventChannelPinsACK-4]\n\t_ = x[EventGuildSoundboardSoundCreate-5]",
	} {
		if !strings.Contains(events, want) {
			t.Errorf("events_gen.go lacks %q", want)
		}
	}
	v2Lock := readFile(t, lock)
	for _, want := range []string{
		`{"code":12,"name":"GUILD_SYNC","go_name":"GuildSync","sent_by":"client","kept":true}`,
		`{"value":2,"name":"PRESENCES_REPLACE","go_name":"PresencesReplace","kept":true}`,
		`{"code":5,"name":"VOICE_PING","go_name":"VoiceServerPing","sent_by":""}`,
	} {
		if !strings.Contains(v2Lock, want) {
			t.Errorf("lock file lacks %s:\n%s", want, v2Lock)
		}
	}
	if strings.Contains(v2Lock, "VOICE_SERVER_PING") {
		t.Errorf("the dropped entry is still in the lock file:\n%s", v2Lock)
	}

	// Deterministic: generating again changes nothing, and check agrees.
	if code, _, stderr := gen("testdata/v2.md", "--name", "VOICE_PING=VoiceServerPing"); code != exitOK || readFile(t, lock) != v2Lock {
		t.Errorf("regenerating changed the lock file (exit %d)\n%s", code, stderr)
	}
	if code, _, stderr := gatewaygen(t, "check", "--spec", "testdata/v2.md", "--out", out, "--keep-removed", lock, "--name", "VOICE_PING=VoiceServerPing"); code != exitOK {
		t.Errorf("check after generate v2: exit %d\n%s", code, stderr)
	}

	// check catches a lock file that is not what generate would write, even
	// if it means the same.
	if err := os.WriteFile(lock, []byte(strings.Replace(v2Lock, `{"value":1,`, `{"value": 1,`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr = gatewaygen(t, "check", "--spec", "testdata/v2.md", "--out", out, "--keep-removed", lock, "--name", "VOICE_PING=VoiceServerPing")
	if code != exitError || !strings.Contains(stdout, "+++ "+lock) || !strings.Contains(stderr, " or "+lock+" is out of date") {
		t.Errorf("check with a stale lock file: exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	if err := os.WriteFile(lock, []byte(v2Lock), 0o644); err != nil {
		t.Fatal(err)
	}

	// Dropping on purpose removes them from the package and the lock file.
	if code, _, stderr := gen("testdata/v2.md", "--name", "VOICE_PING=VoiceServerPing", "--drop", "GUILD_SYNC", "--drop", "PRESENCES_REPLACE"); code != exitOK {
		t.Fatalf("generate --drop: exit %d\n%s", code, stderr)
	}
	for _, file := range []string{lock, filepath.Join(out, "opcodes_gen.go"), filepath.Join(out, "events_gen.go")} {
		if s := readFile(t, file); strings.Contains(s, "GUILD_SYNC") || strings.Contains(s, "PRESENCES_REPLACE") {
			t.Errorf("%s still has a dropped entry", file)
		}
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
		{[]string{"--keep-removed", filepath.Join(dir, "new.json"), "--drop", "GUILD_SYNC"}, exitError, "--drop GUILD_SYNC: the docs still list GUILD_SYNC"},
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
