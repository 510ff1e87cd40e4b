package lockfile

import (
	"cmp"
	"fmt"
	"go/token"
	"slices"
	"strconv"

	"github.com/gatewaygen/gatewaygen/model"
)

// This file keeps the tables other than opcodes and events: close codes,
// voice opcodes, voice close codes and intents. They follow the opcodes'
// rules, with a code (a bit for intents) that never moves, and share one
// implementation. Their sections were added to version 1 of the format:
// a lock file without them reads as before, and they are written only
// when the spec has entries in them.

// A CloseCode is one close code the generated package declares, of the
// Gateway or of the voice gateway.
type CloseCode struct {
	Code      int    `json:"code"`
	Name      string `json:"name"`
	GoName    string `json:"go_name"`
	Reconnect *bool  `json:"reconnect,omitempty"`
	Kept      bool   `json:"kept,omitempty"`
	line      int
}

// A VoiceOpcode is one voice opcode the generated package declares.
type VoiceOpcode struct {
	Code   int          `json:"code"`
	Name   string       `json:"name"`
	GoName string       `json:"go_name"`
	SentBy model.Sender `json:"sent_by"`
	Binary bool         `json:"binary,omitempty"`
	Kept   bool         `json:"kept,omitempty"`
	line   int
}

// An Intent is one intent the generated package declares. The events it
// enables are not recorded: a kept intent enables none that the docs say.
type Intent struct {
	Bit        int    `json:"bit"`
	Name       string `json:"name"`
	GoName     string `json:"go_name"`
	Privileged bool   `json:"privileged,omitempty"`
	Kept       bool   `json:"kept,omitempty"`
	line       int
}

// A kind describes one of these tables, as the lock file (L) and the spec
// (M) hold its entries.
type kind[L, M any] struct {
	// table is the table's key in the IR and the lock file, which also
	// qualifies a code in a name to drop: voice_close_codes:4014.
	table string
	what  string // "close code", ...
	// sharedNames is set for the close code tables, in which several
	// codes may have one name, so that a name says nothing of identity.
	sharedNames bool
	lock        func(*L) entryOf
	spec        func(*M) entryOf
	// record makes the lock file's entry of a spec entry, and kept the
	// spec's entry of a kept one.
	record func(*M) L
	kept   func(*L, model.Source) M
}

// entryOf is what the rules look at in an entry of either side.
type entryOf struct {
	key        int
	name, wire string // as printed, and as compared
	goName     string
	kept       bool
	line       int // lock file entries only
	source     model.Source
}

var closeCodeKinds = func(table, what string) kind[CloseCode, model.CloseCode] {
	return kind[CloseCode, model.CloseCode]{
		table: table, what: what, sharedNames: true,
		lock: func(c *CloseCode) entryOf {
			return entryOf{key: c.Code, name: strconv.Quote(c.Name), wire: model.WireFromTitle(c.Name), goName: c.GoName, kept: c.Kept, line: c.line}
		},
		spec: func(c *model.CloseCode) entryOf {
			return entryOf{key: c.Code, name: strconv.Quote(c.Name), wire: model.WireFromTitle(c.Name), goName: c.GoName, kept: c.Kept, source: c.Sources[0]}
		},
		record: func(c *model.CloseCode) CloseCode {
			return CloseCode{Code: c.Code, Name: c.Name, GoName: c.GoName, Reconnect: c.Reconnect, Kept: c.Kept}
		},
		kept: func(c *CloseCode, src model.Source) model.CloseCode {
			return model.CloseCode{Code: c.Code, Entry: model.Entry{Name: c.Name, GoName: c.GoName, Deprecated: true, Kept: true, Sources: []model.Source{src}}, Reconnect: c.Reconnect}
		},
	}
}

var (
	gatewayCloseCodes = closeCodeKinds("close_codes", "close code")
	voiceCloseCodes   = closeCodeKinds("voice_close_codes", "voice close code")
)

var voiceOpcodes = kind[VoiceOpcode, model.VoiceOpcode]{
	table: "voice_opcodes", what: "voice opcode",
	lock: func(o *VoiceOpcode) entryOf {
		return entryOf{key: o.Code, name: o.Name, wire: o.Name, goName: o.GoName, kept: o.Kept, line: o.line}
	},
	spec: func(o *model.VoiceOpcode) entryOf {
		return entryOf{key: o.Code, name: o.Name, wire: o.Name, goName: o.GoName, kept: o.Kept, source: o.Sources[0]}
	},
	record: func(o *model.VoiceOpcode) VoiceOpcode {
		return VoiceOpcode{Code: o.Code, Name: o.Name, GoName: o.GoName, SentBy: o.SentBy, Binary: o.Binary, Kept: o.Kept}
	},
	kept: func(o *VoiceOpcode, src model.Source) model.VoiceOpcode {
		return model.VoiceOpcode{Code: o.Code, Entry: model.Entry{Name: o.Name, GoName: o.GoName, Deprecated: true, Kept: true, Sources: []model.Source{src}}, SentBy: o.SentBy, Binary: o.Binary}
	},
}

