// Package config reads gatewaygen's configuration file, the YAML form of
// the flags of "gatewaygen generate" and "check" and of the settings of each
// table, such as:
//
//	specs: [../docs/opcodes-and-status-codes.mdx, ../docs/gateway.mdx]
//	out: .
//	package: gateway
//	initialisms: [DM, SKU]
//	merge: first-wins            # or strict (the default)
//	keep_removed: gatewaygen.lock.json
//	tables:                      # when present, only the tables listed are generated
//	  opcodes:    {type: Opcode}
//	  events:     {type: EventType, prefix: EventType, representation: string}
//	  intents:    {type: Intents, prefix: Intent, underlying: int64, list: AllIntents}
//	names:                       # per table, by wire name or code
//	  opcodes: {HEARTBEAT_ACK: HeartbeatAck}
//	  close_codes: {4003: NotAuthenticated}
//	reconnect:                   # per close code table, by code
//	  close_codes: {4008: false}
//
// The decoding is strict: an unknown key, a key given twice, a value of the
// wrong type or a table that does not exist is an error at the file, line
// and column of the fault, and every fault in the file is reported at once.
// Paths are resolved against the folder of the file, so that a config file
// means the same from wherever it is read.
//
// Parse checks the file's shape and its own vocabulary (the keys, the
// tables, the merge policies); whether a type name is a Go identifier or an
// underlying type holds the intents' bits is for the generator and the
// model to say. Their errors name a key ("tables.intents.list"), and Pos
// finds where the file set it.
package config

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/gatewaygen/gatewaygen/model"
)

// A File is a decoded configuration file. A field the file leaves out is
// zero.
type File struct {
	Path string // the file, as given to Parse

	Specs       []string // resolved against the file's folder
	Out         string   // resolved against the file's folder
	Package     string
	SenderType  string
	Initialisms []string
	Merge       string // a model.MergePolicy: "strict" or "first-wins"
	KeepRemoved string // resolved against the file's folder

	// Tables holds the settings of each table, by the table's key
	// ("opcodes", "events", ...). It is nil when the file has no tables
	// key, which means every table the specs have; otherwise only the
	// tables it lists are generated.
	Tables map[string]Table

	// Names are the Go names the file chooses, in its order, each with
	// the position of its key as its Origin.
	Names     []model.Rename
	Reconnect []Reconnect // in the order of the file

	// Types gives fields of the payload structures a Go type, by
	// "Struct.Field" (their Go names), from the file's
	// "types: {Struct: {Field: type}}"; see generator.Config.Types.
	Types map[string]string

	keys map[string]model.Source // where each key the file sets is
}

// A Table is the Go shape of one table. An empty field takes the
// generator's default.
type Table struct {
	Type           string // the Go type, such as "Opcode"
	Prefix         string // the constants' prefix
	Representation string // of events: "enum" or "string"
	Underlying     string // the integer type of codes and flags, such as "int64"
	List           string // the function that lists the entries
}

// A Reconnect says whether a client may reconnect after one close code.
type Reconnect struct {
	Table     string // the IR key of a table of close codes: "close_codes"
	Code      int
	Reconnect bool
	Pos       model.Source // of the code in the file
}

// tablesWith returns the keys of the tables of the model's registry whose
// entries carry attrs, in the registry's order.
func tablesWith(attrs model.Attr) []string {
	var keys []string
	for _, t := range model.Tables {
		if t.Has(attrs) {
			keys = append(keys, t.Key)
		}
	}
	return keys
}

// The keys of the file and of a table's settings, in the order of the
// docs; the tables of the model, and those whose entries say whether to
// reconnect.
var (
	topKeys         = []string{"specs", "out", "package", "sender_type", "initialisms", "merge", "keep_removed", "tables", "names", "reconnect", "types"}
	settingKeys     = []string{"type", "prefix", "representation", "underlying", "list"}
	tableKeys       = tablesWith(0)
	reconnectTables = tablesWith(model.AttrReconnect)
)

