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
	typ     string
	entries []flagEntry // by bit
	events  *eventTable // nil: the spec lists no events to map to

	all, privileged, info, infos, list, forEvents, eventFlags string
	lookup                                                    *lookup
}

// A flagEntry is one constant of a flagTable.
type flagEntry struct {
	name, goName string
	bit          int
	description  string
	privileged   bool
	events       []string // wire names
	status       status
	pos          model.Source
}

func newFlagTable(typ string, events *eventTable, intents []model.Intent) *flagTable {
	t := &flagTable{typ: typ}
	if len(events.entries) > 0 {
		t.events = events
	}
	for _, in := range intents {
		t.entries = append(t.entries, flagEntry{
			name: in.Name, goName: typ + in.GoName, bit: in.Bit, description: in.Description,
			privileged: in.Privileged, events: in.Events,
			status: statusOf(in.Deprecated, in.Removed, in.Kept), pos: in.Sources[0],
		})
	}
	return t
}

func (t *flagTable) plan(p *pkg) {
	lower := lowerFirst(t.typ)
	t.all, t.privileged, t.forEvents = t.typ+"sAll", t.typ+"sPrivileged", t.typ+"sFor"
	t.info, t.infos, t.list, t.eventFlags = lower+"Info", lower+"Infos", t.typ+"s", lowerFirst(p.events.typ)+t.typ+"s"
	var names []lookupName
	for _, e := range t.entries {
		names = append(names, lookupName{e.name, jen.Id(e.goName)})
	}
	t.lookup = newLookup(t.typ, names, jen.Lit(0), []string{
		"Parse" + t.typ + ` returns the intent named name, such as "GUILD_MEMBERS".`,
		"It reports false if the spec lists no such intent. It does not allocate.",
	})
	p.hashed = p.hashed || t.lookup.hash != nil
}

func (t *flagTable) decls() []string {
	ids := []string{t.typ, t.all, t.privileged, t.info, t.infos, t.list}
	if t.events != nil {
		ids = append(ids, t.forEvents, t.eventFlags)
	}
	return append(ids, t.lookup.decls()...)
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
		"An " + t.typ + " is a set of Gateway intents: the intents field of Identify, which " +
			"subscribes a connection to the groups of events it names. Each constant is one " +
			"bit; combine them with |.",
	))
	f.Type().Id(t.typ).Uint64()
	f.Add(doc("The intents the spec lists, by bit."))
	f.Const().DefsFunc(func(g *jen.Group) {
		for _, e := range t.entries {
			first := e.goName + " is " + e.name
			if e.privileged {
				first += ", a privileged intent: an application must be approved to use it"
			}
			lines := entryDoc(first+".", e.description, e.status, "intent", e.pos)
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

	f.Add(doc(t.info + " is what the spec says of an intent."))
	f.Type().Id(t.info).Struct(jen.Id("name").String(), jen.Id("description").String())
	f.Add(doc(t.infos + " describes each intent, indexed by bit."))
	f.Var().Id(t.infos).Op("=").Index(jen.Op("...")).Id(t.info).CustomFunc(multiLine, func(g *jen.Group) {
		for _, e := range t.entries {
			g.Lit(e.bit).Op(":").Values(jen.Lit(e.name), jen.Lit(e.description))
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
	listFunc(f, t.list, t.typ, len(t.entries), func(i int) string { return t.entries[i].goName }, "returns every intent the spec lists, one bit each, in ascending order, in a new slice.")
	t.lookup.emit(f)
	if t.events != nil {
		t.emitEvents(f)
	}
	guard(f, len(t.entries), func(k int) jen.Code {
		return jen.Id(t.entries[k].goName).Op("-").Lit(1).Op("<<").Lit(t.entries[k].bit)
	})
}

// emitEvents declares the mapping between intents and the events they
// enable.
func (t *flagTable) emitEvents(f *jen.File) {
	ev := t.events
	byName := make(map[string]string, len(ev.entries))
	for _, e := range ev.entries {
		byName[e.name] = e.goName
	}
	// The intents of each event, in spec order of the events.
	flags := make(map[string][]string)
	for _, in := range t.entries {
		for _, name := range in.events {
			goName, ok := byName[name]
			if !ok {
				// model.Build rejects an intent that lists an unknown event.
				panic(fmt.Sprintf("intent %s lists event %s, which the spec does not", in.name, name))
			}
			flags[goName] = append(flags[goName], in.goName)
		}
	}
	f.Add(doc(t.eventFlags + " holds the intents of each event, indexed by event."))
	f.Var().Id(t.eventFlags).Op("=").Index(jen.Id(ev.max).Op("+").Lit(1)).Id(t.typ).CustomFunc(multiLine, func(g *jen.Group) {
		for _, e := range ev.entries {
			in := flags[e.goName]
			if len(in) == 0 {
				continue
			}
			s := jen.Id(in[0])
			for _, name := range in[1:] {
				s = s.Op("|").Id(name)
			}
			g.Id(e.goName).Op(":").Add(s)
		}
	})
	f.Add(doc(
		"Intents returns the intents that enable e, any one of which makes the Gateway",
		"send it (each in its own context, such as guilds or direct messages). It is",
		"zero for an event the Gateway sends whatever the intents.",
	))
	f.Func().Params(jen.Id("e").Id(ev.typ)).Id(t.list).Params().Id(t.typ).Block(
		jen.If(jen.Id("e").Dot("IsKnown").Call()).Block(jen.Return(jen.Id(t.eventFlags).Index(jen.Id("e")))),
		jen.Return(jen.Lit(0)),
	)
	f.Add(doc("Events returns the events that the intents in i (any of its bits) enable, in the order of " + ev.list + "."))
	f.Func().Params(jen.Id("i").Id(t.typ)).Id(ev.list).Params().Index().Id(ev.typ).Block(
		jen.Var().Id("events").Index().Id(ev.typ),
		jen.For(jen.List(jen.Id("_"), jen.Id("e")).Op(":=").Range().Id(ev.list).Call()).Block(
			jen.If(jen.Id(t.eventFlags).Index(jen.Id("e")).Op("&").Id("i").Op("!=").Lit(0)).Block(
				jen.Id("events").Op("=").Append(jen.Id("events"), jen.Id("e")),
			),
		),
		jen.Return(jen.Id("events")),
	)
	f.Add(doc(
		t.forEvents+" returns the intents to put in Identify to receive events in every",
		"context the docs list: the union of their "+t.list+". Events the Gateway sends",
		"whatever the intents add nothing.",
	))
	f.Func().Id(t.forEvents).Params(jen.Id("events").Op("...").Id(ev.typ)).Id(t.typ).Block(
		jen.Var().Id("i").Id(t.typ),
		jen.For(jen.List(jen.Id("_"), jen.Id("e")).Op(":=").Range().Id("events")).Block(
			jen.Id("i").Op("|=").Id("e").Dot(t.list).Call(),
		),
		jen.Return(jen.Id("i")),
	)
}
