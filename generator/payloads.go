package generator

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/gatewaygen/gatewaygen/model"
)

// This file emits the payload structures: a struct per structure of the
// spec, and the types their fields share, Snowflake and Optional.
//
// A field's Go type follows its resolved type and the docs' two question
// marks: a field that may be absent ("name?") or null ("?type") is an
// Optional[T], which remembers whether the key was there and whether it
// was null, so that a payload encodes back as it came (with the omitzero
// option, encoding/json leaves an absent Optional out); any other field
// is a T. A nullable field is an Optional rather than a pointer because
// the docs' own examples leave such keys out (the example message's
// author has no global_name), and a pointer would write them back as
// null.
//
// A structure's field of a structure type holds it by value, unless the
// two reach each other by value (a Message's referenced message is a
// Message): such fields hold a pointer, so that the types have a size.

// payloadTypes describes the payload structures of the package.
type payloadTypes struct {
	structs []*structType // by Name, as the spec sorts them
	byName  map[string]*structType
	// tables gives the Go type of each protocol table a field may name by
	// its IR key ("intents": "Intent").
	tables map[string]string
	// enums are the spec's other enum tables, by name: a field of one is
	// of its type, enumTypes, where the IR has its values, and else of its
	// JSON type, its doc comment naming the enum.
	enums     map[string]*model.Enum
	enumTypes []*enumType
	enumTyped map[string]*enumType
	// The shared declarations.
	snowflake, timestamp, optional, some, null string
}

// A structType is one struct of the package.
type structType struct {
	s    *model.Structure
	base *structType
	// payloadOf lists the opcodes' and events' wire names whose payload
	// it is, for its doc comment.
	payloadOf []string
	fields    []structField
}

// A structField is one field of a structType.
type structField struct {
	f   *model.Field
	typ jen.Code
	// typed is set when Config.Types gives the field its type.
	typed bool
	// optional is set when the type is an Optional, which omitzero leaves
	// out when absent.
	optional bool
}

// newPayloadTypes describes the structures of spec, with the types
// Config.Types gives their fields, or returns nil if it has none. Its
// error is a *ConfigError for an entry of types that names no field or no
// Go type.
func newPayloadTypes(spec *model.Spec, p *pkg, types map[string]string) (*payloadTypes, error) {
	if len(spec.Structures) == 0 {
		for _, key := range slices.Sorted(maps.Keys(types)) {
			return nil, &ConfigError{Key: "types." + key, Msg: "names no field of a payload structure: the specs describe none"}
		}
		return nil, nil
	}
	t := &payloadTypes{
		byName:    map[string]*structType{},
		tables:    map[string]string{},
		enums:     map[string]*model.Enum{},
		snowflake: "Snowflake", timestamp: "Timestamp", optional: "Optional", some: "Some", null: "Null",
	}
	for _, table := range p.tables {
		t.tables[table.settings().Key] = table.settings().typ
	}
	for i := range spec.Enums {
		t.enums[spec.Enums[i].Name] = &spec.Enums[i]
	}
	taken := p.tableNames()
	for _, id := range append(t.decls(), envelopeDecls()...) {
		taken[id] = true
	}
	for i := range spec.Structures {
		taken[spec.Structures[i].GoName] = true
	}
	t.enumTypes = newEnumTypes(spec, taken)
	t.enumTyped = map[string]*enumType{}
	for _, et := range t.enumTypes {
		t.enumTyped[et.e.Name] = et
	}
	for i := range spec.Structures {
		s := &structType{s: &spec.Structures[i]}
		t.structs = append(t.structs, s)
		t.byName[s.s.Name] = s
	}
	for _, s := range t.structs {
		s.base = t.byName[s.s.Base]
	}
	for _, op := range spec.Opcodes {
		if s := t.byName[op.Payload]; s != nil {
			s.payloadOf = append(s.payloadOf, op.Name)
		}
	}
	for _, ev := range spec.Events {
		if s := t.byName[ev.Payload]; s != nil {
			s.payloadOf = append(s.payloadOf, ev.Name)
		}
	}
	byValue := t.byValueEdges()
	used := map[string]bool{}
	for _, s := range t.structs {
		for i := range s.s.Fields {
			f := &s.s.Fields[i]
			// A field of a structure that reaches back to s by value is a
			// pointer.
			r := f.Resolved
			pointer := r != nil && r.Kind == model.TypeStructure && reaches(byValue, r.Structure, s.s.Name)
			typ := t.goType(r)
			key := s.s.GoName + "." + f.GoName
			expr, typed := types[key]
			if typed {
				used[key] = true
				if err := checkTypeExpr(expr); err != nil {
					return nil, &ConfigError{Key: "types." + key, Msg: fmt.Sprintf("%q: %v", expr, err)}
				}
				typ, pointer = jen.Id(expr), false
			}
			if pointer {
				typ = jen.Op("*").Add(typ)
			}
			// A user's type may be an Optional itself, for a key the docs
			// call required that payloads leave out.
			optional := typed && strings.HasPrefix(expr, t.optional+"[")
			if (f.Optional || f.Nullable) && !optional {
				typ, optional = jen.Id(t.optional).Types(typ), true
			}
			s.fields = append(s.fields, structField{f: f, typ: typ, typed: typed, optional: optional})
		}
	}
	for _, key := range slices.Sorted(maps.Keys(types)) {
		if !used[key] {
			return nil, &ConfigError{Key: "types." + key, Msg: "names no field of a payload structure: want Struct.Field, as they are named in Go"}
		}
	}
	return t, nil
}