// Parse decodes the configuration file at path, whose contents are src.
// Its error is a model.ErrorList of every fault in the file, each at its
// position.
func Parse(path string, src []byte) (*File, error) {
	d := &decoder{file: path, keys: make(map[string]model.Source)}
	f := &File{Path: path, keys: d.keys}
	root, err := d.document(src)
	if err != nil {
		return nil, err
	}
	if root != nil {
		d.decodeFile(f, root)
	}
	if len(d.errs) > 0 {
		d.errs.Sort()
		return nil, d.errs
	}
	dir := filepath.Dir(path)
	resolve := func(p string) string {
		if p == "" || filepath.IsAbs(p) {
			return p
		}
		return filepath.Join(dir, p)
	}
	for i, s := range f.Specs {
		f.Specs[i] = resolve(s)
	}
	f.Out, f.KeepRemoved = resolve(f.Out), resolve(f.KeepRemoved)
	return f, nil
}

// Has reports whether the file sets key, a dotted path such as "package"
// or "tables.intents.list".
func (f *File) Has(key string) bool {
	_, ok := f.keys[key]
	return ok
}

// Pos returns the position of key, a dotted path such as
// "tables.intents.list", in the file; for a key the file does not set,
// that of the nearest enclosing key it sets ("tables.intents"), else the
// file alone.
func (f *File) Pos(key string) model.Source {
	for {
		if pos, ok := f.keys[key]; ok {
			return pos
		}
		i := strings.LastIndexByte(key, '.')
		if i < 0 {
			return model.Source{File: f.Path}
		}
		key = key[:i]
	}
}

// A decoder walks the YAML nodes of a file, collecting every fault.
type decoder struct {
	file string
	errs model.ErrorList
	keys map[string]model.Source
}

// yamlLine matches the position yaml.v3 puts in front of a syntax error.
var yamlLine = regexp.MustCompile(`^yaml: (?:line (\d+): )?`)

// document parses src and returns its one document's root node, or nil
// for a file with no document (empty, comments only, or a bare "---").
func (d *decoder) document(src []byte) (*yaml.Node, error) {
	dec := yaml.NewDecoder(strings.NewReader(string(src)))
	var doc yaml.Node
	switch err := dec.Decode(&doc); {
	case errors.Is(err, io.EOF):
		return nil, nil
	case err != nil:
		return nil, d.syntaxError(err)
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case errors.Is(err, io.EOF):
	case err != nil:
		return nil, d.syntaxError(err)
	default:
		return nil, model.ErrorList{d.at(&next, "a second YAML document; a config file holds one")}
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	if root := doc.Content[0]; !(root.Kind == yaml.ScalarNode && root.ShortTag() == "!!null" && root.Value == "") {
		return root, nil
	}
	// "---" and nothing after it: a document marker with no document, which
	// is the empty file it looks like, not a null at a line past its end.
	return nil, nil
}

// syntaxError turns yaml.v3's "yaml: line 3: problem" into an error at
// the file's line 3.
func (d *decoder) syntaxError(err error) error {
	msg := err.Error()
	line := 0
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = msg[len(m[0]):]
	}
	return model.ErrorList{model.Errorf(model.Source{File: d.file, Line: line}, "invalid YAML: %s", msg)}
}

func (d *decoder) pos(n *yaml.Node) model.Source {
	return model.Source{File: d.file, Line: n.Line, Column: n.Column}
}

func (d *decoder) at(n *yaml.Node, format string, args ...any) *model.Error {
	return model.Errorf(d.pos(n), format, args...)
}

func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	d.errs = append(d.errs, d.at(n, format, args...))
}

