// Package lockfile keeps a generated package's API stable across refreshes
// of the docs. A lock file, which "gatewaygen generate --keep-removed FILE"
// maintains next to the generated package, records every opcode and event
// the package declares. When an entry disappears from the docs, Keep puts it
// back into the spec, deprecated, so that code using it still builds; it
// stays until it is dropped on purpose with --drop NAME. Close codes, voice
// opcodes, voice close codes and intents are kept as opcodes are (see
// tables.go); a close code can also be dropped as TABLE:CODE, such as
// --drop voice_close_codes:4014, since two may share a name.
//
// What stays stable:
//
//   - A kept entry keeps its wire name, its Go name and, for an opcode, its
//     code and sender. Its description is not recorded (the lock file stays
//     small, and the docs no longer stand behind it), so its Description
//     method returns "".
//   - Event values are dense and follow spec order, as they always do. A
//     kept event keeps its place in that order, right after the event that
//     preceded it when it was last generated, so keeping an event renumbers
//     nothing: every value is what it was before the docs dropped it.
//     Dropping it with --drop, or the docs adding or moving events, does
//     renumber the events after it, which is why code should store and send
//     event names (MarshalText does), never their numbers. The lock file
//     records each value, so such a change shows up in review.
//   - Opcode codes are what Discord sends, so they never move for a kept
//     opcode. If the docs give a kept opcode's code, or Go name, to another
//     entry, Keep fails and says which entry to drop: two constants cannot
//     share a code, and quietly dropping the old one is what the lock file
//     exists to prevent.
//
// An entry that comes back to the docs is simply listed again. The file is
// JSON with one entry a line, written deterministically, so that its diff in
// a pull request reads as the list of API changes.
package lockfile

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"go/token"
	"io"
	"slices"
	"strings"

	"github.com/gatewaygen/gatewaygen/model"
)

// Version is the version of the format this package reads and writes.
const Version = 1

// comment heads every lock file, for whoever opens one.
const comment = "Maintained by gatewaygen generate --keep-removed: every opcode and event the generated package declares. " +
	"Entries marked kept are no longer in the docs and stay, deprecated, until dropped with --drop NAME. Do not edit."

// A File is the contents of a lock file.
type File struct {
	// Path is where the file was read from, or is to be written; positions
	// of kept entries point into it.
	Path    string
	Opcodes []Opcode // sorted by code
	Events  []Event  // sorted by value
	// The other tables, sorted by code, intents by bit; see tables.go.
	CloseCodes      []CloseCode
	VoiceOpcodes    []VoiceOpcode
	VoiceCloseCodes []CloseCode
	Intents         []Intent
}

// An Opcode is one opcode the generated package declares.
type Opcode struct {
	Code   int          `json:"code"`
	Name   string       `json:"name"`
	GoName string       `json:"go_name"`
	SentBy model.Sender `json:"sent_by"`
	// Kept is set if the docs no longer list the opcode.
	Kept bool `json:"kept,omitempty"`
	line int
}

// An Event is one event the generated package declares.
type Event struct {
	// Value is the event's value in the generated package: its place in
	// spec order, from 1.
	Value  int    `json:"value"`
	Name   string `json:"name"`
	GoName string `json:"go_name"`
	Kept   bool   `json:"kept,omitempty"`
	line   int
}

// Record returns the lock file at path for spec, the spec a package is
// generated from (after Keep, if there was a lock file before).
func Record(path string, spec *model.Spec) *File {
	f := &File{Path: path}
	for _, op := range spec.Opcodes {
		f.Opcodes = append(f.Opcodes, Opcode{Code: op.Code, Name: op.Name, GoName: op.GoName, SentBy: op.SentBy, Kept: op.Kept})
	}
	for i, ev := range spec.Events {
		f.Events = append(f.Events, Event{Value: i + 1, Name: ev.Name, GoName: ev.GoName, Kept: ev.Kept})
	}
	f.CloseCodes = recordAll(gatewayCloseCodes, spec.CloseCodes)
	f.VoiceOpcodes = recordAll(voiceOpcodes, spec.VoiceOpcodes)
	f.VoiceCloseCodes = recordAll(voiceCloseCodes, spec.VoiceCloseCodes)
	f.Intents = recordAll(intents, spec.Intents)
	return f
}