// checkTypeExpr checks a type of Config.Types: a Go type expression that
// names no package, since the generated package imports only what it
// needs itself.
func checkTypeExpr(expr string) error {
	e, err := parser.ParseExpr(expr)
	if err != nil {
		return errors.New("not a Go type")
	}
	if _, ok := e.(*ast.BasicLit); ok {
		return errors.New("not a Go type")
	}
	var bad error
	ast.Inspect(e, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.SelectorExpr:
			bad = errors.New("a type of another package; use a builtin type or one the package declares")
		case *ast.CallExpr, *ast.BinaryExpr, *ast.UnaryExpr, *ast.CompositeLit, *ast.FuncLit, *ast.IndexListExpr:
			bad = errors.New("not a Go type")
		}
		return bad == nil
	})
	return bad
}

// checkFields makes sure that each field's Go name is an identifier and is
// not that of the embedded base, which would hide it.
func (s *structType) checkFields() model.ErrorList {
	var errs model.ErrorList
	for _, f := range s.s.Fields {
		switch {
		case !token.IsIdentifier(f.GoName) || !token.IsExported(f.GoName):
			errs.Add(f.Sources[0], "field %s of %s becomes %q, which is not an exported Go identifier; give it another name with a name override", f.Name, s.s.Name, f.GoName)
		case s.base != nil && f.GoName == s.base.s.GoName:
			errs.Add(f.Sources[0], "field %s of %s becomes %s, the name of the %s it extends; give it another name with a name override", f.Name, s.s.Name, f.GoName, s.base.s.Name)
		}
	}
	return errs
}

// byValueEdges returns, for each structure, the structures it holds by
// value: its base, and those of its fields that are not in a slice or a
// map (an Optional holds its value by value).
func (t *payloadTypes) byValueEdges() map[string][]string {
	edges := map[string][]string{}
	for _, s := range t.structs {
		if s.s.Base != "" {
			edges[s.s.Name] = append(edges[s.s.Name], s.s.Base)
		}
		for _, f := range s.s.Fields {
			if r := f.Resolved; r != nil && r.Kind == model.TypeStructure {
				edges[s.s.Name] = append(edges[s.s.Name], r.Structure)
			}
		}
	}
	return edges
}

