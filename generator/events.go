package generator

import (
	"bytes"
	"fmt"

	"github.com/dave/jennifer/jen"
)

// eventsFile builds the skeleton of the file with Event and its registry.
func (n names) eventsFile(f *rawFile) {
	f.head = (*gen).header
	f.raw((*gen).eventType)
	f.raw((*gen).eventConsts)
	n.eventInfoType(f.File)
	f.raw((*gen).eventTable)
	n.eventMethods(f.File)
	n.eventList(f.File)
	f.raw((*gen).eventParse)
	n.eventText(f.File)
	f.raw((*gen).eventGuard)
	f.raw((*gen).hashFuncs)
}

// eventType writes the Event type, as narrow as the number of events
// allows, so that handler tables indexed by Event stay small.
func (g *gen) eventType(b *bytes.Buffer, _ func(int) int) {
	n := g.names
	writeDoc(b, "",
		"An "+n.event+` is a dispatch event: the "t" field of a payload whose opcode is DISPATCH.`,
		"Values are numbered densely from 1 in spec order, so that a [Max"+n.event+" + 1]T array",
		"is a table indexed by event; "+n.unknown+", the zero value, stands for any name",
		"the spec does not list.",
		"",
		"In JSON an "+n.event+" is its wire name. Decoding a name the spec does not list gives",
		n.unknown+" and no error, so a payload never fails to decode because Discord added",
		"an event. Encoding "+n.unknown+" is an error; mark the field omitempty.",
	)
	if len(g.spec.Events) < 1<<16 {
		b.WriteString("type " + n.event + " uint16\n")
	} else {
		b.WriteString("type " + n.event + " uint32\n")
	}
}

// eventConsts writes the constants, numbered with iota so that reading them
// shows the values are dense, and MaxEvent.
func (g *gen) eventConsts(b *bytes.Buffer, count func(int) int) {
	n := g.names
	evs := g.spec.Events
	b.WriteString("// The dispatch events, in spec order.\nconst (\n")
	writeDoc(b, "\t", n.unknown+" is the zero value: an event the spec does not list.")
	fmt.Fprintf(b, "\t%s %s = iota\n", n.unknown, n.event)
	shown := count(len(evs))
	for i, ev := range evs[:shown] {
		g.entryDoc(b, []string{g.evConsts[i], " is ", ev.Name, "."}, ev.Description, ev.Sources, ev.Deprecated, ev.Removed, ev.Kept, "event")
		b.WriteByte('\t')
		b.WriteString(g.evConsts[i])
		b.WriteByte('\n')
	}
	b.WriteString(")\n\n")
	last := n.unknown
	if shown > 0 {
		last = g.evConsts[shown-1]
	}
	fmt.Fprintf(b, "// %s is the largest %s: [%s + 1]T is a table indexed by event.\n", n.maxEvent, n.event, n.maxEvent)
	fmt.Fprintf(b, "const %s = %s\n", n.maxEvent, last)
}

// eventInfoType emits the type of the wire names and descriptions.
func (n names) eventInfoType(f *jen.File) {
	f.Add(doc(n.eventInfo + " is what the spec says of an event."))
	f.Type().Id(n.eventInfo).Struct(
		jen.Id("name").String(),
		jen.Id("description").String(),
	)
}

// eventTable writes the wire names and descriptions, indexed by event.
func (g *gen) eventTable(b *bytes.Buffer, count func(int) int) {
	n := g.names
	evs := g.spec.Events
	fmt.Fprintf(b, "// %s describes each event, indexed by event.\n", n.eventInfos)
	fmt.Fprintf(b, "var %s = [%s + 1]%s{", n.eventInfos, n.maxEvent, n.eventInfo)
	if len(evs) > 0 {
		b.WriteByte('\n')
		keyedLines(b, "\t", count(len(evs)),
			func(i int) (int, int) {
				key := g.evConsts[i]
				if !lineFits(len(key)+6, evs[i].Name, evs[i].Description) {
					return 0, 0
				}
				return len(key), runes(key)
			},
			func(b *bytes.Buffer, i int) { b.WriteString(g.evConsts[i]) },
			func(b *bytes.Buffer, i int) {
				b.WriteByte('{')
				quote(b, evs[i].Name)
				b.WriteString(", ")
				quote(b, evs[i].Description)
				b.WriteByte('}')
			})
	}
	b.WriteString("}\n")
}

