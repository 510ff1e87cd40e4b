package generator

import (
	"fmt"
	"slices"

	"github.com/dave/jennifer/jen"

	"github.com/gatewaygen/gatewaygen/model"
)

// A flagTable is an enumeration of bit flags: the Gateway intents. Each
// constant is one bit; a value of the type is any set of them. With a table
// of dispatch events, it also says which events each intent enables.
type flagTable struct {
	s       settings
	entries []flagEntry // by bit
	events  *eventTable // nil: the package has no events to map to

	// What plan derives.
	typ, all, privileged, nonPrivileged, none, info, infos, list string // identifiers
	forEvents, eventFlags, eventsMethod, intentsMethod           string // with events
	lookup                                                       *lookup
}

// A flagEntry is one constant of a flagTable.
type flagEntry struct {
	model.Entry        // Name is the intent's name, "GUILD_MEMBERS"
	goName      string // the constant, "IntentGuildMembers"
	bit         int
	privileged  bool
	events      []string // wire names
}

func newFlagTable(s settings, intents []model.Intent) *flagTable {
	t := &flagTable{s: s}
	for _, in := range intents {
		t.entries = append(t.entries, flagEntry{Entry: in.Entry, bit: in.Bit, privileged: in.Privileged, events: in.Events})
	}
	return t
}

func (t *flagTable) settings() settings { return t.s }

// plan derives the names the table declares, all of them here, and checks
// that the underlying type holds the bits.
func (t *flagTable) plan(p *pkg) error {
	if p.events != nil && len(p.events.entries) > 0 {
		t.events = p.events
	}
	lower, prefix := lowerFirst(t.s.typ), t.s.prefix
	t.typ = t.s.typ                             // Intent
	t.all = prefix + "sAll"                     // IntentsAll
	t.privileged = prefix + "sPrivileged"       // IntentsPrivileged
	t.nonPrivileged = prefix + "sNonPrivileged" // IntentsNonPrivileged
	t.none = prefix + "sNone"                   // IntentsNone
	t.info = lower + "Info"                     // intentInfo
	t.infos = lower + "Infos"                   // intentInfos
	t.list = t.s.list                           // Intents
	for i := range t.entries {
		t.entries[i].goName = prefix + t.entries[i].GoName // IntentGuildMembers
	}
	if t.events != nil {
		t.forEvents = prefix + "sFor"                          // IntentsFor
		t.eventFlags = lowerFirst(t.events.typ) + prefix + "s" // eventIntents
		t.intentsMethod = prefix + "s"                         // Event.Intents
		t.eventsMethod = t.events.s.prefix + "s"               // Intent.Events
	}
	u := underlyingTypes[t.s.underlying]
	for _, e := range t.entries {
		if e.bit >= u.bits {
			return &ConfigError{Key: t.s.configKey("underlying"), Msg: fmt.Sprintf("%q: cannot hold intent %s, 1 << %d; choose a wider type", t.s.underlying, e.Name, e.bit)}
		}
	}
	names := make([]string, len(t.entries))
	values := make([]jen.Code, len(t.entries))
	for i, e := range t.entries {
		names[i], values[i] = e.Name, jen.Id(e.goName)
	}
	t.lookup = newParse(
		"Parse"+t.typ, // ParseIntent
		t.typ,
		lower+"Names", // intentNames
		lower+"Slots", // intentSlots
		names, values, jen.Lit(0), []string{
			"Parse" + t.typ + ` returns the intent named name, such as "GUILD_MEMBERS".`,
			"It reports false if the spec lists no such intent. It does not allocate.",
		})
	p.hashed = p.hashed || t.lookup.hash != nil
	return nil
}

func (t *flagTable) decls() []decl {
	typeKey, prefixKey := t.s.configKey("type"), t.s.configKey("prefix")
	ds := []decl{
		{t.all, prefixKey, "the group of every intent"},
		{t.privileged, prefixKey, "the group of the privileged intents"},
		{t.nonPrivileged, prefixKey, "the group of the intents that are not privileged"},
		{t.none, prefixKey, "the empty group of intents"},
		{t.info, typeKey, "the type of what the spec says of an intent"},
		{t.infos, typeKey, "the table of what the spec says of the intents"},
		{t.list, t.s.configKey("list"), "the function listing the intents"},
	}
	if t.events != nil {
		ds = append(ds, decl{t.forEvents, prefixKey, "the function giving the intents of events"})
		if !t.events.s.stringEvents() {
			ds = append(ds, decl{t.eventFlags, prefixKey, "the table of the intents of each event"})
		}
	}
	return append(ds, t.lookup.declsOf(typeKey, "intents")...)
}