// reaches reports whether structure to can be reached from from by value.
func reaches(edges map[string][]string, from, to string) bool {
	seen := map[string]bool{}
	var walk func(string) bool
	walk = func(n string) bool {
		if n == to {
			return true
		}
		if seen[n] {
			return false
		}
		seen[n] = true
		return slices.ContainsFunc(edges[n], walk)
	}
	return walk(from)
}

// goType returns the Go type of a resolved type.
func (t *payloadTypes) goType(r *model.TypeRef) jen.Code {
	if r == nil {
		return jen.Qual("encoding/json", "RawMessage")
	}
	switch r.Kind {
	case model.TypeArray:
		return jen.Index().Add(t.goType(r.Elem))
	case model.TypeMap:
		// encoding/json reads keys into strings, integers and text
		// unmarshalers; any other key stays a string.
		var key jen.Code = jen.String()
		if k := r.Key; k != nil && (k.Kind == model.TypePrimitive || k.Kind == model.TypeEnum) &&
			(k.Primitive == model.PrimitiveSnowflake || k.Primitive == model.PrimitiveInteger) {
			key = t.goType(k)
		}
		return jen.Map(key).Add(t.goType(r.Elem))
	case model.TypeStructure:
		if s := t.byName[r.Structure]; s != nil {
			return jen.Id(s.s.GoName)
		}
	case model.TypeEnum:
		if typ, ok := t.tables[r.Table]; ok && r.Table != "" {
			return jen.Id(typ)
		}
		if et := t.enumTyped[r.Enum]; et != nil && r.Table == "" {
			return jen.Id(et.e.GoName)
		}
		return t.primitive(r.Primitive)
	case model.TypePrimitive:
		return t.primitive(r.Primitive)
	}
	return jen.Qual("encoding/json", "RawMessage")
}

// primitive returns the Go type of a primitive of the IR.
func (t *payloadTypes) primitive(p string) jen.Code {
	switch p {
	case model.PrimitiveString:
		return jen.String()
	case model.PrimitiveInteger:
		return jen.Int64()
	case model.PrimitiveFloat:
		return jen.Float64()
	case model.PrimitiveBoolean:
		return jen.Bool()
	case model.PrimitiveSnowflake:
		return jen.Id(t.snowflake)
	case model.PrimitiveTimestamp:
		return jen.Id(t.timestamp)
	}
	return jen.Qual("encoding/json", "RawMessage")
}

// decls lists what the payload types declare.
func (t *payloadTypes) decls() []string {
	ids := []string{t.snowflake, t.timestamp, "timestampLayout", "timestampLayoutSeconds", t.optional, t.some, t.null, "snowflakeEpoch", "optionalState", "optionalAbsent", "optionalNull", "optionalValue"}
	return ids
}

// emit declares the shared types and every struct.
func (t *payloadTypes) emit(f *jen.File, p *pkg) {
	t.emitSnowflake(f, p)
	t.emitTimestamp(f)
	t.emitOptional(f, p)
	for _, s := range t.structs {
		t.emitStruct(f, s)
	}
	for _, et := range t.enumTypes {
		et.emit(f)
	}
}

