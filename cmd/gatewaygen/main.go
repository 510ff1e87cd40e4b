// Gatewaygen generates a Go package of the Discord Gateway's tables (opcodes,
// dispatch events, close codes, intents and the voice gateway's tables) from
// the documents that describe them.
//
// Usage:
//
//	gatewaygen generate [--spec FILE]... [--out DIR] [--package NAME]
//	gatewaygen check    [--spec FILE]... [--out DIR] [--package NAME]
//	gatewaygen validate [--spec FILE]...
//	gatewaygen ir       [--spec FILE]...
//	gatewaygen diff     --old FILE... --new FILE... [--format text|markdown|json] [--exit-code]
//	gatewaygen render   --template NAME|FILE [--spec FILE]... [--out FILE]
//	gatewaygen version
//
// Given the tables of the Gateway documentation, generate writes a file for
// each (opcodes_gen.go, events_gen.go, close_codes_gen.go, ...) into --out
// (default generated/gateway), in package --package (see below):
//
//	type Opcode int // OpcodeDispatch, OpcodeHeartbeatACK, ...
//	func (Opcode) String() string
//	func (Opcode) SentBy() Sender
//	func ParseOpcode(name string) (Opcode, bool)
//	type Event uint16 // EventUnknown, EventReady, EventMessageCreate, ...
//	func ParseEvent(name string) (Event, bool)
//
// and the rest of the API described in the README. Check writes nothing and
// exits 1 with a unified diff when the files on disk are not what generate
// would write; run it in CI. Validate parses and validates only. Ir prints
// the merged model as JSON for other tools. Diff compares two versions of
// the docs for review. Render executes a text/template (built in: markdown,
// typescript) against the model.
//
// Generate and check also take naming flags (--opcode-type, --event-type,
// --sender-type, --initialisms, --name [TABLE:]KEY=GoName) and
// --keep-removed FILE, a lock file that keeps entries the docs drop,
// deprecated, until --drop NAME; docs/workflow.md in the repository describes the policy.
//
// Every command that reads specs takes --config FILE, a YAML file
// (gatewaygen.yaml) that holds the same settings and those of each table:
// its Go type, prefix, list function and integer type, events as strings,
// and which tables to generate. Its paths are relative to its folder, and
// flags given on the command line override it. The README's Configuration
// section lists its keys.
//
// The specs are markdown documents: the Gateway page's GFM tables, the
// official docs' MDX pages, typedoc pages of TypeScript enums, and community
// docs. Tables are found by the heading above them and columns by their
// header names. Several --spec flags are merged in order; with none,
// gatewaygen reads the documents embedded in it from the repository's specs/
// directory.
//
// A typical use is a go:generate directive in a file of the package to
// generate, such as internal/gateway/generate.go, with check run in CI from
// the same folder with the same flags:
//
//	//go:generate go tool gatewaygen generate --spec ../../docs/gateway.md --out .
//
//	cd internal/gateway && go tool gatewaygen check --spec ../../docs/gateway.md --out .
//
// Under go generate, --out defaults to the directive's folder; without
// --package, the package is that of the Go files already in --out, else
// $GOPACKAGE under go generate, else gateway.
//
// Every problem in the input is reported as file:line: message, all of them
// at once, and nothing is written. Exit status is 0 on success, 1 on invalid
// input or drift, and 2 on a usage error.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
