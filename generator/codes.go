package generator

import (
	"fmt"
	"strconv"

	"github.com/dave/jennifer/jen"

	"github.com/gatewaygen/gatewaygen/model"
)

// A codeTable is an enumeration of integer codes: opcodes, close codes,
// voice opcodes. The codes are what the wire carries, so they are the
// constants' values.
type codeTable struct {
	s       settings
	noun    string   // "opcode", for comments
	typeDoc []string // the type's doc comment
	example string   // a name String returns, for its doc comment
	// The attributes the table carries, each a field of its info and a
	// method: SentBy, Binary, CanReconnect. A table of close codes
	// (reconnect) has names as the docs write them rather than wire names.
	sentBy, binary, reconnect bool
	// parse is set for a table whose names are wire names: it gets a Parse
	// function.
	parse   bool
	entries []codeEntry // in code order

	// What plan derives.
	typ, info, infos, list string // identifiers
	dense                  bool   // infos is indexed by code minus base
	base                   int
	lookup                 *lookup // nil without parse
}

// A codeEntry is one constant of a codeTable: an entry of the spec, and
// the attributes of its table.
type codeEntry struct {
	model.Entry        // Name is what String returns
	goName      string // the constant, "OpcodeHeartbeatACK"
	code        int
	sentBy      model.Sender
	binary      bool
	reconnect   *bool
	aliases     []model.Alias
	aliasNames  []string // their constants
}

// newCodeTable describes a table of codes, without its entries. What a
// code says, carries, completes its type's doc comment ("a Gateway
// payload carries: ..."); close codes, which carry nothing, have "".
func newCodeTable(s settings, carries string) *codeTable {
	t := &codeTable{
		s:         s,
		noun:      s.Singular,
		example:   s.Example,
		sentBy:    s.Has(model.AttrSender),
		binary:    s.Has(model.AttrBinary),
		reconnect: s.Has(model.AttrReconnect),
		parse:     !s.Has(model.AttrNamedInWords),
	}
	t.typeDoc = []string{typeSubject(s.typ) + " says what " + carries}
	if carries == "" {
		t.typeDoc = []string{typeSubject(s.typ) + " is a code the " + s.Protocol + " closes a connection with: the code of the WebSocket close frame."}
	}
	return t
}

func (t *codeTable) settings() settings { return t.s }

// plan derives the names the table declares, all of them here, and checks
// that the underlying type holds the codes.
func (t *codeTable) plan(p *pkg) error {
	lower := lowerFirst(t.s.typ)
	t.typ = t.s.typ           // Opcode
	t.info = lower + "Info"   // opcodeInfo
	t.infos = lower + "Infos" // opcodeInfos
	t.list = t.s.list         // Opcodes
	for i := range t.entries {
		e := &t.entries[i]
		e.goName = t.s.prefix + e.GoName // OpcodeHeartbeatACK
		for j := range e.aliases {
			e.aliasNames = append(e.aliasNames, t.s.prefix+e.aliases[j].GoName) // OpcodeGuildSubscriptions
		}
	}
	u := underlyingTypes[t.s.underlying]
	for _, e := range t.entries {
		if int64(e.code) < u.min || int64(e.code) > u.max {
			return &ConfigError{Key: t.s.configKey("underlying"), Msg: fmt.Sprintf("%q: cannot hold %s %s, code %d; choose a wider type", t.s.underlying, t.noun, e.Name, e.code)}
		}
	}
	if n := len(t.entries); n > 0 {
		// Codes are nearly contiguous in every real table, and an array
		// indexed by code is the fastest lookup there is; far-flung codes
		// get a switch instead, so that the array stays small.
		t.base = t.entries[0].code
		t.dense = t.entries[n-1].code-t.base < 4*n+64
	}
	p.useUnlisted()
	if !t.parse {
		return nil
	}
	var names []string
	var values []jen.Code
	for _, e := range t.entries {
		names = append(names, e.Name)
		values = append(values, jen.Id(e.goName))
		for _, a := range e.aliases {
			names = append(names, a.Name)
			values = append(values, jen.Id(e.goName))
		}
	}
	t.lookup = newParse(
		"Parse"+t.typ, // ParseOpcode
		t.typ,
		lower+"Names", // opcodeNames
		lower+"Slots", // opcodeSlots
		names, values, jen.Lit(0), []string{
			"Parse" + t.typ + ` returns the ` + t.noun + ` whose wire name is name, such as "` + t.example + `".`,
			"It reports false if the spec lists no such " + t.noun + ". It does not allocate.",
		})
	p.hashed = p.hashed || t.lookup.hash != nil
	return nil
}

