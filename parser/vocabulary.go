package parser

import (
	"strings"

	"github.com/gatewaygen/gatewaygen/model"
)

// This file is the parser's whole vocabulary: which headings introduce which
// tables, which header names mean which column, and how cells spell senders.
// Supporting a new document variant should mean adding words here.

// A tableKind is what a heading introduces: a table of the model, by its
// key (see model.Tables), the list of privileged intents, or nothing.
type tableKind string

const (
	noTable        tableKind = ""
	privilegedList tableKind = "privileged intents" // the bullet list of privileged intents
)

// table returns the model's table of the kind, or nil for the privileged
// list or no table.
func (k tableKind) table() *model.Table { return model.TableByKey(string(k)) }

// headings maps a normalised heading (see normalize) to the table below it.
// A table under any other heading is ignored: Gateway pages also hold send
// events, payload fields, and the HTTP, JSON and RPC codes of the
// "Opcodes and Status Codes" page, which are not ours. Headings match whole,
// so "Voice Opcodes" is never read as "Opcodes", nor "RPC Close Event Codes"
// as "Close Event Codes". The same words name typedoc enums, split at their
// capitals: GatewayOpcodes reads as "gateway opcodes".
var headings = map[string]tableKind{
	"gateway opcodes": "opcodes",
	"gateway opcode":  "opcodes",
	"opcodes":         "opcodes",

	"gateway dispatch events": "events",
	"dispatch events":         "events",
	"gateway events":          "events",
	"receive events":          "events", // official docs
	"event names":             "events",

	"gateway dispatch event names": "events", // a typedoc enum

	"gateway close event codes": "close_codes", // official docs, typedoc GatewayCloseEventCodes
	"close event codes":         "close_codes",
	"gateway close codes":       "close_codes",
	"close codes":               "close_codes",

	"voice opcodes":         "voice_opcodes", // official docs, typedoc VoiceOpcodes
	"voice gateway opcodes": "voice_opcodes",

	"voice close event codes": "voice_close_codes", // official docs, typedoc VoiceCloseEventCodes
	"voice close codes":       "voice_close_codes",

	"list of intents":     "intents", // official docs: a code block
	"gateway intents":     "intents", // typedoc GatewayIntents; the table form
	"intents":             "intents",
	"gateway intent bits": "intents", // discord-api-types' GatewayIntentBits

	"privileged intents": privilegedList,
}

// voiceSections are the normalised headings of sections about the voice
// gateway: the "Voice" part of the Opcodes and Status Codes page, and the
// community's Voice Connections page, whose "Voice Gateway" section has a
// "Gateway Events" table of voice messages (Hello, Speaking, Client Connect).
// A table below such a heading, at any depth, is read by voiceKinds.
var voiceSections = map[string]bool{
	"voice":             true,
	"voice gateway":     true,
	"voice connections": true,
	"voice connection":  true,
}

// foreignSections are the normalised headings of the parts of the Opcodes
// and Status Codes page that are about other protocols. Their tables are
// headed "RPC Close Event Codes" and the like, which never match, but a
// copy that shortens them to "Close Event Codes" under "## RPC" must not
// have them read as the Gateway's.
var foreignSections = map[string]bool{
	"rpc":  true,
	"http": true,
	"json": true,
}

// voiceKinds maps the kind a heading names to the kind of the same table in
// a voice section. Voice messages are not dispatch events, and intents
// belong to the main Gateway, so those tables are ignored there.
var voiceKinds = map[tableKind]tableKind{
	"opcodes":           "voice_opcodes",
	"close_codes":       "voice_close_codes",
	"voice_opcodes":     "voice_opcodes",
	"voice_close_codes": "voice_close_codes",
	"events":            noTable,
	"intents":           noTable,
	privilegedList:      noTable,
}

// A column is a field of a row.
type column int

const (
	colCode column = iota
	colName
	colSender
	colDescription
	colReconnect
	colBinary
	colBit
	colPrivileged
	colEvents
	numColumns
)

// columnAliases maps a normalised header name to its column.
var columnAliases = map[string]column{
	"code":   colCode,
	"opcode": colCode,
	"value":  colCode,

	"name":  colName,
	"event": colName,

	"sent by":       colSender,
	"client action": colSender, // official docs: Send, Receive, Send/Receive
	"action":        colSender,
	"direction":     colSender,

	"description": colDescription,
	"explanation": colDescription,

	"reconnect":     colReconnect,
	"can reconnect": colReconnect,

	"binary": colBinary, // official docs: X or blank
	"format": colBinary, // community docs: JSON or Binary

	"bit": colBit,

	"privileged": colPrivileged,

	"events":         colEvents,
	"enabled events": colEvents,
}

