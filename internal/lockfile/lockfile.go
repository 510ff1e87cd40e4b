// Package lockfile keeps a generated package's API stable across refreshes
// of the docs. A lock file, which "gatewaygen generate" maintains next to
// the generated package when asked to, records every entry of every table
// the package declares. When an entry disappears from the docs, Keep puts it
// back into the spec, deprecated, so that code using it still builds; it
// stays until the caller drops it on purpose (Keep's drop argument).
// The other tables (close codes, voice opcodes, intents...; see
// model.Tables) are kept as opcodes are (see tables.go); their entries can
// also be dropped as TABLE:CODE, such as close_codes:4004, which tells
// apart close codes that share a name. The fields of the payload
// structures are kept too, and dropped as STRUCTURE.key (see
// structures.go).
//
// What stays stable:
//
//   - A kept entry keeps its wire name, its Go name and, for an opcode, its
//     code and sender. Its description is not recorded (the lock file stays
//     small, and the docs no longer stand behind it), so its Description
//     method returns "".
//   - Event values never change. Each event keeps the value the lock file
//     records for it, whether the docs still list it or it is kept; an
//     event new to the docs takes the next value above the highest the
//     lock file ever gave out, which the file records, so that the value of
//     a dropped event is never given to another. Values then have gaps, and
//     the spec's events are in the order of their values. (Without a lock
//     file, model.Build numbers events densely in spec order.)
//   - Opcode codes are what Discord sends, so they never move. When the
//     docs give the code of an opcode they listed before another name (a
//     rename: GUILD_SUBSCRIPTIONS became LAZY_REQUEST), Keep records the
//     old name as an Alias of the opcode, so the old Go name stays as a
//     deprecated alias of the constant and parsing the old wire name still
//     works; the lock file keeps the alias, and every earlier name, until
//     it is dropped like an entry. A clash needs the caller to decide: when
//     the code belongs to an opcode the docs had already dropped and the
//     lock file keeps, a new name at that code is not a rename of one the
//     docs listed, but a new opcode reusing a code the package still
//     declares, and Keep fails; so it does when the docs give a kept
//     entry's, or an alias's, Go name to another entry. Each Error says
//     what to drop.
//
// An entry that comes back to the docs is simply listed again, and an alias
// that the docs list again as a name is no longer an alias. The file is
// JSON with one entry a line, written deterministically, so that its diff in
// a pull request reads as the list of API changes.
//
// Messages name no command-line flag: the caller knows its own, and adds
// them from an Error's Drop and KeepGoName, or a DropError's Name.
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

// Version is the version of the format this package writes. It reads
// that and version 1, which had no aliases and no highest_event_value (the
// highest value was then the highest recorded).
const Version = 2

// comment heads every lock file, for whoever opens one.
const comment = "Maintained by gatewaygen generate --keep-removed: every entry of every table the generated package declares. " +
	"Entries marked kept are no longer in the docs and stay, deprecated, until dropped with --drop NAME. Do not edit."

// A File is the contents of a lock file.
type File struct {
	// Path is where the file was read from, or is to be written; positions
	// of kept entries point into it.
	Path    string
	Opcodes []Opcode // sorted by code
	Events  []Event  // sorted by value
	// HighestEventValue is the highest event value the file ever gave
	// out, even to an event dropped since; new events take values above
	// it. It is at least the highest value in Events.
	HighestEventValue int
	// Fields are the fields of the payload structures, sorted by
	// structure, in each structure's order (see structures.go).
	Fields []Field
	// sections holds the other tables, one for each of model.Tables that
	// File does not keep itself, in its order, each sorted by code or bit;
	// see tables.go. A nil sections is that of no entries.
	sections []section
}

// section returns the file's section of table t, or nil for the opcodes and
// events.
func (f *File) section(t *model.Table) section {
	if f.sections == nil {
		for _, t := range model.Tables {
			if s := sectionOf(t); s != nil {
				f.sections = append(f.sections, s)
			}
		}
	}
	for _, s := range f.sections {
		if s.table() == t {
			return s
		}
	}
	return nil
}

// eachSection calls fn with every section of f, in the order of
// model.Tables.
func (f *File) eachSection(fn func(section)) {
	for _, t := range model.Tables {
		if s := f.section(t); s != nil {
			fn(s)
		}
	}
}