// eventMethods emits IsKnown, String and Description.
func (n names) eventMethods(f *jen.File) {
	recv := func() *jen.Statement { return jen.Id("e").Id(n.event) }
	f.Add(doc("IsKnown reports whether the spec lists e."))
	f.Func().Params(recv()).Id("IsKnown").Params().Bool().Block(
		jen.Return(jen.Id("e").Op("!=").Id(n.unknown).Op("&&").Id("e").Op("<=").Id(n.maxEvent)),
	)
	f.Add(doc(
		`String returns the event's wire name, such as "MESSAGE_CREATE", or`,
		`"`+n.event+`(N)" for a value the spec does not list.`,
	))
	f.Func().Params(recv()).Id("String").Params().String().Block(
		jen.If(jen.Id("e").Dot("IsKnown").Call()).Block(jen.Return(jen.Id(n.eventInfos).Index(jen.Id("e")).Dot("name"))),
		jen.Return(n.unknownString(n.event, "e")),
	)
	f.Add(doc(`Description returns the spec's description of e, or "" if it has none.`))
	f.Func().Params(recv()).Id("Description").Params().String().Block(
		jen.If(jen.Id("e").Dot("IsKnown").Call()).Block(jen.Return(jen.Id(n.eventInfos).Index(jen.Id("e")).Dot("description"))),
		jen.Return(jen.Lit("")),
	)
}

// eventList emits Events.
func (n names) eventList(f *jen.File) {
	f.Add(doc(n.events + " returns every event the spec lists, in spec order, in a new slice."))
	f.Func().Id(n.events).Params().Index().Id(n.event).Block(
		jen.Id("events").Op(":=").Make(jen.Index().Id(n.event), jen.Id(n.maxEvent)),
		jen.For(jen.Id("i").Op(":=").Range().Id("events")).Block(
			jen.Id("events").Index(jen.Id("i")).Op("=").Id(n.event).Call(jen.Id("i").Op("+").Lit(1)),
		),
		jen.Return(jen.Id("events")),
	)
}

// eventParse writes ParseEvent and, with a perfect hash, its tables.
func (g *gen) eventParse(b *bytes.Buffer, count func(int) int) {
	n := g.names
	consts := g.evConsts
	g.lookupFunc(b, count, parseFunc{
		name: n.parseEvent,
		doc: []string{
			n.parseEvent + ` returns the event whose wire name is name, such as "MESSAGE_CREATE".`,
			"For a name the spec does not list it returns " + n.unknown + " and false.",
			"It does not allocate.",
		},
		typ:       n.event,
		consts:    consts,
		names:     g.eventNames(),
		noun:      "event",
		notFound:  n.unknown,
		ph:        g.evLookup,
		slots:     n.eventSlots,
		slotOf:    n.eventSlotOf,
		disp:      n.eventDisp,
		elem:      n.event,
		writeElem: func(b *bytes.Buffer, i int) { b.WriteString(consts[i]) },
		elemLen:   func(i int) int { return len(consts[i]) },
		sName:     n.eventInfos + "[s].name",
		sConst:    "s",
	})
}

// eventText emits MarshalText and UnmarshalText.
func (n names) eventText(f *jen.File) {
	f.Add(doc("MarshalText implements encoding.TextMarshaler: it returns the wire name, or an error if the spec does not list e."))
	f.Func().Params(jen.Id("e").Id(n.event)).Id("MarshalText").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.If(jen.Op("!").Id("e").Dot("IsKnown").Call()).Block(
			jen.Return(jen.Nil(), jen.Qual("errors", "New").Call(jen.Lit(n.pkg+": cannot encode unknown ").Op("+").Id("e").Dot("String").Call())),
		),
		jen.Return(jen.Index().Byte().Call(jen.Id(n.eventInfos).Index(jen.Id("e")).Dot("name")), jen.Nil()),
	)
	f.Add(doc(
		"UnmarshalText implements encoding.TextUnmarshaler. A name the spec does not list",
		"decodes to "+n.unknown+" without error, so that decoding a payload never fails",
		"because Discord added an event.",
	))
	f.Func().Params(jen.Id("e").Op("*").Id(n.event)).Id("UnmarshalText").Params(jen.Id("text").Index().Byte()).Error().Block(
		jen.Op("*").Id("e").Op(",").Id("_").Op("=").Id(n.parseEvent).Call(jen.String().Call(jen.Id("text"))),
		jen.Return(jen.Nil()),
	)
}

// eventGuard writes the compile-time check of the event constants.
func (g *gen) eventGuard(b *bytes.Buffer, count func(int) int) {
	guard(b, count(len(g.spec.Events)), func(b *bytes.Buffer, i int) {
		b.WriteString(g.evConsts[i])
		b.WriteByte('-')
		writeInt(b, i+1)
	})
}
