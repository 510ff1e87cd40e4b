package generator

import (
	"github.com/dave/jennifer/jen"

	"github.com/gatewaygen/gatewaygen/model"
)

// An eventTable is the enumeration of dispatch events. Events are names on
// the wire. As an enum, the default, the generator numbers them: from 1 in
// spec order, or as a lock file recorded (see model.Event.Value), and zero
// is the unknown event. As strings, each event is its wire name, and any
// other name is an event too, one the spec does not list.
type eventTable struct {
	s       settings
	entries []eventEntry // in spec order

	// What plan derives.
	typ, unknown, max, info, infos, list string // identifiers; no unknown and max as strings
	lookup                               *lookup
}

// An eventEntry is one constant of the eventTable.
type eventEntry struct {
	model.Entry        // Name is the wire name
	goName      string // the constant, "EventMessageCreate"
	value       int
}

func newEventTable(s settings, events []model.Event) *eventTable {
	t := &eventTable{s: s}
	for _, ev := range events {
		t.entries = append(t.entries, eventEntry{Entry: ev.Entry, value: ev.Value})
	}
	return t
}

func (t *eventTable) settings() settings { return t.s }

// plan derives the names the table declares, all of them here.
func (t *eventTable) plan(p *pkg) error {
	lower := lowerFirst(t.s.typ)
	t.typ = t.s.typ           // Event
	t.info = lower + "Info"   // eventInfo
	t.infos = lower + "Infos" // eventInfos
	t.list = t.s.list         // Events
	for i := range t.entries {
		t.entries[i].goName = t.s.prefix + t.entries[i].GoName // EventMessageCreate
	}
	names := make([]string, len(t.entries))
	for i, e := range t.entries {
		names[i] = e.Name
	}
	if t.s.stringEvents() {
		// The info method finds an event's row in infos; emit fills in
		// the rows' fields.
		rows := make([]lookupName, len(t.entries))
		for i, e := range t.entries {
			rows[i].name = e.Name
		}
		t.lookup = newInfoMethod(t.typ, t.infos, lower+"Slots" /* eventSlots */, t.info, rows, []string{
			"info returns what the spec says of e, or nil if the spec does not list it. It does not allocate.",
		})
	} else {
		t.unknown = t.s.prefix + "Unknown" // EventUnknown
		t.max = "Max" + t.typ              // MaxEvent
		values := make([]jen.Code, len(t.entries))
		for i, e := range t.entries {
			values[i] = jen.Id(e.goName)
		}
		t.lookup = newParse(
			"Parse"+t.typ, // ParseEvent
			t.typ,
			lower+"Names", // eventNames
			lower+"Slots", // eventSlots
			names, values, jen.Id(t.unknown), []string{
				"Parse" + t.typ + ` returns the event whose wire name is name, such as "MESSAGE_CREATE".`,
				"For a name the spec does not list it returns " + t.unknown + " and false.",
				"It does not allocate.",
			})
		p.useUnlisted()
	}
	p.hashed = p.hashed || t.lookup.hash != nil
	return nil
}

func (t *eventTable) decls() []decl {
	typeKey := t.s.configKey("type")
	ds := []decl{
		{t.info, typeKey, "the type of what the spec says of an event"},
		{t.list, t.s.configKey("list"), "the function listing the events"},
	}
	if !t.s.stringEvents() {
		ds = append(ds,
			decl{t.unknown, t.s.configKey("prefix"), "the unknown event"},
			decl{t.max, typeKey, "the largest event"},
			decl{t.infos, typeKey, "the table of what the spec says of the events"},
		)
	}
	return append(ds, t.lookup.declsOf(typeKey, "events")...)
}

func (t *eventTable) constants() []constant {
	var cs []constant
	for i := range t.entries {
		e := &t.entries[i]
		cs = append(cs, constant{e.goName, "event " + e.Name, &e.Sources[0]})
	}
	return cs
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
	if t.s.stringEvents() {
		t.emitStrings(f, p)
		return
	}
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
			g.Add(doc(entryDoc(e.goName+" is "+e.Name+".", &e.Entry, "event")...))
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
			g.Id(e.goName).Op(":").Values(jen.Lit(e.Name), jen.Lit(e.Description))
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

// emitStrings declares the events as strings: the type, a constant for
// each event whose value is its wire name, and the methods, which find
// what the spec says of a name through info. Nothing here lists every
// value of the type, so that a package may declare constants of its own
// beside the generated ones, such as a pseudo-event.
func (t *eventTable) emitStrings(f *jen.File, p *pkg) {
	f.Add(doc(
		typeSubject(t.typ)+` is a dispatch event: the "t" field of a payload whose opcode is DISPATCH, as its wire name. `+
			"A name the spec does not list is "+article(t.typ)+" too, such as an event Discord added since; IsKnown tells them apart.",
		"",
		"In JSON "+article(t.typ)+" is its wire name, whatever the name.",
	))
	f.Type().Id(t.typ).String()
	if len(t.entries) > 0 {
		f.Add(doc("The dispatch events the spec lists, in spec order."))
		f.Const().DefsFunc(func(g *jen.Group) {
			for _, e := range t.entries {
				g.Add(doc(entryDoc(e.goName+" is "+e.Name+".", &e.Entry, "event")...))
				g.Id(e.goName).Id(t.typ).Op("=").Lit(e.Name)
			}
		})
	}
	f.Add(doc("String returns e's wire name, such as \"MESSAGE_CREATE\", whether or not the spec lists it."))
	f.Func().Params(jen.Id("e").Id(t.typ)).Id("String").Params().String().Block(jen.Return(jen.String().Call(jen.Id("e"))))

	var eventIntents map[string]jen.Code
	if p.intents != nil && p.intents.events != nil {
		eventIntents = p.intents.eventIntents()
	}
	f.Add(doc(t.info + " is what the spec says of an event."))
	f.Type().Id(t.info).StructFunc(func(g *jen.Group) {
		if t.lookup.hash != nil {
			g.Id("key").Id("nameKey")
		}
		g.Id("name").String()
		g.Id("description").String()
		if eventIntents != nil {
			g.Id("intents").Id(p.intents.typ)
		}
	})
	for i, e := range t.entries {
		var fields []jen.Code
		if e.Description != "" {
			fields = append(fields, jen.Id("description").Op(":").Lit(e.Description))
		}
		if in, ok := eventIntents[e.Name]; ok {
			fields = append(fields, jen.Id("intents").Op(":").Add(in))
		}
		t.lookup.entries[i].fields = fields
	}
	t.lookup.emit(f)

	f.Add(doc("IsKnown reports whether the spec lists e. It does not allocate."))
	f.Func().Params(jen.Id("e").Id(t.typ)).Id("IsKnown").Params().Bool().Block(
		jen.Return(jen.Id("e").Dot("info").Call().Op("!=").Nil()),
	)
	f.Add(doc(`Description returns the spec's description of e, or "" if it has none or the spec does not list e.`))
	f.Func().Params(jen.Id("e").Id(t.typ)).Id("Description").Params().String().Block(
		jen.If(jen.Id("in").Op(":=").Id("e").Dot("info").Call(), jen.Id("in").Op("!=").Nil()).Block(jen.Return(jen.Id("in").Dot("description"))),
		jen.Return(jen.Lit("")),
	)
	listFunc(f, t.list, t.typ, len(t.entries), func(i int) string { return t.entries[i].goName }, "returns every event the spec lists, in spec order, in a new slice.")
}
