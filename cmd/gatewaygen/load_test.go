package main

import (
	"bytes"
	"encoding/json"
	"path"
	"slices"
	"strings"
	"testing"

	"github.com/gatewaygen/gatewaygen/model"
	"github.com/gatewaygen/gatewaygen/parser"
	"github.com/gatewaygen/gatewaygen/specs"
)

// The default specs are the Gateway page, discordeno's typedoc page of
// GatewayOpcodes, the protocol tables and the payloads, merged. The eleven opcodes of the
// typedoc page must agree with the Gateway page, and each must cite both
// documents, the Gateway page first, then the protocol tables; the
// descriptions come from the Gateway page.
func TestDefaultSpecsMerge(t *testing.T) {
	spec, err := new(inputFlags).load()
	if err != nil {
		t.Fatal(err)
	}
	const gatewayPage, typedocPage, protocolPage, payloadPage = "specs/gateway.md", "specs/discordeno-gateway-opcodes.md", "specs/gateway-protocol.md", "specs/gateway-payloads.md"
	if want := []string{gatewayPage, typedocPage, protocolPage, payloadPage}; !slices.Equal(spec.Sources, want) {
		t.Fatalf("Sources = %q, want %q", spec.Sources, want)
	}
	if len(spec.Opcodes) != 31 || len(spec.Events) != 154 {
		t.Errorf("merged spec has %d opcodes and %d events, want the Gateway page's 29 and 130, and 2 and 24 from the protocol tables", len(spec.Opcodes), len(spec.Events))
	}

	parse := func(file string) *model.Document {
		src, err := specs.FS.ReadFile(path.Base(file))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := parser.Parse(file, src)
		if err != nil {
			t.Fatal(err)
		}
		return doc
	}
	gateway, typedoc := parse(gatewayPage), parse(typedocPage)
	if len(typedoc.Opcodes) != 11 {
		t.Fatalf("the typedoc page has %d opcodes, want 11", len(typedoc.Opcodes))
	}
	merged := map[int]model.Opcode{}
	for _, op := range spec.Opcodes {
		merged[op.Code] = op
	}
	fromGateway := map[int]model.Opcode{}
	for _, op := range gateway.Opcodes {
		fromGateway[op.Code] = op
	}
	for _, td := range typedoc.Opcodes {
		op, gw := merged[td.Code], fromGateway[td.Code]
		if op.Name != td.Name || gw.Name != td.Name {
			t.Errorf("opcode %d: typedoc says %s, Gateway page %s, merged %s", td.Code, td.Name, gw.Name, op.Name)
		}
		if want := []model.Source{gw.Sources[0], td.Sources[0]}; len(op.Sources) != 3 || !slices.Equal(op.Sources[:2], want) || op.Sources[2].File != protocolPage {
			t.Errorf("%s sources = %v, want %v", op.Name, op.Sources, want)
		}
		if op.Description != gw.Description || op.SentBy != gw.SentBy {
			t.Errorf("%s = %q sent by %v; want the Gateway page's %q, %v", op.Name, op.Description, op.SentBy, gw.Description, gw.SentBy)
		}
	}
	for _, op := range spec.Opcodes {
		if len(op.Sources) == 1 && op.Sources[0].File != gatewayPage && (op.Sources[0].File != protocolPage || op.Code < 31) {
			t.Errorf("%s comes only from %s", op.Name, op.Sources[0].File)
		}
	}
}