// Marshal returns the file's contents: JSON, one entry a line, in a fixed
// order, so that the same lock gives the same bytes.
func (f *File) Marshal() []byte {
	var b bytes.Buffer
	str := func(s string) string {
		data, _ := json.Marshal(s)
		return string(data)
	}
	fmt.Fprintf(&b, "{\n  \"comment\": %s,\n  \"version\": %d,\n", str(comment), Version)
	// The other tables' sections are written only when they have entries,
	// so that the lock of a spec without them is what it always was.
	var more []func(after string)
	if len(f.CloseCodes) > 0 {
		more = append(more, func(after string) { writeList(&b, "close_codes", f.CloseCodes, after) })
	}
	if len(f.VoiceOpcodes) > 0 {
		more = append(more, func(after string) { writeList(&b, "voice_opcodes", f.VoiceOpcodes, after) })
	}
	if len(f.VoiceCloseCodes) > 0 {
		more = append(more, func(after string) { writeList(&b, "voice_close_codes", f.VoiceCloseCodes, after) })
	}
	if len(f.Intents) > 0 {
		more = append(more, func(after string) { writeList(&b, "intents", f.Intents, after) })
	}
	writeList(&b, "opcodes", f.Opcodes, ",")
	after := ""
	if len(more) > 0 {
		after = ","
	}
	writeList(&b, "events", f.Events, after)
	for i, write := range more {
		after = ","
		if i == len(more)-1 {
			after = ""
		}
		write(after)
	}
	b.WriteString("}\n")
	return b.Bytes()
}

func writeList[T any](w io.Writer, key string, entries []T, after string) {
	if len(entries) == 0 {
		fmt.Fprintf(w, "  %q: []%s\n", key, after)
		return
	}
	fmt.Fprintf(w, "  %q: [\n", key)
	for i, e := range entries {
		line, err := json.Marshal(e)
		if err != nil {
			panic(err) // only an invalid Sender fails, and Build rejects those
		}
		sep := ","
		if i == len(entries)-1 {
			sep = ""
		}
		fmt.Fprintf(w, "    %s%s\n", line, sep)
	}
	fmt.Fprintf(w, "  ]%s\n", after)
}

// Parse reads the contents of the lock file at path. Errors are a
// model.ErrorList, each at the line of the entry at fault.
func Parse(path string, data []byte) (*File, error) {
	p := &fileParser{path: path, data: data, dec: json.NewDecoder(bytes.NewReader(data))}
	p.dec.DisallowUnknownFields()
	f, err := p.parse()
	if err != nil {
		var list model.ErrorList
		if !errors.As(err, &list) {
			list = model.ErrorList{p.jsonError(err)}
		}
		list.Sort()
		return nil, list
	}
	return f, nil
}

type fileParser struct {
	path string
	data []byte
	dec  *json.Decoder
	// at is the offset of the value being decoded, for errors that carry
	// no offset of their own.
	at int
}