func (d *decoder) decodeFile(f *File, root *yaml.Node) {
	d.mapping(root, "", topKeys, func(key string, k, v *yaml.Node) {
		switch key {
		case "specs":
			f.Specs = d.strs(v, key, "file names, such as [docs/gateway.md]")
		case "out":
			f.Out = d.str(v, key)
		case "package":
			f.Package = d.str(v, key)
		case "sender_type":
			f.SenderType = d.str(v, key)
		case "initialisms":
			f.Initialisms = d.strs(v, key, "initialisms, such as [DM, SKU]")
		case "merge":
			f.Merge = d.str(v, key)
			if _, err := model.ParseMergePolicy(f.Merge); f.Merge != "" && err != nil {
				d.errorf(v, "%s: %v", key, err)
			}
		case "keep_removed":
			f.KeepRemoved = d.str(v, key)
		case "tables":
			f.Tables = d.tables(k, v)
		case "names":
			f.Names = d.names(v)
		case "reconnect":
			f.Reconnect = d.reconnect(v)
		case "types":
			f.Types = d.types(v)
		}
	})
}

// types decodes the value of the types key: a Go type by structure and
// field, as they are named in Go.
func (d *decoder) types(v *yaml.Node) map[string]string {
	types := make(map[string]string)
	d.mapping(v, "types", nil, func(structure string, _, v *yaml.Node) {
		path := "types." + structure
		d.mapping(v, path, nil, func(field string, _, v *yaml.Node) {
			if typ := d.str(v, path+"."+field); typ != "" {
				types[structure+"."+field] = typ
			}
		})
	})
	return types
}

// tables decodes the tables key k, whose value is v.
func (d *decoder) tables(k, v *yaml.Node) map[string]Table {
	tables := make(map[string]Table)
	d.mapping(v, "tables", append(slices.Clip(tableKeys), model.StructuresKey), func(table string, _, v *yaml.Node) {
		var t Table
		if val := deref(v); val.Kind == yaml.ScalarNode && val.ShortTag() == "!!null" {
			tables[table] = t // "opcodes:" alone: the defaults
			return
		}
		path := "tables." + table
		if table == model.StructuresKey {
			// The payload structs take their names from the docs and
			// the types key; there is nothing to set here.
			if !d.isMapping(v) || len(deref(v).Content) > 0 {
				d.errorf(v, "%s: the payload structures have no settings; write %q alone to generate them", path, model.StructuresKey+":")
			}
			tables[table] = t
			return
		}
		d.mapping(v, path, settingKeys, func(key string, _, v *yaml.Node) {
			s := d.str(v, path+"."+key)
			switch key {
			case "type":
				t.Type = s
			case "prefix":
				t.Prefix = s
			case "representation":
				t.Representation = s
			case "underlying":
				t.Underlying = s
			case "list":
				t.List = s
			}
		})
		tables[table] = t
	})
	if d.isMapping(v) && len(deref(v).Content) == 0 {
		d.errorf(k, "tables lists no table; list those to generate, or leave tables out to generate every table the specs have")
	}
	return tables
}

// names decodes the value of the names key.
func (d *decoder) names(v *yaml.Node) []model.Rename {
	var names []model.Rename
	d.mapping(v, "names", tableKeys, func(table string, _, v *yaml.Node) {
		path := "names." + table
		d.mapping(v, path, nil, func(key string, k, v *yaml.Node) {
			if goName := d.str(v, path+"."+key); goName != "" {
				names = append(names, model.Rename{Table: table, Key: key, GoName: goName, Origin: d.pos(k)})
			}
		})
	})
	return names
}

// reconnect decodes the value of the reconnect key.
func (d *decoder) reconnect(v *yaml.Node) []Reconnect {
	var list []Reconnect
	d.mapping(v, "reconnect", reconnectTables, func(table string, _, v *yaml.Node) {
		path := "reconnect." + table
		d.mapping(v, path, nil, func(key string, k, v *yaml.Node) {
			code, err := strconv.Atoi(key)
			if err != nil {
				d.errorf(k, "%s: %q is not a close code; want an integer such as 4014", path, key)
				return
			}
			var ok bool
			if val := deref(v); val.Kind != yaml.ScalarNode || val.ShortTag() != "!!bool" || val.Decode(&ok) != nil {
				d.errorf(v, "%s.%s: want true or false, got %s", path, key, what(v))
				return
			}
			list = append(list, Reconnect{Table: table, Code: code, Reconnect: ok, Pos: d.pos(k)})
		})
	})
	return list
}

