package generator

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/gatewaygen/gatewaygen/model"
)

// eventsFile emits Event and its registry.
func (g *gen) eventsFile(f *jen.File) {
	g.eventType(f)
	g.eventConsts(f)
	g.eventTable(f)
	g.eventMethods(f)
	g.eventList(f)
	g.eventParse(f)
	g.eventText(f)
	g.eventGuard(f)
}

// eventType emits the Event type, as narrow as the number of events allows,
// so that handler tables indexed by Event stay small.
func (g *gen) eventType(f *jen.File) {
	n := g.names
	f.Add(doc(
		"An "+n.event+` is a dispatch event: the "t" field of a payload whose opcode is DISPATCH.`,
		"Values are numbered densely from 1 in spec order, so that a [Max"+n.event+" + 1]T array",
		"is a table indexed by event; "+n.unknown+", the zero value, stands for any name",
		"the spec does not list.",
		"",
		"In JSON an "+n.event+" is its wire name. Decoding a name the spec does not list gives",
		n.unknown+" and no error, so a payload never fails to decode because Discord added",
		"an event. Encoding "+n.unknown+" is an error; mark the field omitempty.",
	))
	if len(g.spec.Events) < 1<<16 {
		f.Type().Id(n.event).Uint16()
	} else {
		f.Type().Id(n.event).Uint32()
	}
}

// eventConsts emits the constants, numbered with iota so that reading them
// shows the values are dense.
func (g *gen) eventConsts(f *jen.File) {
	n := g.names
	f.Add(doc("The dispatch events, in spec order."))
	f.Const().DefsFunc(func(d *jen.Group) {
		d.Add(doc(n.unknown + " is the zero value: an event the spec does not list."))
		d.Id(n.unknown).Id(n.event).Op("=").Iota()
		for _, ev := range g.spec.Events {
			d.Add(g.eventDoc(ev))
			d.Id(n.eventConst(ev))
		}
	})
	last := n.unknown
	if len(g.spec.Events) > 0 {
		last = n.eventConst(g.spec.Events[len(g.spec.Events)-1])
	}
	f.Add(doc(fmt.Sprintf("%s is the largest %s: [%s + 1]T is a table indexed by event.", n.maxEvent, n.event, n.maxEvent)))
	f.Const().Id(n.maxEvent).Op("=").Id(last)
}

func (g *gen) eventDoc(ev model.Event) *jen.Statement {
	return entryDoc(g.names.eventConst(ev)+" is "+ev.Name+".", ev.Description, ev.Sources, ev.Deprecated, ev.Removed, ev.Kept, "event")
}

// eventTable emits the wire names and descriptions, indexed by event.
func (g *gen) eventTable(f *jen.File) {
	n := g.names
	f.Type().Id(n.eventInfo).Struct(
		jen.Id("name").String(),
		jen.Id("description").String(),
	)
	f.Add(doc(n.eventInfos + " describes each event, indexed by event."))
	f.Var().Id(n.eventInfos).Op("=").Index(jen.Id(n.maxEvent).Op("+").Lit(1)).Id(n.eventInfo).Add(multiline(func(d *jen.Group) {
		for _, ev := range g.spec.Events {
			d.Id(n.eventConst(ev)).Op(":").Values(jen.Lit(ev.Name), jen.Lit(ev.Description))
		}
	}))
}

// eventMethods emits IsKnown, String and Description.
func (g *gen) eventMethods(f *jen.File) {
	n := g.names
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
		jen.Return(unknownString(n.event, "e")),
	)
	f.Add(doc(`Description returns the spec's description of e, or "" if it has none.`))
	f.Func().Params(recv()).Id("Description").Params().String().Block(
		jen.If(jen.Id("e").Dot("IsKnown").Call()).Block(jen.Return(jen.Id(n.eventInfos).Index(jen.Id("e")).Dot("description"))),
		jen.Return(jen.Lit("")),
	)
}

// eventList emits Events.
func (g *gen) eventList(f *jen.File) {
	n := g.names
	f.Add(doc(n.events + " returns every event the spec lists, in spec order, in a new slice."))
	f.Func().Id(n.events).Params().Index().Id(n.event).Block(
		jen.Id("events").Op(":=").Make(jen.Index().Id(n.event), jen.Id(n.maxEvent)),
		jen.For(jen.Id("i").Op(":=").Range().Id("events")).Block(
			jen.Id("events").Index(jen.Id("i")).Op("=").Id(n.event).Call(jen.Id("i").Op("+").Lit(1)),
		),
		jen.Return(jen.Id("events")),
	)
}

// eventParse emits ParseEvent.
func (g *gen) eventParse(f *jen.File) {
	n := g.names
	f.Add(doc(
		n.parseEvent+` returns the event whose wire name is name, such as "MESSAGE_CREATE".`,
		"For a name the spec does not list it returns "+n.unknown+" and false.",
		"It does not allocate.",
	))
	f.Func().Id(n.parseEvent).Params(jen.Id("name").String()).Params(jen.Id(n.event), jen.Bool()).BlockFunc(func(b *jen.Group) {
		if len(g.spec.Events) > 0 {
			b.Switch(jen.Id("name")).BlockFunc(func(s *jen.Group) {
				for _, ev := range g.spec.Events {
					s.Case(jen.Lit(ev.Name)).Block(jen.Return(jen.Id(n.eventConst(ev)), jen.True()))
				}
			})
		}
		b.Return(jen.Id(n.unknown), jen.False())
	})
}

// eventText emits MarshalText and UnmarshalText.
func (g *gen) eventText(f *jen.File) {
	n := g.names
	f.Add(doc("MarshalText implements encoding.TextMarshaler: it returns the wire name, or an error if the spec does not list e."))
	f.Func().Params(jen.Id("e").Id(n.event)).Id("MarshalText").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.If(jen.Op("!").Id("e").Dot("IsKnown").Call()).Block(
			jen.Return(jen.Nil(), jen.Qual("errors", "New").Call(jen.Lit(g.names.pkg+": cannot encode unknown ").Op("+").Id("e").Dot("String").Call())),
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

// eventGuard emits the compile-time check of the event constants.
func (g *gen) eventGuard(f *jen.File) {
	var checks []jen.Code
	for i, ev := range g.spec.Events {
		checks = append(checks, jen.Id(g.names.eventConst(ev)).Op("-").Lit(i+1))
	}
	guard(f, checks)
}