// namelessAliases re-map the header names of a table named in words
// (model.AttrNamedInWords) that has no Name column. The official close
// code tables print a code's name under Description ("Invalid `seq`") and
// what it means under Explanation.
var namelessAliases = map[string]column{"description": colName, "explanation": colDescription}

// columnNames are the names used in messages about a missing column.
var columnNames = [numColumns]string{
	colCode:        "Code (or Opcode, Value)",
	colName:        "Name (or Event)",
	colSender:      "Sent by (or Client Action, Action, Direction)",
	colDescription: "Description (or Explanation)",
	colReconnect:   "Reconnect",
	colBinary:      "Binary (or Format)",
	colBit:         "Bit",
	colPrivileged:  "Privileged",
	colEvents:      "Events",
}

// keyColumns maps the key of each shape of table (model.Shape.Key) to its
// column. A table must have its key's column and a Name column.
var keyColumns = map[string]column{"code": colCode, "name": colName, "bit": colBit}

// boolWords maps a normalised Reconnect or Privileged cell to its value. A
// blank cell means the document does not say.
var boolWords = map[string]bool{
	"true": true, "yes": true, "y": true, "x": true,
	"false": false, "no": false, "n": false,
}

// noReconnectPhrases are the phrases, normalised (see normalize, which
// turns "don't" into "don t"), by which a close code's explanation tells
// the client not to reconnect: the official voice table, which has no
// Reconnect column, ends the explanations of 4014, 4021 and 4022 with
// "Should not reconnect." A phrase matches whole words only. Explanations
// that say a client may reconnect ("Try reconnecting?") say nothing a
// blank cell does not: reconnecting is allowed unless a document forbids it.
var noReconnectPhrases = []string{
	"should not reconnect", "shouldn t reconnect",
	"do not reconnect", "don t reconnect",
	"must not reconnect", "mustn t reconnect",
	"cannot reconnect", "can not reconnect", "can t reconnect",
	"may not reconnect", "never reconnect",
	"should not attempt to reconnect", "do not attempt to reconnect", "don t attempt to reconnect",
	"should not try to reconnect", "do not try to reconnect", "don t try to reconnect",
	"stop reconnecting", "not attempt to reconnect",
}

// binaryWords maps a normalised Binary or Format cell to whether payloads
// are binary: the official docs mark binary opcodes with X and leave the
// others blank, community docs write JSON or Binary.
var binaryWords = map[string]bool{
	"x": true, "binary": true, "yes": true, "true": true,
	"": false, "json": false, "no": false, "false": false,
}

// intentMarkers are the footnote markers that may follow an intent or an
// event in a "List of Intents" code block: GUILD_MEMBERS (1 << 1) **. They
// refer to notes; none of them makes an intent privileged.
const intentMarkers = "*†‡¹²³⁴⁵⁶⁷⁸⁹⁰"

// senderWords maps a normalised word of a sender cell to the side it names.
// Client Action columns speak from the client's point of view: "Send" means
// the client sends, "Receive" that the server does.
var senderWords = map[string]model.Sender{
	"client":  model.SenderClient,
	"send":    model.SenderClient,
	"sends":   model.SenderClient,
	"server":  model.SenderServer,
	"gateway": model.SenderServer,
	"receive": model.SenderServer,
	"both":    model.SenderBoth,
}

// enumHeadingWords are the words before the colon of a heading that
// introduces a typedoc enum page: "# Enumeration: GatewayOpcodes". Typedoc
// has written both.
var enumHeadingWords = map[string]bool{
	"enumeration": true,
	"enum":        true,
}

// memberBullet starts the line that declares a typedoc enum member:
// "• **HeartbeatACK** = `11`" (U+2022).
const memberBullet = "•"

// deprecatedTag is the normalised text of the bold paragraph typedoc writes
// for a @deprecated tag: "**`Deprecated`**".
const deprecatedTag = "deprecated"

// notDispatchEvents are names that event tables list but that are messages
// with opcodes of their own, never the "t" of a DISPATCH payload. The official
// docs' Receive Events table, for one, starts with Hello, Reconnect and
// Invalid Session, and some copies with a Dispatch row linking to the
// dispatch events. Putting them in the event registry would be a lie.
var notDispatchEvents = map[string]bool{
	"DISPATCH":        true,
	"HELLO":           true,
	"RECONNECT":       true,
	"INVALID_SESSION": true,
	"HEARTBEAT":       true,
	"HEARTBEAT_ACK":   true,
}