func (p *fileParser) parse() (*File, error) {
	f := &File{Path: p.path}
	version := 0
	if err := p.delim('{'); err != nil {
		return nil, err
	}
	for p.dec.More() {
		p.at = p.offset()
		tok, err := p.dec.Token()
		if err != nil {
			return nil, err
		}
		p.at = p.offset()
		switch key, _ := tok.(string); key {
		case "comment":
			var s string
			err = p.dec.Decode(&s)
		case "version":
			err = p.dec.Decode(&version)
		case "opcodes":
			f.Opcodes, err = decodeList[Opcode](p, func(o *Opcode, line int) { o.line = line })
		case "events":
			f.Events, err = decodeList[Event](p, func(e *Event, line int) { e.line = line })
		case "close_codes":
			f.CloseCodes, err = decodeList[CloseCode](p, func(e *CloseCode, line int) { e.line = line })
		case "voice_opcodes":
			f.VoiceOpcodes, err = decodeList[VoiceOpcode](p, func(e *VoiceOpcode, line int) { e.line = line })
		case "voice_close_codes":
			f.VoiceCloseCodes, err = decodeList[CloseCode](p, func(e *CloseCode, line int) { e.line = line })
		case "intents":
			f.Intents, err = decodeList[Intent](p, func(e *Intent, line int) { e.line = line })
		default:
			err = fmt.Errorf("unknown field %q", key)
		}
		if err != nil {
			return nil, err
		}
	}
	if err := p.delim('}'); err != nil {
		return nil, err
	}
	if _, err := p.dec.Token(); err != io.EOF {
		return nil, p.errorf(p.offset(), "unexpected data after the lock file's object")
	}
	if version != Version {
		return nil, model.ErrorList{model.Errorf(model.Source{File: p.path, Line: 1}, "lock file version %d; this gatewaygen reads version %d", version, Version)}
	}
	if err := f.check(); err != nil {
		return nil, err
	}
	slices.SortStableFunc(f.Opcodes, func(a, b Opcode) int { return cmp.Compare(a.Code, b.Code) })
	slices.SortStableFunc(f.Events, func(a, b Event) int { return cmp.Compare(a.Value, b.Value) })
	slices.SortStableFunc(f.CloseCodes, func(a, b CloseCode) int { return cmp.Compare(a.Code, b.Code) })
	slices.SortStableFunc(f.VoiceOpcodes, func(a, b VoiceOpcode) int { return cmp.Compare(a.Code, b.Code) })
	slices.SortStableFunc(f.VoiceCloseCodes, func(a, b CloseCode) int { return cmp.Compare(a.Code, b.Code) })
	slices.SortStableFunc(f.Intents, func(a, b Intent) int { return cmp.Compare(a.Bit, b.Bit) })
	return f, nil
}

// decodeList decodes a JSON array of entries, noting the line each starts on.
func decodeList[T any](p *fileParser, setLine func(*T, int)) ([]T, error) {
	if err := p.delim('['); err != nil {
		return nil, err
	}
	var list []T
	for p.dec.More() {
		p.at = p.offset()
		var e T
		if err := p.dec.Decode(&e); err != nil {
			return nil, err
		}
		setLine(&e, p.line(p.at))
		list = append(list, e)
	}
	return list, p.delim(']')
}

// delim reads the delimiter want.
func (p *fileParser) delim(want json.Delim) error {
	p.at = p.offset()
	tok, err := p.dec.Token()
	if err != nil {
		return err
	}
	if tok != want {
		return p.errorf(p.at, "want %q, found %v", want, tok)
	}
	return nil
}

// offset is where the next value starts: past the whitespace and the
// separator the decoder stopped before.
func (p *fileParser) offset() int {
	off := int(p.dec.InputOffset())
	for off < len(p.data) && strings.IndexByte(" \t\r\n,:", p.data[off]) >= 0 {
		off++
	}
	return off
}

func (p *fileParser) line(offset int) int {
	return 1 + bytes.Count(p.data[:min(offset, len(p.data))], []byte("\n"))
}

func (p *fileParser) errorf(offset int, format string, args ...any) model.ErrorList {
	return model.ErrorList{model.Errorf(model.Source{File: p.path, Line: p.line(offset)}, format, args...)}
}

// jsonError places an error of encoding/json at its offset, if it has
// one, else at the value being decoded.
func (p *fileParser) jsonError(err error) *model.Error {
	offset := p.at
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		offset = int(syntax.Offset)
	case errors.As(err, &typ):
		// Decode reports the offset within the value it decoded.
		offset = p.at + int(typ.Offset)
		err = fmt.Errorf("%s: want %s, found a JSON %s", typ.Field, typ.Type, typ.Value)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		offset, err = len(p.data), errors.New("unexpected end of file")
	}
	msg := strings.TrimPrefix(err.Error(), "json: ")
	return model.Errorf(model.Source{File: p.path, Line: p.line(offset)}, "invalid lock file: %s", msg)
}