// keyOf returns the key k holds: an integer in decimal (0xFAB is 4011, so
// that two spellings of one code are one key), anything else as written.
func keyOf(k *yaml.Node) string {
	var n int
	if k.ShortTag() == "!!int" && k.Decode(&n) == nil {
		return strconv.Itoa(n)
	}
	return k.Value
}

// mapping calls fn with each key of n, a mapping, and its value, in the
// order of the file, after recording where the key is. It refuses a key
// given twice and, unless known is nil, a key not in known. path is the
// dotted path of n. Keys that are integers are given in decimal.
func (d *decoder) mapping(n *yaml.Node, path string, known []string, fn func(key string, k, v *yaml.Node)) {
	if !d.isMapping(n) {
		d.errorf(n, "%s: want a mapping of keys to values, got %s", orTop(path), what(n))
		return
	}
	m := deref(n)
	first := make(map[string]*yaml.Node)
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := deref(m.Content[i]), m.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.errorf(k, "%s: want a key, got %s", orTop(path), what(k))
			continue
		}
		key := keyOf(k)
		if prev, ok := first[key]; ok {
			d.errorf(k, "%s%q given twice; first at line %d", in(path), key, prev.Line)
			continue
		}
		first[key] = k
		if known != nil && !slices.Contains(known, key) {
			d.errorf(k, "%sunknown key %q; want one of %s", in(path), key, strings.Join(known, ", "))
			continue
		}
		full := key
		if path != "" {
			full = path + "." + key
		}
		d.keys[full] = d.pos(k)
		fn(key, k, v)
	}
}

func (d *decoder) isMapping(n *yaml.Node) bool { return deref(n).Kind == yaml.MappingNode }

// str returns the string that n holds, or "" after an error naming key.
func (d *decoder) str(n *yaml.Node, key string) string {
	v := deref(n)
	if v.Kind != yaml.ScalarNode || v.ShortTag() != "!!str" {
		d.errorf(n, "%s: want a string, got %s", key, what(n))
		return ""
	}
	if v.Value == "" {
		d.errorf(n, "%s: an empty string; leave the key out for the default", key)
	}
	return v.Value
}

// strs returns the strings of the list n; of says what the list holds, for
// the error about a value that is no list.
func (d *decoder) strs(n *yaml.Node, key, of string) []string {
	v := deref(n)
	if v.Kind != yaml.SequenceNode {
		d.errorf(n, "%s: want a list of %s, got %s", key, of, what(n))
		return nil
	}
	if len(v.Content) == 0 {
		d.errorf(n, "%s: an empty list; leave the key out for the default", key)
	}
	var list []string
	for i, item := range v.Content {
		if s := d.str(item, fmt.Sprintf("%s[%d]", key, i)); s != "" {
			list = append(list, s)
		}
	}
	return list
}

// deref returns the node an alias stands for. An alias cannot stand for
// another alias, so one step is enough. Errors are reported at the alias,
// where the value is used, and describe what it stands for.
func deref(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		return n.Alias
	}
	return n
}

// what describes the kind of value n holds, for errors.
func what(n *yaml.Node) string {
	n = deref(n)
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!str":
			return fmt.Sprintf("the string %q", n.Value)
		case "!!null":
			return "nothing"
		case "!!bool":
			return "the boolean " + n.Value
		case "!!int":
			return "the integer " + n.Value
		case "!!float":
			return "the number " + n.Value
		}
		return fmt.Sprintf("%s %q", n.ShortTag(), n.Value)
	}
	return "nothing"
}

// in names the mapping at path at the start of an error: "" at the top,
// else "tables.opcodes: ".
func in(path string) string {
	if path == "" {
		return ""
	}
	return path + ": "
}

func orTop(path string) string {
	if path == "" {
		return "the config file"
	}
	return path
}