func (t *payloadTypes) emitSnowflake(f *jen.File, p *pkg) {
	sf := t.snowflake
	recv := func() *jen.Statement { return jen.Id("s").Id(sf) }
	f.Add(doc(
		"A "+sf+" is a Discord ID: an unsigned 64-bit integer, which JSON carries as a decimal string "+
			`("80351110224678912") so that JavaScript's numbers, which are doubles, do not round it. `+
			"It encodes as a string, and decodes from a string or a number.",
		"",
		"Its top 42 bits are the time it was made, in milliseconds since the start of 2015 (see Time).",
	))
	f.Type().Id(sf).Uint64()
	f.Add(doc("snowflakeEpoch is the Unix time in milliseconds that snowflakes count from: the first moment of 2015."))
	f.Const().Id("snowflakeEpoch").Op("=").Lit(1420070400000)
	f.Add(doc("String returns s in decimal."))
	f.Func().Params(recv()).Id("String").Params().String().Block(
		jen.Return(jen.Qual("strconv", "FormatUint").Call(jen.Uint64().Call(jen.Id("s")), jen.Lit(10))),
	)
	f.Add(doc("Time returns the time s was made, to the millisecond."))
	f.Func().Params(recv()).Id("Time").Params().Qual("time", "Time").Block(
		jen.Return(jen.Qual("time", "UnixMilli").Call(jen.Int64().Call(jen.Id("s").Op(">>").Lit(22)).Op("+").Id("snowflakeEpoch"))),
	)
	f.Add(doc("MarshalJSON implements json.Marshaler: s is a JSON string of its decimal digits."))
	f.Func().Params(recv()).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Id("b").Op(":=").Make(jen.Index().Byte(), jen.Lit(0), jen.Lit(22)),
		jen.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune('"')),
		jen.Id("b").Op("=").Qual("strconv", "AppendUint").Call(jen.Id("b"), jen.Uint64().Call(jen.Id("s")), jen.Lit(10)),
		jen.Return(jen.Append(jen.Id("b"), jen.LitRune('"')), jen.Nil()),
	)
	f.Add(doc(
		"UnmarshalJSON implements json.Unmarshaler: it accepts a string of decimal digits, or a number, " +
			"as Discord sends both. Null leaves s as it is, as for the types encoding/json knows.",
	))
	f.Func().Params(jen.Id("s").Op("*").Id(sf)).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
		jen.If(jen.String().Call(jen.Id("data")).Op("==").Lit("null")).Block(jen.Return(jen.Nil())),
		jen.Id("digits").Op(":=").Id("data"),
		jen.If(jen.Len(jen.Id("digits")).Op(">=").Lit(2).Op("&&").Id("digits").Index(jen.Lit(0)).Op("==").LitRune('"').Op("&&").Id("digits").Index(jen.Len(jen.Id("digits")).Op("-").Lit(1)).Op("==").LitRune('"')).Block(
			jen.Id("digits").Op("=").Id("digits").Index(jen.Lit(1), jen.Len(jen.Id("digits")).Op("-").Lit(1)),
		),
		jen.List(jen.Id("v"), jen.Err()).Op(":=").Qual("strconv", "ParseUint").Call(jen.String().Call(jen.Id("digits")), jen.Lit(10), jen.Lit(64)),
		jen.If(jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Qual("fmt", "Errorf").Call(jen.Lit(p.name+": a snowflake is a string of decimal digits, not %s"), jen.Id("data"))),
		),
		jen.Op("*").Id("s").Op("=").Id(sf).Call(jen.Id("v")),
		jen.Return(jen.Nil()),
	)
	f.Add(doc("MarshalText implements encoding.TextMarshaler, for snowflakes that are the keys of a map."))
	f.Func().Params(recv()).Id("MarshalText").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Return(jen.Qual("strconv", "AppendUint").Call(jen.Nil(), jen.Uint64().Call(jen.Id("s")), jen.Lit(10)), jen.Nil()),
	)
	f.Add(doc("UnmarshalText implements encoding.TextUnmarshaler, for snowflakes that are the keys of a map."))
	f.Func().Params(jen.Id("s").Op("*").Id(sf)).Id("UnmarshalText").Params(jen.Id("text").Index().Byte()).Error().Block(
		jen.List(jen.Id("v"), jen.Err()).Op(":=").Qual("strconv", "ParseUint").Call(jen.String().Call(jen.Id("text")), jen.Lit(10), jen.Lit(64)),
		jen.If(jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Qual("fmt", "Errorf").Call(jen.Lit(p.name+": a snowflake is a string of decimal digits, not %q"), jen.Id("text"))),
		),
		jen.Op("*").Id("s").Op("=").Id(sf).Call(jen.Id("v")),
		jen.Return(jen.Nil()),
	)
}