// decls lists the identifiers the table declares besides its type and
// constants.
func (t *codeTable) decls() []decl {
	typeKey := t.s.configKey("type")
	ds := []decl{
		{t.info, typeKey, "the type of what the spec says of " + article(t.noun)},
		{t.infos, typeKey, "the table of what the spec says of the " + t.noun + "s"},
		{t.list, t.s.configKey("list"), "the function listing the " + t.noun + "s"},
	}
	if t.lookup != nil {
		ds = append(ds, t.lookup.declsOf(typeKey, t.noun+"s")...)
	}
	return ds
}

func (t *codeTable) constants() []constant {
	var cs []constant
	for i := range t.entries {
		e := &t.entries[i]
		cs = append(cs, constant{e.goName, t.noun + " " + e.Name, &e.Sources[0]})
		for j := range e.aliases {
			a := &e.aliases[j]
			cs = append(cs, constant{e.aliasNames[j], t.noun + " " + a.Name, &a.Source})
		}
	}
	return cs
}

// emit declares the type, its constants and their methods.
func (t *codeTable) emit(f *jen.File, p *pkg) {
	recv := lowerFirst(t.typ[:1]) // o for Opcode, c for CloseCode
	f.Add(doc(t.typeDoc...))
	f.Type().Id(t.typ).Id(t.s.underlying)
	t.emitConsts(f)
	t.emitInfo(f, p, recv)

	f.Add(doc(
		"String returns the " + t.noun + "'s " + t.nameKind() + `, such as "` + t.example + `", or "` + t.typ + `(N)" for a code the spec does not list.`,
	))
	f.Func().Params(jen.Id(recv).Id(t.typ)).Id("String").Params().String().Block(
		jen.If(jen.Id("i").Op(":=").Id(recv).Dot("info").Call(), jen.Id("i").Op("!=").Nil()).Block(jen.Return(jen.Id("i").Dot("name"))),
		jen.Return(jen.Id(p.unlisted).Call(jen.Lit(t.typ), jen.Int().Call(jen.Id(recv)))),
	)
	f.Add(doc("IsKnown reports whether the spec lists " + recv + "."))
	f.Func().Params(jen.Id(recv).Id(t.typ)).Id("IsKnown").Params().Bool().Block(
		jen.Return(jen.Id(recv).Dot("info").Call().Op("!=").Nil()),
	)
	type method struct {
		name, field string
		doc         []string
		typ, zero   jen.Code
	}
	methods := []method{{"Description", "description", []string{`Description returns the spec's description of ` + recv + `, or "" if it has none.`}, jen.String(), jen.Lit("")}}
	if t.sentBy {
		methods = append(methods, method{"SentBy", "sentBy", []string{"SentBy returns which side of the connection sends " + recv + "; it is zero if the spec does not say."}, jen.Id(p.sender.typ), jen.Lit(0)})
	}
	if t.binary {
		methods = append(methods, method{"Binary", "binary", []string{"Binary reports whether payloads of " + recv + " are binary rather than JSON."}, jen.Bool(), jen.False()})
	}
	if t.reconnect {
		methods = append(methods, method{"CanReconnect", "reconnect", []string{
			"CanReconnect reports whether a client may reconnect after the connection was closed with " + recv + ". " +
				"It is false only for the codes the spec says not to reconnect after, and true for codes it does not list.",
		}, jen.Bool(), jen.True()})
	}
	for _, m := range methods {
		f.Add(doc(m.doc...))
		f.Func().Params(jen.Id(recv).Id(t.typ)).Id(m.name).Params().Add(m.typ).Block(
			jen.If(jen.Id("i").Op(":=").Id(recv).Dot("info").Call(), jen.Id("i").Op("!=").Nil()).Block(
				jen.Return(jen.Id("i").Dot(m.field)),
			),
			jen.Return(m.zero),
		)
	}

	listFunc(f, t.list, t.typ, len(t.entries), func(i int) string { return t.entries[i].goName }, "returns every "+t.noun+" the spec lists, in code order, in a new slice.")
	if t.lookup != nil {
		t.lookup.emit(f)
	}
	guard(f, len(t.entries), func(i int) jen.Code {
		return jen.Id(t.entries[i].goName).Op("-").Lit(t.entries[i].code)
	})
}

// nameKind says what String returns.
func (t *codeTable) nameKind() string {
	if t.parse {
		return "wire name"
	}
	return "name as the docs write it"
}

