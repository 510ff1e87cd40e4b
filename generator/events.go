package generator

import (
	"github.com/dave/jennifer/jen"

	"github.com/gatewaygen/gatewaygen/model"
)

// An eventTable is the enumeration of dispatch events. Events are names on
// the wire, so the generator numbers them: from 1 in spec order, or as a
// lock file recorded (see model.Event.Value). Zero is the unknown event.
type eventTable struct {
	typ                             string
	unknown, max, info, infos, list string
	entries                         []eventEntry // in spec order
	lookup                          *lookup
}

// An eventEntry is one constant of the eventTable.
type eventEntry struct {
	name, goName string
	value        int
	description  string
	status       status
	pos          model.Source
}

func newEventTable(typ string, events []model.Event) *eventTable {
	t := &eventTable{typ: typ}
	for _, ev := range events {
		t.entries = append(t.entries, eventEntry{
			name: ev.Name, goName: typ + ev.GoName, value: ev.Value, description: ev.Description,
			status: statusOf(ev.Deprecated, ev.Removed, ev.Kept), pos: ev.Sources[0],
		})
	}
	return t
}

func (t *eventTable) plan(p *pkg) {
	lower := lowerFirst(t.typ)
	t.unknown, t.max = t.typ+"Unknown", "Max"+t.typ
	t.info, t.infos, t.list = lower+"Info", lower+"Infos", t.typ+"s"
	var names []lookupName
	for _, e := range t.entries {
		names = append(names, lookupName{e.name, jen.Id(e.goName)})
	}
	t.lookup = newLookup(t.typ, names, jen.Id(t.unknown), []string{
		"Parse" + t.typ + ` returns the event whose wire name is name, such as "MESSAGE_CREATE".`,
		"For a name the spec does not list it returns " + t.unknown + " and false.",
		"It does not allocate.",
	})
	p.hashed = p.hashed || t.lookup.hash != nil
}

func (t *eventTable) decls() []string {
	return append([]string{t.typ, t.unknown, t.max, t.info, t.infos, t.list}, t.lookup.decls()...)
}

// maxEntry returns the constant with the largest value, or the unknown
// event.
func (t *eventTable) maxEntry() string {
	goName, value := t.unknown, 0
	for _, e := range t.entries {
		if e.value > value {
			goName, value = e.goName, e.value
		}
	}
	return goName
}

func (t *eventTable) emit(f *jen.File, p *pkg) {
	f.Add(doc(
		"An "+t.typ+` is a dispatch event: the "t" field of a payload whose opcode is DISPATCH. `+
			"Values are numbered from 1 in spec order (or as a lock file keeps them), so that "+
			"a ["+t.max+" + 1]T array is a table indexed by event; "+t.unknown+", the zero "+
			"value, stands for any name the spec does not list.",
		"",
		"In JSON an "+t.typ+" is its wire name. Decoding a name the spec does not list gives "+
			t.unknown+" and no error, so a payload never fails to decode because Discord added "+
			"an event; decode the name into a string and call Parse"+t.typ+" where the name of an "+
			"unknown event matters. Encoding "+t.unknown+" is an error; mark the field omitempty.",
	))
	width, maxValue := jen.Uint16(), 0
	for _, e := range t.entries {
		maxValue = max(maxValue, e.value)
	}
	if maxValue >= 1<<16 {
		width = jen.Uint32()
	}
	f.Type().Id(t.typ).Add(width)

	f.Add(doc("The dispatch events the spec lists, in spec order."))
	f.Const().DefsFunc(func(g *jen.Group) {
		g.Add(doc(t.unknown + " is the zero value: an event the spec does not list."))
		g.Id(t.unknown).Id(t.typ).Op("=").Lit(0)
		for _, e := range t.entries {
			g.Add(doc(entryDoc(e.goName+" is "+e.name+".", e.description, e.status, "event", e.pos)...))
			g.Id(e.goName).Id(t.typ).Op("=").Lit(e.value)
		}
	})
	f.Add(doc(t.max + " is the largest " + t.typ + ": [" + t.max + " + 1]T is a table indexed by event."))
	f.Const().Id(t.max).Op("=").Id(t.maxEntry())

	f.Add(doc(t.info + " is what the spec says of an event."))
	f.Type().Id(t.info).Struct(jen.Id("name").String(), jen.Id("description").String())
	f.Add(doc(t.infos + " describes each event, indexed by event."))
	f.Var().Id(t.infos).Op("=").Index(jen.Id(t.max).Op("+").Lit(1)).Id(t.info).CustomFunc(multiLine, func(g *jen.Group) {
		for _, e := range t.entries {
			g.Id(e.goName).Op(":").Values(jen.Lit(e.name), jen.Lit(e.description))
		}
	})

	e := jen.Id("e")
	recv := func() *jen.Statement { return jen.Id("e").Id(t.typ) }
	f.Add(doc("IsKnown reports whether the spec lists e."))
	f.Func().Params(recv()).Id("IsKnown").Params().Bool().Block(
		jen.Return(e.Clone().Op("<=").Id(t.max).Op("&&").Id(t.infos).Index(e.Clone()).Dot("name").Op("!=").Lit("")),
	)
	f.Add(doc(
		`String returns the event's wire name, such as "MESSAGE_CREATE", or`,
		`"`+t.typ+`(N)" for a value the spec does not list.`,
	))
	f.Func().Params(recv()).Id("String").Params().String().Block(
		jen.If(e.Clone().Dot("IsKnown").Call()).Block(jen.Return(jen.Id(t.infos).Index(e.Clone()).Dot("name"))),
		jen.Return(jen.Id(p.unlisted).Call(jen.Lit(t.typ), jen.Int().Call(e.Clone()))),
	)
	f.Add(doc(`Description returns the spec's description of e, or "" if it has none.`))
	f.Func().Params(recv()).Id("Description").Params().String().Block(
		jen.If(e.Clone().Dot("IsKnown").Call()).Block(jen.Return(jen.Id(t.infos).Index(e.Clone()).Dot("description"))),
		jen.Return(jen.Lit("")),
	)
	listFunc(f, t.list, t.typ, len(t.entries), func(i int) string { return t.entries[i].goName }, "returns every event the spec lists, in spec order, in a new slice.")
	t.lookup.emit(f)

	f.Add(doc("MarshalText implements encoding.TextMarshaler: it returns the wire name, or an error if the spec does not list e."))
	f.Func().Params(recv()).Id("MarshalText").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.If(jen.Op("!").Add(e.Clone()).Dot("IsKnown").Call()).Block(
			jen.Return(jen.Nil(), jen.Qual("errors", "New").Call(jen.Lit(p.name+": cannot encode unknown ").Op("+").Add(e.Clone()).Dot("String").Call())),
		),
		jen.Return(jen.Index().Byte().Call(jen.Id(t.infos).Index(e.Clone()).Dot("name")), jen.Nil()),
	)
	f.Add(doc(
		"UnmarshalText implements encoding.TextUnmarshaler. A name the spec does not list " +
			"decodes to " + t.unknown + " without error, so that decoding a payload never fails " +
			"because Discord added an event.",
	))
	f.Func().Params(jen.Id("e").Op("*").Id(t.typ)).Id("UnmarshalText").Params(jen.Id("text").Index().Byte()).Error().Block(
		jen.Op("*").Id("e").Op(",").Id("_").Op("=").Id(t.lookup.fn).Call(jen.String().Call(jen.Id("text"))),
		jen.Return(jen.Nil()),
	)
	guard(f, len(t.entries), func(i int) jen.Code {
		return jen.Id(t.entries[i].goName).Op("-").Lit(t.entries[i].value)
	})
}