// normalize lower-cases s, turns every run of ASCII characters other than
// letters and digits into one space, and trims it, so that "Gateway
// Opcodes:", "gateway  opcodes" and "Gateway-Opcodes" compare equal.
// Characters beyond ASCII are kept as they are: they are part of a word.
func normalize(s string) string {
	fields := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !('a' <= r && r <= 'z' || '0' <= r && r <= '9' || r >= 0x80)
	})
	return strings.Join(fields, " ")
}

// deprecatedSuffix marks a deprecated entry in community docs:
// "GUILD_SYNC **(deprecated)**".
const deprecatedSuffix = "(deprecated)"

// structureSuffixes are the closing words of a heading over a table of
// fields, which the structure's name leaves out: "User Structure" is the
// structure "User", "Ready Event Fields" the structure "Ready". Longer
// suffixes come first. A table with Field and Type columns is a structure
// whatever its heading ("Activity Timestamps"); these only shorten names.
var structureSuffixes = []string{
	"object structure", // "Poll Object Structure"
	"event extra fields",
	"event additional fields",
	"extra fields",
	"additional fields",
	"event fields",
	"structure",
	"object",
	"fields",
}

// extendingSuffixes are the structureSuffixes of a table that adds fields
// to the object the section's prose links to: "The inner payload is a
// [message](...) object with the following extra fields".
var extendingSuffixes = map[string]bool{
	"event extra fields":      true,
	"event additional fields": true,
	"extra fields":            true,
	"additional fields":       true,
}

// paramHeadings are the normalised starts of the headings over the tables
// of an HTTP request's or response's parameters ("JSON Params (Group DM)",
// "Query String Params"), which have Field and Type columns but are no
// payload of the Gateway.
var paramHeadings = []string{
	"json params",
	"json form params",
	"json or form data params",
	"form params",
	"form data params",
	"multipart form params",
	"query string params",
	"query params",
	"url params",
	"response body",
	"response structure",
	"json response",
}

// isParamHeading reports whether a normalised heading is one of
// paramHeadings, possibly followed by more words.
func isParamHeading(heading string) bool {
	for _, h := range paramHeadings {
		if heading == h || strings.HasPrefix(heading, h+" ") {
			return true
		}
	}
	return false
}

// payloadIntros are the words before the link that names the object a
// message's payload is, when no "object" follows it: "Inner payload is an
// [Interaction](...)".
var payloadIntros = []string{
	"payload is a",
	"payload is an",
	"payload is",
	"payload can be",
	"payload is an array of",
}

// sameExtraFields are the words before a link to the message whose extra
// fields a payload shares: "with the same extra fields as
// [MESSAGE_CREATE](...)".
const sameExtraFields = "same extra fields as"

// typeWords maps a normalised word of a Type cell to the primitive it
// names; the plurals serve "array of snowflakes". The docs' own misspelling
// of ISO8601 is there too.
var typeWords = map[string]string{
	"string": model.PrimitiveString, "strings": model.PrimitiveString,
	"integer": model.PrimitiveInteger, "integers": model.PrimitiveInteger,
	"int": model.PrimitiveInteger, "ints": model.PrimitiveInteger,
	"boolean": model.PrimitiveBoolean, "booleans": model.PrimitiveBoolean, "bool": model.PrimitiveBoolean,
	"snowflake": model.PrimitiveSnowflake, "snowflakes": model.PrimitiveSnowflake,
	"iso8601 timestamp": model.PrimitiveTimestamp, "is08601 timestamp": model.PrimitiveTimestamp,
	"iso8601 timestamps": model.PrimitiveTimestamp, "timestamp": model.PrimitiveTimestamp,
	"float": model.PrimitiveFloat, "floats": model.PrimitiveFloat,
	"double": model.PrimitiveFloat, "doubles": model.PrimitiveFloat, "number": model.PrimitiveFloat,
	"null": model.PrimitiveNull,
}

// rawWords maps a normalised Type the IR leaves as raw JSON to the reason
// it gives (TypeRef.Why).
var rawWords = map[string]string{
	"mixed":   "mixed",
	"object":  "object",
	"objects": "object",
	"any":     "mixed",
	"json":    "mixed",
}

// idWords follow a link to a structure in a Type cell that means the
// structures' IDs: "array of [role] object ids".
var idWords = map[string]bool{"object ids": true, "ids": true, "id": true, "object id": true}

// tupleWords are the counts of "array of two integers (shard_id,
// num_shards)", a tuple rather than a list.
var tupleWords = map[string]bool{"two": true, "three": true, "four": true, "2": true, "3": true, "4": true}