// check reports entries that a generated package could not declare, as
// when the file was edited by hand or merged badly.
func (f *File) check() error {
	var errs model.ErrorList
	at := func(line int) model.Source { return model.Source{File: f.Path, Line: line} }
	seen := map[string]int{}
	once := func(line int, key, what string) {
		if prev, ok := seen[key]; ok {
			errs.Add(at(line), "%s is also at line %d", what, prev)
		}
		seen[key] = line
	}
	entry := func(line int, kind, name, goName string) {
		if name == "" {
			errs.Add(at(line), "%s without a name", kind)
		}
		if !token.IsIdentifier(goName) || !token.IsExported(goName) {
			errs.Add(at(line), "%s %s: go_name %q is not an exported Go identifier", kind, name, goName)
		}
		once(line, kind+" name "+name, kind+" "+name)
		once(line, kind+" go "+goName, fmt.Sprintf("%s Go name %s", kind, goName))
	}
	for _, op := range f.Opcodes {
		entry(op.line, "opcode", op.Name, op.GoName)
		if op.Code < 0 {
			errs.Add(at(op.line), "opcode %s: negative code %d", op.Name, op.Code)
		}
		once(op.line, fmt.Sprint("opcode code ", op.Code), fmt.Sprint("opcode code ", op.Code))
	}
	for _, ev := range f.Events {
		entry(ev.line, "event", ev.Name, ev.GoName)
		if ev.Value <= 0 {
			errs.Add(at(ev.line), "event %s: value %d is not positive", ev.Name, ev.Value)
		}
		once(ev.line, fmt.Sprint("event value ", ev.Value), fmt.Sprint("event value ", ev.Value))
	}
	checkTable(gatewayCloseCodes, f.CloseCodes, f.Path, once, &errs)
	checkTable(voiceOpcodes, f.VoiceOpcodes, f.Path, once, &errs)
	checkTable(voiceCloseCodes, f.VoiceCloseCodes, f.Path, once, &errs)
	checkTable(intents, f.Intents, f.Path, once, &errs)
	return errs.Err()
}