// emitTimestamp declares the type of ISO8601 timestamps. time.Time would
// do but for encoding: it writes "2017-07-11T17:27:07.299Z" where Discord
// wrote "2017-07-11T17:27:07.299000+00:00" (Python's isoformat), and a
// payload must encode back as it came.
func (t *payloadTypes) emitTimestamp(f *jen.File) {
	ts := t.timestamp
	f.Add(doc(
		"A " + ts + ` is an ISO8601 time, as Discord writes it: "2017-07-11T17:27:07.299000+00:00", ` +
			"with microseconds (left out when they are zero) and the offset written as hours and minutes. " +
			"It is a time.Time, whose methods it has; it encodes in Discord's form, where time.Time " +
			`would write "2017-07-11T17:27:07.299Z", so that a payload encodes back as it came.`,
	))
	f.Type().Id(ts).Struct(jen.Qual("time", "Time"))
	f.Add(doc("timestampLayout is Discord's form of a time, with microseconds and without."))
	f.Const().Defs(
		jen.Id("timestampLayout").Op("=").Lit("2006-01-02T15:04:05.000000-07:00"),
		jen.Id("timestampLayoutSeconds").Op("=").Lit("2006-01-02T15:04:05-07:00"),
	)
	f.Add(doc("MarshalJSON implements json.Marshaler: t as a JSON string in Discord's form."))
	f.Func().Params(jen.Id("t").Id(ts)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Id("layout").Op(":=").Id("timestampLayout"),
		jen.If(jen.Id("t").Dot("Nanosecond").Call().Op("<").Lit(1000)).Block(
			jen.Comment("Python's isoformat leaves out microseconds that are zero."),
			jen.Id("layout").Op("=").Id("timestampLayoutSeconds"),
		),
		jen.Id("b").Op(":=").Make(jen.Index().Byte(), jen.Lit(0), jen.Len(jen.Id("layout")).Op("+").Lit(2)),
		jen.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune('"')),
		jen.Id("b").Op("=").Id("t").Dot("AppendFormat").Call(jen.Id("b"), jen.Id("layout")),
		jen.Return(jen.Append(jen.Id("b"), jen.LitRune('"')), jen.Nil()),
	)
	f.Add(doc("UnmarshalJSON implements json.Unmarshaler: it reads any RFC 3339 time, as time.Time does; null leaves t as it is."))
	f.Func().Params(jen.Id("t").Op("*").Id(ts)).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
		jen.Return(jen.Id("t").Dot("Time").Dot("UnmarshalJSON").Call(jen.Id("data"))),
	)
}

