// Package model is gatewaygen's intermediate representation (IR): the opcodes
// and dispatch events of a Discord Gateway specification, where each fact came
// from, and the rules that turn a set of parsed documents into one consistent
// Spec.
//
// The data flows one way:
//
//	parser.Parse ─▶ *Document (one per source file)
//	Build        ─▶ *Spec     (merged, named, validated)
//	generator    ─▶ Go source
//
// Package model does no I/O and knows neither markdown nor Go syntax, so that
// other tools can import it to read or produce specs.
//
// # Merging
//
// Build merges documents in the order given, which for gatewaygen is the
// order of the --spec flags. Opcodes are merged by code and events by wire
// name. The description of an entry is the first non-empty one in that
// order; a sender one document leaves blank is taken from another; an entry
// is deprecated or removed if any document says so; and the entry lists the
// position of every row that describes it. A code with two names, a name
// with two codes, or an opcode with two different senders is an error at
// the later row that names the earlier one.
//
// # JSON
//
// "gatewaygen ir" prints the IR of a Spec as JSON, for tools written in other
// languages. Field names are snake_case and stable; IRVersion changes if one
// is removed or changes meaning, while new fields may appear at any time.
// Every field is always present, except "column". An example, abridged:
//
//	{
//	  "version": 1,
//	  "sources": ["specs/gateway.md", "specs/discordeno-gateway-opcodes.md"],
//	  "opcodes": [
//	    {
//	      "code": 11,
//	      "name": "HEARTBEAT_ACK",
//	      "go_name": "HeartbeatACK",
//	      "sent_by": "server",
//	      "description": "Sent in response to receiving a heartbeat ...",
//	      "deprecated": false,
//	      "removed": false,
//	      "sources": [
//	        {"file": "specs/gateway.md", "line": 18},
//	        {"file": "specs/discordeno-gateway-opcodes.md", "line": 53}
//	      ]
//	    }
//	  ],
//	  "events": [
//	    {
//	      "name": "MESSAGE_CREATE",
//	      "go_name": "MessageCreate",
//	      "description": "Message was created",
//	      "deprecated": false,
//	      "removed": false,
//	      "sources": [{"file": "specs/gateway.md", "line": 113}]
//	    }
//	  ]
//	}
//
// The fields:
//
//   - version: IRVersion.
//   - sources: the documents, as given on the command line (embedded ones as
//     specs/NAME), in merge order.
//   - opcodes: sorted by code. code is the integer sent as "op"; name is the
//     wire name in UPPER_SNAKE_CASE; go_name is the name of the generated
//     constant without its type prefix; sent_by is "client", "server",
//     "client/server", or "" when no document says.
//   - events: in the order they first appear in the documents, which is the
//     order of their generated constants. name is the value of "t".
//   - description: plain text, no markdown; "\n" separates lines and "\n\n"
//     paragraphs; "" when no document has one.
//   - deprecated: some document marks the entry deprecated or removed.
//     removed: some document strikes it out as no longer in use.
//   - sources: each row or enum member that describes the entry, in merge
//     order: file as in "sources", line 1-based, and column (a byte column,
//     1-based) only where it says more than the line.
package model