// emitConsts declares the constants, each with its doc comment, and the
// aliases that keep renamed entries' old names.
func (t *codeTable) emitConsts(f *jen.File) {
	if len(t.entries) == 0 {
		return
	}
	f.Add(doc("The " + t.noun + "s the spec lists, in code order."))
	f.Const().DefsFunc(func(g *jen.Group) {
		for _, e := range t.entries {
			first := e.goName + " is " + e.Name + senderPhrase(e.sentBy) + "."
			if !t.parse {
				first = e.goName + ` is "` + e.Name + `", code ` + strconv.Itoa(e.code) + "."
			}
			if e.reconnect != nil && !*e.reconnect {
				first += " A client should not reconnect after it."
			}
			if e.binary {
				first += " Its payloads are binary."
			}
			g.Add(doc(entryDoc(first, &e.Entry, t.noun)...))
			g.Id(e.goName).Id(t.typ).Op("=").Lit(e.code)
			for j, a := range e.aliases {
				g.Add(doc(
					e.aliasNames[j]+" is "+e.goName+" under its earlier name, "+a.Name+".",
					"",
					"Deprecated: the docs renamed "+a.Name+" to "+e.Name+"; use "+e.goName+".",
				))
				g.Id(e.aliasNames[j]).Op("=").Id(e.goName)
			}
		}
	})
}

// emitInfo declares what the methods read: the info type, the table of
// each code's info, and the method that finds it.
func (t *codeTable) emitInfo(f *jen.File, p *pkg, recv string) {
	f.Add(doc(t.info + " is what the spec says of " + article(t.noun) + "."))
	f.Type().Id(t.info).StructFunc(func(g *jen.Group) {
		g.Id("name").String()
		if t.sentBy {
			g.Id("sentBy").Id(p.sender.typ)
		}
		g.Id("description").String()
		if t.binary {
			g.Id("binary").Bool()
		}
		if t.reconnect {
			g.Id("reconnect").Bool()
		}
	})
	values := func(e codeEntry) *jen.Statement {
		return jen.ValuesFunc(func(g *jen.Group) {
			g.Lit(e.Name)
			if t.sentBy {
				g.Add(p.sender.value(e.sentBy))
			}
			g.Lit(e.Description)
			if t.binary {
				g.Lit(e.binary)
			}
			if t.reconnect {
				g.Lit(e.reconnect == nil || *e.reconnect)
			}
		})
	}
	// index is the expression of the index of the receiver's info.
	index := jen.Uint().Call(jen.Id(recv))
	if t.base != 0 {
		index = jen.Uint().Call(jen.Id(recv).Op("-").Lit(t.base))
	}
	body := []jen.Code{}
	switch {
	case len(t.entries) == 0:
		// Nothing to find, and no table.
	case t.dense:
		how := "indexed by code"
		if t.base != 0 {
			how += " minus " + strconv.Itoa(t.base)
		}
		f.Add(doc(t.infos + " describes each " + t.noun + ", " + how + "."))
		f.Var().Id(t.infos).Op("=").Index(jen.Op("...")).Id(t.info).CustomFunc(multiLine, func(g *jen.Group) {
			for _, e := range t.entries {
				key := jen.Id(e.goName)
				if t.base != 0 {
					key = key.Op("-").Lit(t.base)
				}
				g.Add(key).Op(":").Add(values(e))
			}
		})
		body = append(body, jen.If(
			jen.Id("i").Op(":=").Add(index), jen.Id("i").Op("<").Uint().Call(jen.Len(jen.Id(t.infos))).Op("&&").Id(t.infos).Index(jen.Id("i")).Dot("name").Op("!=").Lit(""),
		).Block(jen.Return(jen.Op("&").Id(t.infos).Index(jen.Id("i")))))
	default:
		f.Add(doc(t.infos + " describes each " + t.noun + ", in code order."))
		f.Var().Id(t.infos).Op("=").Index(jen.Op("...")).Id(t.info).CustomFunc(multiLine, func(g *jen.Group) {
			for _, e := range t.entries {
				g.Add(values(e))
			}
		})
		body = append(body, jen.Switch(jen.Id(recv)).BlockFunc(func(g *jen.Group) {
			for i, e := range t.entries {
				g.Case(jen.Id(e.goName)).Block(jen.Return(jen.Op("&").Id(t.infos).Index(jen.Lit(i))))
			}
		}))
	}
	f.Add(doc("info returns the spec's information on " + recv + ", or nil if the spec does not list it."))
	f.Func().Params(jen.Id(recv).Id(t.typ)).Id("info").Params().Op("*").Id(t.info).Block(
		append(body, jen.Return(jen.Nil()))...,
	)
}