// An Opcode is one opcode the generated package declares.
type Opcode struct {
	Code   int          `json:"code"`
	Name   string       `json:"name"`
	GoName string       `json:"go_name"`
	SentBy model.Sender `json:"sent_by"`
	// Kept is set if the docs no longer list the opcode.
	Kept bool `json:"kept,omitempty"`
	// Aliases are earlier names of the opcode, in the order they were
	// recorded.
	Aliases []Alias `json:"aliases,omitempty"`
	line    int
}

// An Alias is an earlier name of an opcode, which the docs renamed.
type Alias struct {
	Name   string `json:"name"`
	GoName string `json:"go_name"`
}

// An Event is one event the generated package declares.
type Event struct {
	// Value is the event's value in the generated package, from 1.
	Value  int    `json:"value"`
	Name   string `json:"name"`
	GoName string `json:"go_name"`
	Kept   bool   `json:"kept,omitempty"`
	line   int
}

// Record returns the lock file for spec, the spec a package is generated
// from, after f.Keep: f is the lock file as it was (empty before the first
// run), from which the new one takes its path and the highest event value.
func (f *File) Record(spec *model.Spec) *File {
	r := &File{Path: f.Path, HighestEventValue: f.HighestEventValue}
	for _, op := range spec.Opcodes {
		e := Opcode{Code: op.Code, Name: op.Name, GoName: op.GoName, SentBy: op.SentBy, Kept: op.Kept}
		for _, a := range op.Aliases {
			e.Aliases = append(e.Aliases, Alias{Name: a.Name, GoName: a.GoName})
		}
		r.Opcodes = append(r.Opcodes, e)
	}
	for _, ev := range spec.Events {
		r.Events = append(r.Events, Event{Value: ev.Value, Name: ev.Name, GoName: ev.GoName, Kept: ev.Kept})
		r.HighestEventValue = max(r.HighestEventValue, ev.Value)
	}
	r.eachSection(func(s section) { s.record(spec) })
	r.Fields = recordFields(spec)

	slices.SortStableFunc(r.Events, func(a, b Event) int { return cmp.Compare(a.Value, b.Value) })
	return r
}