func (t *payloadTypes) emitOptional(f *jen.File, p *pkg) {
	o := t.optional
	T := func() *jen.Statement { return jen.Id("T") }
	typ := func() *jen.Statement { return jen.Id(o).Types(T()) }
	recv := func() *jen.Statement { return jen.Id("o").Add(typ()) }
	f.Add(doc(
		"An "+o+" is a field the docs mark optional or nullable: a key that a payload may leave out, or whose value may be null. "+
			"It has three states, so that a payload decodes and encodes back as it came: absent, null, or a value.",
		"",
		"Mark it omitzero, as the package's structs do: encoding/json then leaves an absent "+o+" out, "+
			"writes a null one as null, and a value as T encodes. The zero "+o+" is absent. "+
			"Make one with "+t.some+" or "+t.null+".",
	))
	f.Type().Id(o).Types(jen.Id("T").Any()).Struct(
		jen.Id("value").Add(T()),
		jen.Id("state").Id("optionalState"),
	)
	f.Add(doc("optionalState is the state of an " + o + "."))
	f.Type().Id("optionalState").Uint8()
	f.Const().Defs(
		jen.Id("optionalAbsent").Id("optionalState").Op("=").Iota(),
		jen.Id("optionalNull"),
		jen.Id("optionalValue"),
	)
	f.Add(doc(t.some + " returns an " + o + " that holds v."))
	f.Func().Id(t.some).Types(jen.Id("T").Any()).Params(jen.Id("v").Add(T())).Add(typ()).Block(
		jen.Return(typ().Values(jen.Id("value").Op(":").Id("v"), jen.Id("state").Op(":").Id("optionalValue"))),
	)
	f.Add(doc(t.null + " returns an " + o + " that is null."))
	f.Func().Id(t.null).Types(jen.Id("T").Any()).Params().Add(typ()).Block(
		jen.Return(typ().Values(jen.Id("state").Op(":").Id("optionalNull"))),
	)
	f.Add(doc("Get returns the value of o, and whether it has one: false if o is absent or null."))
	f.Func().Params(recv()).Id("Get").Params().Params(T(), jen.Bool()).Block(
		jen.Return(jen.Id("o").Dot("value"), jen.Id("o").Dot("state").Op("==").Id("optionalValue")),
	)
	f.Add(doc("Or returns the value of o, or def if o is absent or null."))
	f.Func().Params(recv()).Id("Or").Params(jen.Id("def").Add(T())).Add(T()).Block(
		jen.If(jen.Id("o").Dot("state").Op("==").Id("optionalValue")).Block(jen.Return(jen.Id("o").Dot("value"))),
		jen.Return(jen.Id("def")),
	)
	f.Add(doc("IsPresent reports whether the payload had the key, null or not."))
	f.Func().Params(recv()).Id("IsPresent").Params().Bool().Block(
		jen.Return(jen.Id("o").Dot("state").Op("!=").Id("optionalAbsent")),
	)
	f.Add(doc("IsNull reports whether the payload had the key with the value null."))
	f.Func().Params(recv()).Id("IsNull").Params().Bool().Block(
		jen.Return(jen.Id("o").Dot("state").Op("==").Id("optionalNull")),
	)
	f.Add(doc("IsZero reports whether o is absent, which the omitzero option of encoding/json asks."))
	f.Func().Params(recv()).Id("IsZero").Params().Bool().Block(
		jen.Return(jen.Id("o").Dot("state").Op("==").Id("optionalAbsent")),
	)
	f.Add(doc("MarshalJSON implements json.Marshaler: null, or the value as T encodes. (An absent " + o + " is left out by omitzero.)"))
	f.Func().Params(recv()).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.If(jen.Id("o").Dot("state").Op("!=").Id("optionalValue")).Block(jen.Return(jen.Index().Byte().Call(jen.Lit("null")), jen.Nil())),
		jen.Return(jen.Qual("encoding/json", "Marshal").Call(jen.Id("o").Dot("value"))),
	)
	f.Add(doc("UnmarshalJSON implements json.Unmarshaler: encoding/json calls it only for a key that is there, so o is null or holds the value."))
	f.Func().Params(jen.Id("o").Op("*").Add(typ())).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
		jen.If(jen.String().Call(jen.Id("data")).Op("==").Lit("null")).Block(
			jen.Op("*").Id("o").Op("=").Add(typ()).Values(jen.Id("state").Op(":").Id("optionalNull")),
			jen.Return(jen.Nil()),
		),
		jen.If(jen.Err().Op(":=").Qual("encoding/json", "Unmarshal").Call(jen.Id("data"), jen.Op("&").Id("o").Dot("value")), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Err()),
		),
		jen.Id("o").Dot("state").Op("=").Id("optionalValue"),
		jen.Return(jen.Nil()),
	)
}