func (t *flagTable) constants() []constant {
	var cs []constant
	for i := range t.entries {
		e := &t.entries[i]
		cs = append(cs, constant{e.goName, "intent " + e.Name, &e.Sources[0]})
	}
	return cs
}

// union returns the expression of the constants of entries for which want
// is true, or zero.
func (t *flagTable) union(want func(e *flagEntry) bool) jen.Code {
	var s *jen.Statement
	for i := range t.entries {
		e := &t.entries[i]
		if !want(e) {
			continue
		}
		if s == nil {
			s = jen.Id(e.goName)
		} else {
			s = s.Op("|").Id(e.goName)
		}
	}
	if s == nil {
		return jen.Id(t.typ).Call(jen.Lit(0))
	}
	return s
}

func (t *flagTable) emit(f *jen.File, p *pkg) {
	f.Add(doc(
		typeSubject(t.typ) + " is a set of Gateway intents: the intents field of Identify, which " +
			"subscribes a connection to the groups of events it names. Each constant is one " +
			"bit; combine them with | or Add.",
	))
	f.Type().Id(t.typ).Id(t.s.underlying)
	f.Add(doc("The intents the spec lists, by bit."))
	f.Const().DefsFunc(func(g *jen.Group) {
		for _, e := range t.entries {
			first := e.goName + " is " + e.Name
			if e.privileged {
				first += ", a privileged intent: an application must be approved to use it"
			}
			lines := entryDoc(first+".", &e.Entry, "intent")
			if len(e.events) > 0 {
				lines = slices.Insert(lines, 1, "", "It enables "+andList(e.events)+".")
			}
			g.Add(doc(lines...))
			g.Id(e.goName).Id(t.typ).Op("=").Lit(1).Op("<<").Lit(e.bit)
		}
	})
	f.Add(doc(t.all + " has every intent the spec lists."))
	f.Const().Id(t.all).Op("=").Add(t.union(func(*flagEntry) bool { return true }))
	f.Add(doc(
		t.privileged+" has the privileged intents, which an application must be",
		"approved for (or enable in its settings) before Identify may ask for them.",
	))
	f.Const().Id(t.privileged).Op("=").Add(t.union(func(e *flagEntry) bool { return e.privileged }))
	f.Add(doc(t.nonPrivileged + " has the intents that are not privileged, which any application may ask for."))
	f.Const().Id(t.nonPrivileged).Op("=").Add(t.union(func(e *flagEntry) bool { return !e.privileged }))
	f.Add(doc(t.none + " has no intent."))
	f.Const().Id(t.none).Id(t.typ).Op("=").Lit(0)

	f.Add(doc(t.info + " is what the spec says of an intent."))
	f.Type().Id(t.info).Struct(jen.Id("name").String(), jen.Id("description").String())
	f.Add(doc(t.infos + " describes each intent, indexed by bit."))
	f.Var().Id(t.infos).Op("=").Index(jen.Op("...")).Id(t.info).CustomFunc(multiLine, func(g *jen.Group) {
		for _, e := range t.entries {
			g.Lit(e.bit).Op(":").Values(jen.Lit(e.Name), jen.Lit(e.Description))
		}
	})
	i := func() *jen.Statement { return jen.Id("i") }
	recv := func() *jen.Statement { return jen.Id("i").Id(t.typ) }
	f.Add(doc("info returns the spec's information on i, a single intent, or nil if i is not one the spec lists."))
	f.Func().Params(recv()).Id("info").Params().Op("*").Id(t.info).Block(
		jen.If(
			jen.Id("n").Op(":=").Qual("math/bits", "TrailingZeros64").Call(jen.Uint64().Call(i())),
			i().Op("==").Lit(1).Op("<<").Id("n").Op("&&").Id("n").Op("<").Len(jen.Id(t.infos)).Op("&&").Id(t.infos).Index(jen.Id("n")).Dot("name").Op("!=").Lit(""),
		).Block(jen.Return(jen.Op("&").Id(t.infos).Index(jen.Id("n")))),
		jen.Return(jen.Nil()),
	)
	f.Add(doc(
		`String returns the names of the intents in i joined by "|", such as`,
		`"GUILDS|GUILD_MEMBERS", with any bits the spec does not list last, in hex;`,
		`"0" for none. A single intent's name does not allocate.`,
	))
	f.Func().Params(recv()).Id("String").Params().String().Block(
		jen.If(jen.Id("in").Op(":=").Add(i()).Dot("info").Call(), jen.Id("in").Op("!=").Nil()).Block(jen.Return(jen.Id("in").Dot("name"))),
		jen.If(i().Op("==").Lit(0)).Block(jen.Return(jen.Lit("0"))),
		jen.Var().Id("b").Index().Byte(),
		jen.Id("rest").Op(":=").Add(i()).Op("&^").Id(t.all),
		jen.For(jen.Id("known").Op(":=").Add(i()).Op("&").Id(t.all), jen.Id("known").Op("!=").Lit(0), jen.Id("known").Op("&=").Id("known").Op("-").Lit(1)).Block(
			jen.If(jen.Len(jen.Id("b")).Op(">").Lit(0)).Block(jen.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune('|'))),
			jen.Id("b").Op("=").Append(jen.Id("b"), jen.Parens(jen.Id("known").Op("&").Op("-").Id("known")).Dot("info").Call().Dot("name").Op("...")),
		),
		jen.If(jen.Id("rest").Op("!=").Lit(0)).Block(
			jen.If(jen.Len(jen.Id("b")).Op(">").Lit(0)).Block(jen.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune('|'))),
			jen.Id("b").Op("=").Qual("strconv", "AppendUint").Call(jen.Append(jen.Id("b"), jen.Lit("0x").Op("...")), jen.Uint64().Call(jen.Id("rest")), jen.Lit(16)),
		),
		jen.Return(jen.String().Call(jen.Id("b"))),
	)
	f.Add(doc(`Description returns the spec's description of i, a single intent, or "" if it has none.`))
	f.Func().Params(recv()).Id("Description").Params().String().Block(
		jen.If(jen.Id("in").Op(":=").Add(i()).Dot("info").Call(), jen.Id("in").Op("!=").Nil()).Block(jen.Return(jen.Id("in").Dot("description"))),
		jen.Return(jen.Lit("")),
	)
	t.emitSetMethods(f)
	listFunc(f, t.list, t.typ, len(t.entries), func(i int) string { return t.entries[i].goName }, "returns every intent the spec lists, one bit each, in ascending order, in a new slice.")
	t.lookup.emit(f)
	if t.events != nil {
		t.emitEvents(f)
	}
	guard(f, len(t.entries), func(k int) jen.Code {
		return jen.Id(t.entries[k].goName).Op("-").Lit(1).Op("<<").Lit(t.entries[k].bit)
	})
}