var intents = kind[Intent, model.Intent]{
	table: "intents", what: "intent",
	lock: func(in *Intent) entryOf {
		return entryOf{key: in.Bit, name: in.Name, wire: in.Name, goName: in.GoName, kept: in.Kept, line: in.line}
	},
	spec: func(in *model.Intent) entryOf {
		return entryOf{key: in.Bit, name: in.Name, wire: in.Name, goName: in.GoName, kept: in.Kept, source: in.Sources[0]}
	},
	record: func(in *model.Intent) Intent {
		return Intent{Bit: in.Bit, Name: in.Name, GoName: in.GoName, Privileged: in.Privileged, Kept: in.Kept}
	},
	kept: func(in *Intent, src model.Source) model.Intent {
		return model.Intent{Bit: in.Bit, Entry: model.Entry{Name: in.Name, GoName: in.GoName, Deprecated: true, Kept: true, Sources: []model.Source{src}}, Privileged: in.Privileged, Events: []string{}}
	},
}

// recordAll returns the lock file's entries of a table of the spec.
func recordAll[L, M any](k kind[L, M], entries []M) []L {
	var out []L
	for i := range entries {
		out = append(out, k.record(&entries[i]))
	}
	return out
}

// dropKeys are the names by which --drop can name an entry: its wire name
// (for a close code, the wire form of its name) and TABLE:CODE.
func (k kind[L, M]) dropKeys(e entryOf) [2]string {
	return [2]string{e.wire, fmt.Sprintf("%s:%d", k.table, e.key)}
}

// keep returns the spec's entries with the lock file's that the spec no
// longer lists put back, sorted by key, following the opcodes' rules: an
// entry is listed if the spec has its code with its name, or (where names
// are not shared) its name at another code; a code the spec gives another
// name, or a Go name the spec gives another entry, is an error.
func keep[L, M any](k kind[L, M], locked []L, entries []M, path string, dropped map[string]bool, errs *ErrorList) []M {
	out := slices.Clone(entries)
	byKey := make(map[int]entryOf)
	byWire := make(map[string]bool)
	goNames := make(map[string]model.Source)
	for i := range entries {
		e := k.spec(&entries[i])
		byKey[e.key], byWire[e.wire], goNames[e.goName] = e, true, e.source
	}
	for i := range locked {
		l := k.lock(&locked[i])
		other, ok := byKey[l.key]
		keys := k.dropKeys(l)
		switch {
		case ok && other.wire == l.wire, !k.sharedNames && byWire[l.wire], dropped[keys[0]], dropped[keys[1]]:
			continue
		}
		src := model.Source{File: path, Line: l.line}
		if ok {
			*errs = append(*errs, &Error{Pos: other.source, Drop: keys[1],
				Msg: fmt.Sprintf("%s %d is %s here, but the lock file keeps %s, which the docs no longer list, at that code (%s)", k.what, l.key, other.name, l.name, src)})
			continue
		}
		if pos, ok := goNames[l.goName]; ok {
			*errs = append(*errs, &Error{Pos: pos, Drop: keys[1], Rename: true,
				Msg: fmt.Sprintf("this %s has the Go name %s, which the lock file keeps for %s, which the docs no longer list (%s)", k.what, l.goName, l.name, src)})
			continue
		}
		out = append(out, k.kept(&locked[i], src))
	}
	slices.SortStableFunc(out, func(a, b M) int { return cmp.Compare(k.spec(&a).key, k.spec(&b).key) })
	return out
}

// dropNames adds to kept and listed the --drop names of a table's entries
// that the lock file keeps and that the spec lists.
func dropNames[L, M any](k kind[L, M], locked []L, entries []M, kept, listed map[string]bool) {
	inSpec := make(map[string]bool)
	for i := range entries {
		for _, key := range k.dropKeys(k.spec(&entries[i])) {
			inSpec[key], listed[key] = true, true
		}
	}
	for i := range locked {
		keys := k.dropKeys(k.lock(&locked[i]))
		// A close code whose code the spec still has is listed, whatever
		// other codes share its name.
		gone := !inSpec[keys[1]] && (k.sharedNames || !inSpec[keys[0]])
		for _, key := range keys {
			kept[key] = kept[key] || gone
		}
	}
}

// checkTable reports entries of a table that a generated package could not
// declare; once reports a key seen twice.
func checkTable[L, M any](k kind[L, M], locked []L, path string, once func(line int, key, what string), errs *model.ErrorList) {
	for i := range locked {
		l := k.lock(&locked[i])
		at := model.Source{File: path, Line: l.line}
		if l.wire == "" {
			errs.Add(at, "%s without a name", k.what)
		}
		if !token.IsIdentifier(l.goName) || !token.IsExported(l.goName) {
			errs.Add(at, "%s %s: go_name %q is not an exported Go identifier", k.what, l.name, l.goName)
		}
		word := "code"
		if k.table == "intents" {
			word = "bit"
		}
		if l.key < 0 || word == "bit" && l.key > 63 {
			errs.Add(at, "%s %s: %s %d is out of range", k.what, l.name, word, l.key)
		}
		if !k.sharedNames {
			once(l.line, k.table+" name "+l.wire, k.what+" "+l.name)
		}
		once(l.line, k.table+" go "+l.goName, fmt.Sprintf("%s Go name %s", k.what, l.goName))
		once(l.line, fmt.Sprint(k.table, " ", l.key), fmt.Sprint(k.what, " ", word, " ", l.key))
	}
}
