package main

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/gatewaygen/gatewaygen/model"
)

// irFiles are three documents of three formats: a table page, a typedoc
// page and an MDX page.
var irFiles = []string{"testdata/gateway.md", "testdata/opcodes.md", "testdata/events.mdx"}

// specArgs returns the command line of command over irFiles.
func specArgs(command string) []string {
	args := []string{command}
	for _, f := range irFiles {
		args = append(args, "--spec", f)
	}
	return args
}

// The JSON that ir prints is an interface: a change to it must show up as a
// change to the golden file.
func TestIRGolden(t *testing.T) {
	golden(t, "ir.golden.json", mustRun(t, specArgs("ir")...))
}

// What ir prints reads back into a model.IR equal to the merged spec, so
// Go tools can consume it with package model.
func TestIRRoundTrip(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run(specArgs("ir"), &stdout, &stderr); code != exitOK {
		t.Fatalf("exit code %d: %s", code, stderr.String())
	}
	var got model.IR
	if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	spec, err := (&inputFlags{specs: irFiles}).load()
	if err != nil {
		t.Fatal(err)
	}
	if got.Version != model.IRVersion || !reflect.DeepEqual(got.Spec, spec) {
		t.Errorf("round trip gave version %d and\n%+v\nwant version %d and\n%+v", got.Version, got.Spec, model.IRVersion, spec)
	}
}

// With no --spec, ir prints the embedded documents merged.
func TestIRDefault(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"ir"}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit code %d: %s", code, stderr.String())
	}
	var ir model.IR
	if err := json.Unmarshal(stdout.Bytes(), &ir); err != nil {
		t.Fatal(err)
	}
	if len(ir.Sources) != 4 || len(ir.Opcodes) != 31 || len(ir.Events) != 154 {
		t.Errorf("got %d sources, %d opcodes, %d events; want 4, 31, 154", len(ir.Sources), len(ir.Opcodes), len(ir.Events))
	}
	// The payloads of the official docs' facts (all but the envelope, which
	// no payload links to, and two tables no payload reaches by a link).
	fields := 0
	for _, st := range ir.Structures {
		fields += len(st.Fields)
	}
	if len(ir.Structures) != 139 || fields != 849 {
		t.Errorf("got %d structures and %d fields; want 139 and 849", len(ir.Structures), fields)
	}
	if len(ir.CloseCodes) != 14 || len(ir.VoiceOpcodes) != 23 || len(ir.VoiceCloseCodes) != 16 || len(ir.Intents) != 21 {
		t.Errorf("got %d close codes, %d voice opcodes, %d voice close codes, %d intents; want 14, 23, 16, 21",
			len(ir.CloseCodes), len(ir.VoiceOpcodes), len(ir.VoiceCloseCodes), len(ir.Intents))
	}
}

// On invalid input ir prints nothing on standard output, so that a
// consumer never reads half a document, and exits 1.
func TestIRError(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run([]string{"ir", "--spec", "testdata/gateway.md", "--spec", "testdata/conflict.md"}, &stdout, &stderr)
	if code != exitError || stdout.Len() != 0 {
		t.Errorf("exit code %d, stdout %q; want %d and nothing", code, stdout.String(), exitError)
	}
	if want := "testdata/conflict.md:3: opcode 11 is HELLO here but HEARTBEAT_ACK at testdata/gateway.md:10\n"; stderr.String() != want {
		t.Errorf("stderr = %q, want %q", stderr.String(), want)
	}
}