// emitSetMethods declares the methods of a set of intents as Go Discord
// libraries have them (disgo's, exactly, so that a library can swap them
// in): Has, Missing, Add and Remove of any number of sets, and
// IsPrivileged.
func (t *flagTable) emitSetMethods(f *jen.File) {
	recv := func() *jen.Statement { return jen.Id("i").Id(t.typ) }
	bits := func() *jen.Statement { return jen.Id("intents").Op("...").Id(t.typ) }
	each := func(body ...jen.Code) *jen.Statement {
		return jen.For(jen.List(jen.Id("_"), jen.Id("in")).Op(":=").Range().Id("intents")).Block(body...)
	}
	lacks := jen.Id("i").Op("&").Id("in").Op("!=").Id("in")
	f.Add(doc("Has reports whether i has every intent of each of intents; it is true for none."))
	f.Func().Params(recv()).Id("Has").Params(bits()).Bool().Block(
		each(jen.If(lacks.Clone()).Block(jen.Return(jen.False()))),
		jen.Return(jen.True()),
	)
	f.Add(doc("Missing reports whether i lacks an intent of any of intents: it is !i.Has(intents...)."))
	f.Func().Params(recv()).Id("Missing").Params(bits()).Bool().Block(
		each(jen.If(lacks.Clone()).Block(jen.Return(jen.True()))),
		jen.Return(jen.False()),
	)
	f.Add(doc("Add returns i with every intent of intents added."))
	f.Func().Params(recv()).Id("Add").Params(bits()).Id(t.typ).Block(
		each(jen.Id("i").Op("|=").Id("in")),
		jen.Return(jen.Id("i")),
	)
	f.Add(doc("Remove returns i without any intent of intents."))
	f.Func().Params(recv()).Id("Remove").Params(bits()).Id(t.typ).Block(
		each(jen.Id("i").Op("&^=").Id("in")),
		jen.Return(jen.Id("i")),
	)
	f.Add(doc(
		"IsPrivileged reports whether i has a privileged intent, which an application",
		"must be approved for before Identify may ask for it.",
	))
	f.Func().Params(recv()).Id("IsPrivileged").Params().Bool().Block(
		jen.Return(jen.Id("i").Op("&").Id(t.privileged).Op("!=").Lit(0)),
	)
}

// eventIntents returns the expression of the intents of each event that
// some intent enables, by wire name.
func (t *flagTable) eventIntents() map[string]jen.Code {
	flags := make(map[string][]string)
	for _, in := range t.entries {
		for _, name := range in.events {
			flags[name] = append(flags[name], in.goName)
		}
	}
	exprs := make(map[string]jen.Code, len(flags))
	for name, in := range flags {
		s := jen.Id(in[0])
		for _, goName := range in[1:] {
			s = s.Op("|").Id(goName)
		}
		exprs[name] = s
	}
	return exprs
}