// Marshal returns the file's contents: JSON, one entry a line, in a fixed
// order, so that the same lock gives the same bytes.
func (f *File) Marshal() []byte {
	var b bytes.Buffer
	str := func(s string) string {
		data, _ := json.Marshal(s)
		return string(data)
	}
	fmt.Fprintf(&b, "{\n  \"comment\": %s,\n  \"version\": %d,\n  \"highest_event_value\": %d,\n", str(comment), Version, f.HighestEventValue)
	// The other tables' sections are written only when they have entries,
	// so that the lock of a spec without them is what it always was.
	var more []section
	f.eachSection(func(s section) {
		if s.len() > 0 {
			more = append(more, s)
		}
	})
	writeList(&b, "opcodes", f.Opcodes, ",")
	after := ""
	if len(more) > 0 || len(f.Fields) > 0 {
		after = ","
	}
	writeList(&b, "events", f.Events, after)
	for i, s := range more {
		after = ","
		if i == len(more)-1 && len(f.Fields) == 0 {
			after = ""
		}
		s.write(&b, after)
	}
	// Fields too are written only when there are some.
	if len(f.Fields) > 0 {
		writeList(&b, "fields", f.Fields, "")
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
		case "highest_event_value":
			err = p.dec.Decode(&f.HighestEventValue)
		case "opcodes":
			f.Opcodes, err = decodeList[Opcode](p, func(o *Opcode, line int) { o.line = line })
		case "events":
			f.Events, err = decodeList[Event](p, func(e *Event, line int) { e.line = line })
		case "fields":
			f.Fields, err = decodeList[Field](p, func(fl *Field, line int) { fl.line = line })
		default:
			s := f.section(model.TableByKey(key))
			if s == nil {
				err = fmt.Errorf("unknown field %q", key)
				break
			}
			err = s.decode(p)
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
	if version != 1 && version != Version {
		return nil, model.ErrorList{model.Errorf(model.Source{File: p.path, Line: 1}, "lock file version %d; this gatewaygen reads versions 1 to %d", version, Version)}
	}
	if err := f.check(); err != nil {
		return nil, err
	}
	slices.SortStableFunc(f.Opcodes, func(a, b Opcode) int { return cmp.Compare(a.Code, b.Code) })
	slices.SortStableFunc(f.Events, func(a, b Event) int { return cmp.Compare(a.Value, b.Value) })
	for _, ev := range f.Events {
		f.HighestEventValue = max(f.HighestEventValue, ev.Value)
	}
	f.eachSection(section.sort)
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
		for _, a := range op.Aliases {
			entry(op.line, "opcode", a.Name, a.GoName)
		}
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
	if f.HighestEventValue < 0 {
		errs.Add(at(1), "highest_event_value %d is negative", f.HighestEventValue)
	}
	f.eachSection(func(s section) { s.check(f.Path, once, &errs) })
	f.checkFields(once, &errs)
	return errs.Err()
}

// An Error is a conflict between the lock file and the docs that the caller
// must resolve, at the docs' row at fault. Msg says what is wrong; Drop and
// KeepGoName say what resolves it, for the caller to phrase in its own
// terms (a command's flags, say).
type Error struct {
	Pos model.Source
	Msg string
	// Drop is the wire name of the entry or alias the lock file keeps
	// whose dropping resolves the conflict.
	Drop string
	// KeepGoName, if set, is the Go name of the dropped entry, which the
	// docs' entry (Wire) could take if it is the same entry under a new
	// name.
	Wire, KeepGoName string
	// Rename is set when choosing another Go name for the docs' entry
	// resolves the conflict too.
	Rename bool
}

func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

// An ErrorList is every conflict Keep found, sorted by position.
type ErrorList []*Error

func (l ErrorList) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// A DropError is a name to drop that names no entry the lock file keeps,
// most likely a typo: the docs still list it, or the file never had it.
type DropError struct {
	Name   string
	Listed bool   // the docs list Name
	Path   string // of the lock file
}

func (e *DropError) Error() string {
	if e.Listed {
		return fmt.Sprintf("the docs still list %s; only entries they no longer list can be dropped", e.Name)
	}
	return fmt.Sprintf("%s keeps no entry named %s", e.Path, e.Name)
}

// Keep returns spec with what f keeps and spec no longer lists put back:
// removed entries, marked Kept and Deprecated, and earlier names of
// renamed opcodes, as Aliases; except those named in drop. Events take the
// values f records, and new ones values above f.HighestEventValue; the
// events are in the order of their values (see the package
// documentation). spec itself is not modified.
//
// It fails with an ErrorList, each at the row at fault, if spec gives a new
// opcode the code of one the docs had already dropped, or a kept entry's or
// alias's Go name to another entry, and with a *DropError if drop names an
// entry the docs still list or that f does not keep.
func (f *File) Keep(spec *model.Spec, drop []string) (*model.Spec, error) {
	dropped := map[string]bool{}
	for _, name := range drop {
		dropped[name] = true
	}
	if err := f.checkDrop(spec, drop); err != nil {
		return nil, err
	}
	var errs ErrorList
	out := &model.Spec{Sources: spec.Sources, Opcodes: slices.Clone(spec.Opcodes), Structures: slices.Clone(spec.Structures), Enums: spec.Enums}
	f.eachSection(func(s section) { s.keep(out, spec, f.Path, dropped, &errs) })
	f.keepFields(out, dropped, &errs)

	opByName := map[string]int{} // index in out.Opcodes
	opByCode := map[int]int{}
	goNames := map[string]model.Source{} // "opcode Hello" → its row
	for i, op := range out.Opcodes {
		opByName[op.Name] = i
		opByCode[op.Code] = i
		goNames["opcode "+op.GoName] = op.Sources[0]
	}
	// aliases returns the aliases of the opcode o (a listed one, or a kept
	// one, which is not yet in out.Opcodes) to be: its own, then as, less
	// those dropped, listed again by the docs, or with o's Go name.
	aliases := func(o *model.Opcode, as []Alias, src model.Source) []model.Alias {
		list := slices.Clip(o.Aliases)
		for _, a := range as {
			if _, listed := opByName[a.Name]; listed || dropped[a.Name] || a.GoName == o.GoName {
				continue
			}
			if pos, ok := goNames["opcode "+a.GoName]; ok {
				errs = append(errs, &Error{Pos: pos, Drop: a.Name, Rename: true,
					Msg: fmt.Sprintf("this opcode has the Go name %s, which the lock file keeps for %s, an earlier name of opcode %d (%s)", a.GoName, a.Name, o.Code, src)})
				continue
			}
			goNames["opcode "+a.GoName] = src
			list = append(list, model.Alias{Name: a.Name, GoName: a.GoName, Source: src})
		}
		return list
	}
	for _, op := range f.Opcodes {
		src := model.Source{File: f.Path, Line: op.line}
		if i, ok := opByName[op.Name]; ok {
			// Still listed, maybe at another code: the aliases follow the name.
			out.Opcodes[i].Aliases = aliases(&out.Opcodes[i], op.Aliases, src)
			continue
		}
		if dropped[op.Name] {
			continue // and its aliases with it
		}
		if i, ok := opByCode[op.Code]; ok {
			other := &out.Opcodes[i]
			if op.Kept {
				errs = append(errs, &Error{Pos: other.Sources[0], Drop: op.Name, Wire: other.Name, KeepGoName: op.GoName,
					Msg: fmt.Sprintf("opcode %d is %s here, but the lock file keeps %s at that code (%s), which the docs had already dropped: "+
						"a new opcode cannot take the code of one the package still declares", op.Code, other.Name, op.Name, src)})
				continue
			}
			// A rename: the old name stays as an alias.
			other.Aliases = aliases(other, append([]Alias{{Name: op.Name, GoName: op.GoName}}, op.Aliases...), src)
			continue
		}
		if pos, ok := goNames["opcode "+op.GoName]; ok {
			errs = append(errs, &Error{Pos: pos, Drop: op.Name, Rename: true,
				Msg: fmt.Sprintf("this opcode has the Go name %s, which the lock file keeps for %s, which the docs no longer list (%s)", op.GoName, op.Name, src)})
			continue
		}
		goNames["opcode "+op.GoName] = src
		kept := model.Opcode{
			Code: op.Code, Entry: model.Entry{Name: op.Name, GoName: op.GoName, Deprecated: true, Kept: true, Sources: []model.Source{src}}, SentBy: op.SentBy,
		}
		kept.Aliases = aliases(&kept, op.Aliases, src)
		out.Opcodes = append(out.Opcodes, kept)
	}
	slices.SortStableFunc(out.Opcodes, func(a, b model.Opcode) int { return cmp.Compare(a.Code, b.Code) })

	values := map[string]int{}
	for _, ev := range f.Events {
		values[ev.Name] = ev.Value
	}
	listed := map[string]bool{}
	next := f.HighestEventValue
	for _, ev := range spec.Events {
		listed[ev.Name] = true
		goNames["event "+ev.GoName] = ev.Sources[0]
		if v, ok := values[ev.Name]; ok {
			ev.Value = v
		} else {
			next++
			ev.Value = next
		}
		out.Events = append(out.Events, ev)
	}
	for _, ev := range f.Events {
		if listed[ev.Name] || dropped[ev.Name] {
			continue
		}
		src := model.Source{File: f.Path, Line: ev.line}
		if pos, ok := goNames["event "+ev.GoName]; ok {
			errs = append(errs, &Error{Pos: pos, Drop: ev.Name, Rename: true,
				Msg: fmt.Sprintf("this event has the Go name %s, which the lock file keeps for %s, which the docs no longer list (%s)", ev.GoName, ev.Name, src)})
			continue
		}
		out.Events = append(out.Events, model.Event{
			Entry: model.Entry{Name: ev.Name, GoName: ev.GoName, Deprecated: true, Kept: true, Sources: []model.Source{src}}, Value: ev.Value,
		})
	}
	slices.SortStableFunc(out.Events, func(a, b model.Event) int { return cmp.Compare(a.Value, b.Value) })

	if len(errs) > 0 {
		slices.SortStableFunc(errs, func(a, b *Error) int {
			return cmp.Or(strings.Compare(a.Pos.File, b.Pos.File), cmp.Compare(a.Pos.Line, b.Pos.Line))
		})
		return nil, errs
	}
	return out, nil
}

// checkDrop makes sure every name in drop is an entry or alias that f
// keeps, since a name to drop that matches nothing is most likely a typo.
// An opcode and an event may share a wire name (STREAM_CREATE), so a name
// counts if either kind keeps it.
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
		for _, a := range op.Aliases {
			kept[a.Name] = kept[a.Name] || !opcodes[a.Name]
		}
	}
	for _, ev := range f.Events {
		kept[ev.Name] = kept[ev.Name] || !events[ev.Name]
	}
	f.eachSection(func(s section) { s.dropNames(spec, kept, listed) })
	f.fieldDropNames(spec, kept, listed)
	for _, name := range drop {
		if !kept[name] {
			return &DropError{Name: name, Listed: listed[name], Path: f.Path}
		}
	}
	return nil
}