// Documents of three formats merge: descriptions come from the first
// document that has one, in --spec order.
func TestMergeFormats(t *testing.T) {
	spec, err := (&inputFlags{specs: []string{"testdata/gateway.md", "testdata/opcodes.md", "testdata/events.mdx"}}).load()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, op := range spec.Opcodes {
		got = append(got, op.Name+" "+op.Description+" "+srcList(op.Sources))
	}
	for _, ev := range spec.Events {
		got = append(got, ev.Name+" "+ev.Description+" "+srcList(ev.Sources))
	}
	want := []string{
		"DISPATCH An event was dispatched. testdata/gateway.md:7",
		"HEARTBEAT Keeps the connection alive; the d field is the last sequence number. testdata/gateway.md:8 testdata/opcodes.md:7",
		"HELLO Says hello. testdata/gateway.md:9 testdata/opcodes.md:23",
		"HEARTBEAT_ACK Acknowledges a heartbeat. testdata/gateway.md:10 testdata/opcodes.md:15",
		"GUILD_SYNC Syncs a guild & its members. testdata/gateway.md:11",
		"LAZY_REQUEST Asks for the member list of a <channel>.\n\nSuperseded by member chunks. testdata/gateway.md:12 testdata/opcodes.md:29",
		"READY The session is open testdata/gateway.md:18",
		"MESSAGE_CREATE A message was sent testdata/gateway.md:19 testdata/events.mdx:16",
		"GUILD_SYNC  testdata/events.mdx:17",
	}
	if g, w := strings.Join(got, "\n"), strings.Join(want, "\n"); g != w {
		t.Errorf("merged:\n%s\nwant:\n%s", g, w)
	}
}

func srcList(sources []model.Source) string {
	var s []string
	for _, src := range sources {
		s = append(s, src.String())
	}
	return strings.Join(s, " ")
}

// Documents that disagree fail, and each error names both positions.
func TestConflictingSpecs(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run([]string{"validate",
		"--spec", "testdata/gateway.md",
		"--spec", "testdata/conflict.md",
		"--spec", "testdata/conflict-sender.mdx",
	}, &stdout, &stderr)
	if code != exitError {
		t.Errorf("exit code %d, want %d", code, exitError)
	}
	want := "testdata/conflict-sender.mdx:5: opcode HEARTBEAT is sent by client here but by client/server at testdata/gateway.md:8\n" +
		"testdata/conflict.md:3: opcode 11 is HELLO here but HEARTBEAT_ACK at testdata/gateway.md:10\n"
	if stderr.String() != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", stderr.String(), want)
	}
	if stdout.Len() != 0 {
		t.Errorf("stdout = %q, want nothing", stdout.String())
	}
}

// A --spec directory is every .md and .mdx file under it, in name order:
// a page with nothing gatewaygen reads is skipped and counted, other files
// are not read, and links resolve between the pages.
func TestSpecDirectory(t *testing.T) {
	code, stdout, stderr := gatewaygen(t, "ir", "--spec", "testdata/specdir")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if want := "testdata/specdir: skipped 1 file with no table gatewaygen reads\n"; stderr != want {
		t.Errorf("stderr %q, want %q", stderr, want)
	}
	var ir model.IR
	if err := json.Unmarshal([]byte(stdout), &ir); err != nil {
		t.Fatal(err)
	}
	if want := []string{"testdata/specdir/gateway.md", "testdata/specdir/sub/user.mdx"}; !slices.Equal(ir.Sources, want) {
		t.Errorf("sources %q, want %q", ir.Sources, want)
	}
	if len(ir.Structures) != 2 || ir.Opcodes[0].Payload != "Hello" || ir.Structures[0].Fields[1].Resolved.Structure != "User" {
		t.Errorf("structures %+v, opcodes %+v", ir.Structures, ir.Opcodes)
	}
}

// Without the page a link leads to, the link is one warning on stderr and
// the field raw JSON: the Gateway's pages alone still build.
func TestDanglingLinkWarning(t *testing.T) {
	code, stdout, stderr := gatewaygen(t, "ir", "--spec", "testdata/specdir/gateway.md")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want := "testdata/specdir/gateway.md:16: the link /sub/user#user-object leads to no table of the specs given (no spec is the page /sub/user); what it types is left as raw JSON\n"
	if stderr != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", stderr, want)
	}
	if !strings.Contains(stdout, `"why": "unresolved link"`) {
		t.Errorf("the field is not raw JSON:\n%s", stdout)
	}
}