// emitEvents declares the mapping between intents and the events they
// enable. Events as an enum index a table of their intents; events as
// strings hold theirs in what their info method finds.
func (t *flagTable) emitEvents(f *jen.File) {
	ev := t.events
	known := make(map[string]bool, len(ev.entries))
	for _, e := range ev.entries {
		known[e.Name] = true
	}
	for _, in := range t.entries {
		for _, name := range in.events {
			if !known[name] {
				// model.Build rejects an intent that lists an unknown event.
				panic(fmt.Sprintf("intent %s lists event %s, which the spec does not", in.Name, name))
			}
		}
	}
	doc1 := doc(
		t.intentsMethod+" returns the intents that enable e, any one of which makes the Gateway",
		"send it (each in its own context, such as guilds or direct messages). It is",
		"zero for an event the Gateway sends whatever the intents.",
	)
	doc2 := doc(t.eventsMethod + " returns the events that the intents in i (any of its bits) enable, in the order of " + ev.list + ".")
	if ev.s.stringEvents() {
		f.Add(doc1)
		f.Func().Params(jen.Id("e").Id(ev.typ)).Id(t.intentsMethod).Params().Id(t.typ).Block(
			jen.If(jen.Id("in").Op(":=").Id("e").Dot("info").Call(), jen.Id("in").Op("!=").Nil()).Block(jen.Return(jen.Id("in").Dot("intents"))),
			jen.Return(jen.Lit(0)),
		)
		f.Add(doc2)
		f.Func().Params(jen.Id("i").Id(t.typ)).Id(t.eventsMethod).Params().Index().Id(ev.typ).Block(
			jen.Var().Id("events").Index().Id(ev.typ),
			jen.For(jen.List(jen.Id("_"), jen.Id("in")).Op(":=").Range().Id(ev.infos)).Block(
				jen.If(jen.Id("in").Dot("intents").Op("&").Id("i").Op("!=").Lit(0)).Block(
					jen.Id("events").Op("=").Append(jen.Id("events"), jen.Id(ev.typ).Call(jen.Id("in").Dot("name"))),
				),
			),
			jen.Return(jen.Id("events")),
		)
	} else {
		exprs := t.eventIntents()
		f.Add(doc(t.eventFlags + " holds the intents of each event, indexed by event."))
		f.Var().Id(t.eventFlags).Op("=").Index(jen.Id(ev.max).Op("+").Lit(1)).Id(t.typ).CustomFunc(multiLine, func(g *jen.Group) {
			for _, e := range ev.entries {
				if in, ok := exprs[e.Name]; ok {
					g.Id(e.goName).Op(":").Add(in)
				}
			}
		})
		f.Add(doc1)
		f.Func().Params(jen.Id("e").Id(ev.typ)).Id(t.intentsMethod).Params().Id(t.typ).Block(
			jen.If(jen.Id("e").Dot("IsKnown").Call()).Block(jen.Return(jen.Id(t.eventFlags).Index(jen.Id("e")))),
			jen.Return(jen.Lit(0)),
		)
		f.Add(doc2)
		f.Func().Params(jen.Id("i").Id(t.typ)).Id(t.eventsMethod).Params().Index().Id(ev.typ).Block(
			jen.Var().Id("events").Index().Id(ev.typ),
			jen.For(jen.List(jen.Id("_"), jen.Id("e")).Op(":=").Range().Id(ev.list).Call()).Block(
				jen.If(jen.Id(t.eventFlags).Index(jen.Id("e")).Op("&").Id("i").Op("!=").Lit(0)).Block(
					jen.Id("events").Op("=").Append(jen.Id("events"), jen.Id("e")),
				),
			),
			jen.Return(jen.Id("events")),
		)
	}
	f.Add(doc(
		t.forEvents+" returns the intents to put in Identify to receive events in every",
		"context the docs list: the union of their "+t.intentsMethod+". Events the Gateway sends",
		"whatever the intents add nothing.",
	))
	f.Func().Id(t.forEvents).Params(jen.Id("events").Op("...").Id(ev.typ)).Id(t.typ).Block(
		jen.Var().Id("i").Id(t.typ),
		jen.For(jen.List(jen.Id("_"), jen.Id("e")).Op(":=").Range().Id("events")).Block(
			jen.Id("i").Op("|=").Id("e").Dot(t.intentsMethod).Call(),
		),
		jen.Return(jen.Id("i")),
	)
}