// emitStruct declares one struct.
func (t *payloadTypes) emitStruct(f *jen.File, s *structType) {
	name := s.s.GoName
	first := name + ` is the docs' "` + s.s.Name + `" structure`
	if s.base != nil {
		first += ": " + article(s.base.s.GoName) + " with the fields below"
	}
	lines := []string{first + "."}
	if s.s.Description != "" {
		lines = append(lines, "", s.s.Description)
	}
	if len(s.payloadOf) > 0 {
		lines = append(lines, "", "It is the payload of "+andList(s.payloadOf)+".")
	}
	f.Add(doc(lines...))
	f.Type().Id(name).StructFunc(func(g *jen.Group) {
		if s.base != nil {
			g.Id(s.base.s.GoName)
		}
		for _, sf := range s.fields {
			if d := t.fieldDoc(sf.f, sf.typed); len(d) > 0 {
				g.Add(doc(d...))
			}
			tag := sf.f.Name
			if sf.optional {
				tag += ",omitzero"
			}
			g.Id(sf.f.GoName).Add(sf.typ).Tag(map[string]string{"json": tag})
		}
	})
}

// fieldDoc returns the doc comment of a field: the docs' description, what
// its type keeps of what they say (unless Config.Types typed it), and
// whether it is deprecated.
func (t *payloadTypes) fieldDoc(f *model.Field, typed bool) []string {
	var text []string
	r := f.Resolved
	// A description that only names the field's enum, as the link's words
	// do, says less than the values that follow.
	if d := strings.TrimSuffix(strings.TrimSpace(f.Description), "."); d != "" && !(r != nil && strings.EqualFold(d, enumOf(r))) {
		text = append(text, sentence(f.Description))
	}
	switch {
	case r == nil || typed:
	case r.Kind == model.TypeRaw:
		text = append(text, `The docs' type is "`+strings.TrimPrefix(f.Type, "?")+`" (`+rawWhy(r.Why)+"), which stays raw JSON.")
	default:
		if e := enumOf(r); e != "" && t.enumTyped[e] == nil {
			text = append(text, t.enumDoc(e))
		}
	}
	var lines []string
	if len(text) > 0 {
		lines = append(lines, strings.Join(text, " "))
	}
	if f.Kept {
		lines = append(lines, "", "Deprecated: the docs no longer list this field; a lock file keeps it.")
	} else if f.Deprecated {
		lines = append(lines, "", "Deprecated: the docs mark this field as deprecated.")
	}
	return lines
}

// enumOf returns the name of the enum of a field that is one of the
// spec's enums (not a table the package declares), or an array or map of
// them; "" for any other field.
func enumOf(r *model.TypeRef) string {
	for ; r != nil; r = r.Elem {
		if r.Enum != "" && r.Table == "" {
			return r.Enum
		}
	}
	return ""
}

// enumDoc says which values a field of the enum takes: the members, when
// the spec has them.
func (t *payloadTypes) enumDoc(name string) string {
	e := t.enums[name]
	if e == nil || len(e.Members) == 0 {
		return "Its values are the docs' " + name + "."
	}
	var values []string
	for _, m := range e.Members {
		switch e.Shape {
		case model.EnumString:
			values = append(values, strconv.Quote(m.Wire))
		case model.EnumFlags:
			values = append(values, m.Name+" ("+strconv.FormatInt(m.Value, 10)+")")
		default:
			values = append(values, strconv.FormatInt(m.Value, 10)+" ("+m.Name+")")
		}
	}
	what := "one of"
	if e.Shape == model.EnumFlags {
		what = "a set of the flags"
	}
	return "Its values are the docs' " + name + ", " + what + " " + andList(values) + "."
}

// rawWhy says why a raw type is raw.
func rawWhy(why string) string {
	switch why {
	case "union":
		return "one of several types"
	case "tuple":
		return "an array of values of different meanings"
	case "mixed":
		return "any JSON value"
	case "object":
		return "an object the docs do not describe"
	case "unresolved link":
		return "a link that leads to no table of the specs"
	}
	return "a type gatewaygen does not read"
}