// Keep returns spec with every entry of f that spec no longer lists put
// back, marked Kept and Deprecated, except those named in drop. Kept
// opcodes take their place by code, kept events theirs in the order
// (see the package documentation); spec itself is not modified.
//
// It fails, naming the row at fault, if spec gives a kept opcode's code or
// a kept entry's Go name to another entry, and, naming the flag, if drop
// names an entry the docs still list or that f does not keep.
func (f *File) Keep(spec *model.Spec, drop []string) (*model.Spec, error) {
	dropped := map[string]bool{}
	for _, name := range drop {
		dropped[name] = true
	}
	if err := f.checkDrop(spec, drop); err != nil {
		return nil, err
	}
	var errs model.ErrorList
	out := &model.Spec{
		Sources: spec.Sources, Opcodes: slices.Clone(spec.Opcodes),
		CloseCodes:      keep(gatewayCloseCodes, f.CloseCodes, spec.CloseCodes, f.Path, dropped, &errs),
		VoiceOpcodes:    keep(voiceOpcodes, f.VoiceOpcodes, spec.VoiceOpcodes, f.Path, dropped, &errs),
		VoiceCloseCodes: keep(voiceCloseCodes, f.VoiceCloseCodes, spec.VoiceCloseCodes, f.Path, dropped, &errs),
		Intents:         keep(intents, f.Intents, spec.Intents, f.Path, dropped, &errs),
	}

	opByName := map[string]bool{}
	opByCode := map[int]model.Opcode{}
	goNames := map[string]model.Source{} // "opcode Hello" → its row
	for _, op := range spec.Opcodes {
		opByName[op.Name] = true
		opByCode[op.Code] = op
		goNames["opcode "+op.GoName] = op.Sources[0]
	}
	for _, op := range f.Opcodes {
		if opByName[op.Name] || dropped[op.Name] {
			continue
		}
		src := model.Source{File: f.Path, Line: op.line}
		if other, ok := opByCode[op.Code]; ok {
			errs.Add(other.Sources[0], "opcode %d is %s here, but the lock file keeps %s, which the docs no longer list, at that code (%s); "+
				"drop it with --drop %s (and keep its Go name with --name %s=%s if you like)",
				op.Code, other.Name, op.Name, src, op.Name, other.Name, op.GoName)
			continue
		}
		if pos, ok := goNames["opcode "+op.GoName]; ok {
			errs.Add(pos, "this opcode has the Go name %s, which the lock file keeps for %s, which the docs no longer list (%s); drop it with --drop %s, or choose another name with --name",
				op.GoName, op.Name, src, op.Name)
			continue
		}
		out.Opcodes = append(out.Opcodes, model.Opcode{
			Code: op.Code, Name: op.Name, GoName: op.GoName, SentBy: op.SentBy,
			Deprecated: true, Kept: true, Sources: []model.Source{src},
		})
	}
	slices.SortStableFunc(out.Opcodes, func(a, b model.Opcode) int { return cmp.Compare(a.Code, b.Code) })

	evByName := map[string]bool{}
	for _, ev := range spec.Events {
		evByName[ev.Name] = true
		goNames["event "+ev.GoName] = ev.Sources[0]
	}
	// A kept event follows the event it followed in f that spec still
	// lists (the anchor), after any kept before it; "" is the start.
	after := map[string][]model.Event{}
	anchor := ""
	for _, ev := range f.Events {
		if evByName[ev.Name] {
			anchor = ev.Name
			continue
		}
		if dropped[ev.Name] {
			continue
		}
		src := model.Source{File: f.Path, Line: ev.line}
		if pos, ok := goNames["event "+ev.GoName]; ok {
			errs.Add(pos, "this event has the Go name %s, which the lock file keeps for %s, which the docs no longer list (%s); drop it with --drop %s, or choose another name with --name",
				ev.GoName, ev.Name, src, ev.Name)
			continue
		}
		after[anchor] = append(after[anchor], model.Event{
			Name: ev.Name, GoName: ev.GoName, Deprecated: true, Kept: true, Sources: []model.Source{src},
		})
	}
	out.Events = append(out.Events, after[""]...)
	for _, ev := range spec.Events {
		out.Events = append(out.Events, ev)
		out.Events = append(out.Events, after[ev.Name]...)
	}

	if len(errs) > 0 {
		errs.Sort()
		return nil, errs
	}
	for i := range out.Events {
		out.Events[i].Value = i + 1
	}
	return out, nil
}

// checkDrop makes sure every name in drop is an entry that f keeps, since
// a --drop that matches nothing is most likely a typo. An opcode and an
// event may share a wire name (STREAM_CREATE), so a name counts if either
// kind keeps it.
func (f *File) checkDrop(spec *model.Spec, drop []string) error {
	kept, listed := map[string]bool{}, map[string]bool{}
	opcodes, events := map[string]bool{}, map[string]bool{}
	for _, op := range spec.Opcodes {
		opcodes[op.Name], listed[op.Name] = true, true
	}
	for _, ev := range spec.Events {
		events[ev.Name], listed[ev.Name] = true, true
	}
	for _, op := range f.Opcodes {
		kept[op.Name] = kept[op.Name] || !opcodes[op.Name]
	}
	for _, ev := range f.Events {
		kept[ev.Name] = kept[ev.Name] || !events[ev.Name]
	}
	dropNames(gatewayCloseCodes, f.CloseCodes, spec.CloseCodes, kept, listed)
	dropNames(voiceOpcodes, f.VoiceOpcodes, spec.VoiceOpcodes, kept, listed)
	dropNames(voiceCloseCodes, f.VoiceCloseCodes, spec.VoiceCloseCodes, kept, listed)
	dropNames(intents, f.Intents, spec.Intents, kept, listed)
	for _, name := range drop {
		switch {
		case kept[name]:
		case listed[name]:
			return fmt.Errorf("--drop %s: the docs still list %s; --drop only removes entries they no longer list", name, name)
		default:
			return fmt.Errorf("--drop %s: %s keeps no entry named %s", name, f.Path, name)
		}
	}
	return nil
}
