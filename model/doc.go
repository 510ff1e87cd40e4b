// Package model is gatewaygen's intermediate representation (IR): the
// tables of a Discord Gateway specification (opcodes, dispatch events,
// close codes, intents and the voice gateway's tables; Tables describes
// each), the payload structures the opcodes and events carry
// (structures.go), where each fact came from, and the rules that turn a set
// of parsed documents into one consistent Spec.
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
// order of the --spec flags. Tables of integer codes are merged by code,
// intents by bit, and events by wire name.
// The description of an entry is the first non-empty one in that order; a
// sender or a reconnect flag one document leaves blank is taken from
// another; an entry is deprecated or removed if any document says so; an
// intent is privileged if any document says so and enables the union of the
// events the documents list for it, in the order first seen; and the entry
// lists the position of every row that describes it. A code (or bit) with
// two names, a name with two codes, an opcode or voice opcode with two
// different senders, a voice opcode that is binary in one document and
// JSON in another, or a close code with two reconnect flags is a
// disagreement between documents. Merging strictly (MergeStrict, Build's
// way) it is an error at the later row that names the earlier one; with
// MergeFirstWins (BuildWith) the earlier document's value stays, the later
// row still adds its description, blank fields and sources to the entry
// (or, when it gave a name another code, its position to the entry of
// that name), and BuildWith returns a Warning naming both rows. What one
// document says twice is an error whatever the policy. When the documents
// list dispatch events, an event an intent lists that none of them lists is
// left out of the intent, with a Warning where the intent lists it,
// whatever the policy.
//
// A close code table without a Reconnect column, or a blank cell in one,
// leaves reconnecting unsaid unless the code's explanation tells the
// client not to reconnect, which the parser reads as false. A user's
// Options.Reconnect wins over every document.
//
// # Go names
//
// The Go name of an entry comes from its wire name (see naming.go). A close
// code has a name in words ("Invalid intent(s)"), whose wire form
// (INVALID_INTENTS) gives its Go name (InvalidIntents). Within one close code
// table several codes may share a name (the voice gateway's two
// "Disconnected"): the lowest code keeps the plain Go name and each other
// gets its code appended (Disconnected, Disconnected4022), so that the names
// are predictable and distinct without flags.
//
// A Naming's renames replace derived names. A Rename addresses an entry
// of one table by the table's key in the IR and the entry's wire name (or
// the wire form of a close code's name, INVALID_SEQ), or, for a close
// code, its code: "opcodes:HEARTBEAT_ACK", "close_codes:4004". A rename of a code wins over one of its name,
// and it alone can tell apart codes that share a name; a rename for a
// table wins over one without a table ("HEARTBEAT_ACK"), which addresses
// the entry of whichever table has the name. CheckOverrides refuses a
// rename that addresses nothing, and one without a table that entries of
// two tables have.
//
// # JSON
//
// "gatewaygen ir" prints the IR of a Spec as JSON, for tools written in other
// languages. Field names are snake_case and stable; IRVersion changes if one
// is removed or changes meaning, while new fields may appear at any time.
// Every field is always present, except "column", "kept", "aliases" and
// "reconnect_from". The IR has one key for each of Tables, in its order
// (Table.Key); each entry has the fields of Entry, then those of its
// table. An example, abridged:
//
//	{
//	  "version": 1,
//	  "sources": ["specs/gateway.md", "specs/discordeno-gateway-opcodes.md", "specs/gateway-protocol.md"],
//	  "opcodes": [
//	    {
//	      "code": 11,
//	      "name": "HEARTBEAT_ACK",
//	      "go_name": "HeartbeatACK",
//	      "description": "Sent in response to receiving a heartbeat ...",
//	      "deprecated": false,
//	      "removed": false,
//	      "sources": [
//	        {"file": "specs/gateway.md", "line": 18},
//	        {"file": "specs/discordeno-gateway-opcodes.md", "line": 53}
//	      ],
//	      "sent_by": "server"
//	    }
//	  ],
//	  "events": [
//	    {
//	      "name": "MESSAGE_CREATE",
//	      "go_name": "MessageCreate",
//	      "description": "Message was created",
//	      "deprecated": false,
//	      "removed": false,
//	      "sources": [{"file": "specs/gateway.md", "line": 113}],
//	      "value": 73
//	    }
//	  ],
//	  "close_codes": [
//	    {
//	      "code": 4007,
//	      "name": "Invalid seq",
//	      "go_name": "InvalidSeq",
//	      "description": "The sequence number sent with Resume is not valid; start a new session.",
//	      "deprecated": false,
//	      "removed": false,
//	      "sources": [{"file": "specs/gateway-protocol.md", "line": 119}],
//	      "reconnect": true
//	    }
//	  ],
//	  "voice_opcodes": [
//	    {
//	      "code": 25,
//	      "name": "DAVE_MLS_EXTERNAL_SENDER",
//	      "go_name": "DAVEMLSExternalSender",
//	      "description": "Gives the credential and public key of the MLS external sender.",
//	      "deprecated": false,
//	      "removed": false,
//	      "sources": [{"file": "specs/gateway-protocol.md", "line": 148}],
//	      "sent_by": "server",
//	      "binary": true
//	    }
//	  ],
//	  ...
//	  "intents": [
//	    {
//	      "bit": 1,
//	      "name": "GUILD_MEMBERS",
//	      "go_name": "GuildMembers",
//	      "description": "Members joining, changing and leaving guilds.",
//	      ...
//	      "privileged": true,
//	      "events": ["GUILD_MEMBER_ADD", "GUILD_MEMBER_UPDATE", "GUILD_MEMBER_REMOVE", "THREAD_MEMBERS_UPDATE"]
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
//     order of their generated constants. name is the value of "t"; value
//     is the value of the event's generated constant.
//   - close codes, the Gateway's (close_codes) and the voice gateway's:
//     the codes each closes a connection with, sorted by code. name is the
//     docs' name in words, as plain text; go_name follows the rule under
//     "Go names"; reconnect is true or false, or null where no document
//     says; reconnect_from, present when reconnect is not null, says where
//     it comes from: "column" (a Reconnect column), "text" (an explanation
//     that tells the client not to reconnect), "override" (the user's
//     --reconnect) or "lock" (a kept code's flag, from the lock file).
//   - voice_opcodes: sorted by code; as opcodes, plus binary, true when the
//     opcode's payloads are binary rather than JSON (false where no
//     document says).
//   - intents: sorted by bit; the intent's value is 1 << bit. privileged is
//     true for intents an application must be approved for; events are the
//     wire names of the dispatch events the intent enables, in document
//     order, possibly empty (an event may be under several intents).
//   - opcodes and events: payload is the name of the structure (in
//     "structures") their "d" holds, or "" when the specs describe none.
//   - structures: the payload structures of the opcodes and events and
//     every structure their fields reach, sorted by name. name is the
//     table's heading without its closing word ("Structure", "Object",
//     "Event Fields", "Extra Fields", "Additional Fields"): "User",
//     "Ready", "Message Create"; it is how the IR refers to the structure.
//     anchors are the page-qualified anchors links reach it by
//     ("developers/resources/user#user-object"): a <ManualAnchor> id, the
//     heading's slug, and the "X Object" section's slug for its first
//     table. base, for an extra fields table, is the name of the structure
//     it extends ("Message" for "Message Create"), else "". description is
//     the prose above the table (or above its message's section). kept
//     fields, as other kept entries, come from a lock file. fields are the
//     rows in document order: name is the JSON key (without "?" and
//     footnote markers), type the docs' Type cell as plain text, optional
//     that the key may be absent, nullable that the value may be null, and
//     resolved the type read:
//     {"kind": "primitive", "primitive": P} with P one of string, integer,
//     float, boolean, snowflake, timestamp, null;
//     {"kind": "array", "elem": T};
//     {"kind": "map", "key": T, "elem": T};
//     {"kind": "structure", "structure": NAME, "partial": true?};
//     {"kind": "enum", "primitive": "integer" or "string", and "table": an
//     IR key ("intents") or "enum": a name in "enums"};
//     {"kind": "raw", "why": W}, a value left as JSON, W one of union,
//     tuple, mixed, object, "unresolved link", enum (an enum whose values
//     were not read, and no primitive beside it), "unknown type".
//     Any kind may carry "link", the docs' link it was resolved through,
//     and a primitive may carry "enum", an enum the docs name but the IR
//     does not type.
//   - enums: the enum tables fields link to that are not tables of their
//     own in the IR, sorted by name. shape is integer, flags or string;
//     each member has name, go_name, value (an integer, or a flag's value
//     1 << bit) or wire (a string enum's string), description, deprecated
//     and sources.
//   - description: plain text, no markdown; "\n" separates lines and "\n\n"
//     paragraphs; "" when no document has one.
//   - kept (only when true): the entry is no longer in the documents and a
//     lock file keeps it; its one source is the lock file's line.
//   - deprecated: some document marks the entry deprecated or removed.
//     removed: some document strikes it out as no longer in use.
//   - sources: each row or enum member that describes the entry, in merge
//     order: file as in "sources", line 1-based, and column (a byte column,
//     1-based) only where it says more than the line.
package model
