// Package specs embeds the Gateway documents that gatewaygen reads when it is
// given no --spec flags, so that the binary alone can regenerate the
// committed package.
package specs

import "embed"

//go:generate go run ../cmd/gatewaygen generate --out ../generated/gateway

// FS holds the documents.
//
//go:embed *.md
var FS embed.FS

// Dir is where the documents live in the repository; positions in the
// embedded documents are reported under it, so they point at real files.
const Dir = "specs"

// Default lists the documents of FS in merge order. The Gateway page comes
// first: it is the most complete, and the first document with a
// description of an entry provides it. Discordeno's GatewayOpcodes enum
// adds no opcode, but it is a second, independent witness of the eleven it
// lists: should the two ever disagree on a name or code, generate fails and
// names both lines. The protocol tables the project wrote from the official
// docs' facts come last, so that the seeds' events keep their values: they
// add every other table (close codes, intents, the voice gateway's), the
// opcodes and events the seeds lack, and a third witness of the rest. The
// payload structures and the enums their fields link to, also written from
// the official docs' facts, link to those tables, and come after them.
var Default = []string{
	"gateway.md",
	"discordeno-gateway-opcodes.md",
	"gateway-protocol.md",
	"gateway-payloads.md",
}
