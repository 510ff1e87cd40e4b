package generator

import (
	"fmt"
	"go/token"
	"slices"
	"strings"

	"github.com/gatewaygen/gatewaygen/model"
)

// This file checks a Config and works out each table's settings from it:
// the names a table's declarations derive from, its underlying integer
// type and its representation.

// tableKeys lists the keys of the tables, for messages.
func tableKeys() string {
	var keys []string
	for _, t := range model.Tables {
		keys = append(keys, t.Key)
	}
	return strings.Join(keys, ", ")
}

// The integer types a table of codes or flags may have beneath its type,
// with the range of values each holds everywhere (int is 32 bits on some
// platforms).
var underlyingTypes = map[string]struct {
	min, max int64
	bits     int // the flags it holds: 1<<bits-1 is its largest
}{
	"int":    {-1 << 31, 1<<31 - 1, 31},
	"int32":  {-1 << 31, 1<<31 - 1, 31},
	"int64":  {-1 << 63, 1<<63 - 1, 63},
	"uint32": {0, 1<<32 - 1, 32},
	"uint64": {0, 1<<63 - 1, 64}, // codes are ints: their max is int's
}

// settings are a table's settings with the defaults filled in.
type settings struct {
	*model.Table
	typ, prefix, list, underlying, representation string
}

// configKey returns the config key of one of the table's settings:
// "tables.intents.list".
func (s settings) configKey(field string) string {
	return "tables." + s.Key + "." + field
}

// stringEvents reports whether the table is events as strings.
func (s settings) stringEvents() bool {
	return s.representation == RepresentationString
}

func (c Config) withDefaults() Config {
	if c.Package == "" {
		c.Package = "gateway"
	}
	if c.SenderType == "" {
		c.SenderType = "Sender"
	}
	return c
}

// settingsOf returns the settings of table t: the registry's names
// (model.GoNames.Override derives the prefix and the list), the underlying
// type and the representation.
func (c Config) settingsOf(t *model.Table) settings {
	tc := c.Tables[t.Key]
	names := t.Names(model.GoNames{Type: tc.Type, Prefix: tc.Prefix, List: tc.List})
	s := settings{Table: t, typ: names.Type, prefix: names.Prefix, list: names.List, underlying: tc.Underlying, representation: tc.Representation}
	if s.underlying == "" {
		switch t.Shape {
		case model.Codes:
			s.underlying = "int"
		case model.Flags:
			s.underlying = "uint64"
		}
	}
	if s.representation == "" && t.Shape == model.Names {
		s.representation = RepresentationEnum
	}
	return s
}

// selected reports whether the table of key is to be generated, as far as
// the Config says.
func (c Config) selected(key string) bool {
	return c.Only == nil || slices.Contains(c.Only, key)
}

// Check reports whether the settings in c can be used: a package name that
// is a Go identifier (and not a keyword or the blank identifier); tables
// that exist; type names, prefixes and list names that are exported
// identifiers, with a type of its own for each table generated; underlying
// types and representations that the table can have. Its error is a
// *ConfigError. Generate checks the rest, which depends on the spec: that
// the underlying types hold the codes, and that no two declarations share a
// name.
func (c Config) Check() error {
	c = c.withDefaults()
	if !token.IsIdentifier(c.Package) || c.Package == "_" {
		return &ConfigError{Key: "package", Msg: fmt.Sprintf("%q: not a valid Go package name", c.Package)}
	}
	if err := checkExported("sender_type", c.SenderType); err != nil {
		return err
	}
	keys := make([]string, 0, len(c.Tables))
	for key := range c.Tables {
		keys = append(keys, key)
	}
	slices.Sort(keys)
	for _, key := range keys {
		if model.TableByKey(key) == nil {
			return &ConfigError{Key: "tables." + key, Msg: "is no table: the tables are " + tableKeys()}
		}
	}
	for i, key := range c.Only {
		if model.TableByKey(key) == nil && key != model.StructuresKey {
			return &ConfigError{Key: "only", Msg: fmt.Sprintf("%q: no such table; the tables are %s", key, tableKeys())}
		}
		if slices.Contains(c.Only[:i], key) {
			return &ConfigError{Key: "only", Msg: fmt.Sprintf("%q: listed twice", key)}
		}
	}
	types := map[string]string{c.SenderType: "the sender type"}
	for _, t := range model.Tables {
		s := c.settingsOf(t)
		for _, f := range []struct{ field, name string }{{"type", s.typ}, {"prefix", s.prefix}, {"list", s.list}} {
			if err := checkExported(s.configKey(f.field), f.name); err != nil {
				return err
			}
		}
		if _, ok := underlyingTypes[s.underlying]; !ok && s.underlying != "" || t.Shape == model.Names && s.underlying != "" {
			if t.Shape == model.Names {
				return &ConfigError{Key: s.configKey("underlying"), Msg: fmt.Sprintf("%q: the %s are not integer codes or flags; set their representation instead", s.underlying, t.Plural)}
			}
			return &ConfigError{Key: s.configKey("underlying"), Msg: fmt.Sprintf("%q: want int, int32, int64, uint32 or uint64", s.underlying)}
		}
		if s.representation != "" && t.Shape != model.Names {
			return &ConfigError{Key: s.configKey("representation"), Msg: fmt.Sprintf("%q: only events have a representation", s.representation)}
		}
		if t.Shape == model.Names && s.representation != RepresentationEnum && s.representation != RepresentationString {
			return &ConfigError{Key: s.configKey("representation"), Msg: fmt.Sprintf("%q: want enum or string", s.representation)}
		}
		if !c.selected(t.Key) {
			continue
		}
		if other, ok := types[s.typ]; ok {
			return &ConfigError{Key: s.configKey("type"), Msg: fmt.Sprintf("%q: also the name of %s", s.typ, other)}
		}
		types[s.typ] = "the type of the " + t.Plural
	}
	return nil
}

// checkExported checks that name, the setting of key, is an exported
// identifier.
func checkExported(key, name string) error {
	if !token.IsIdentifier(name) || !token.IsExported(name) {
		return &ConfigError{Key: key, Msg: fmt.Sprintf("%q: not an exported Go identifier", name)}
	}
	return nil
}
