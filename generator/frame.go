package generator

import (
	_ "embed"
	"strings"
	"sync"

	"github.com/dave/jennifer/jen"
)

// This file emits the envelope of Gateway messages and the registry from
// opcodes and events to their payloads: Frame, DecodeFrame, Frame.Payload
// and the NewPayload methods. DecodeFrame finds the frame's members with the
// scanner of internal/framescan, which is copied into the package as it
// is.

// A frameDecls describes the envelope.
type frameDecls struct {
	op *codeTable
	ev *eventTable
	// dispatch is the opcode constant of DISPATCH, whose frames carry an
	// event; "" if the spec has no such opcode.
	dispatch string
	opcodes  []payloadCase // the payloads of the opcodes, grouped by type
	events   []payloadCase
}

// A payloadCase is the constants whose payloads are of one type.
type payloadCase struct {
	consts []string
	typ    string
	first  string // the wire name of the first constant
}

func newFrameDecls(p *pkg, pt *payloadTypes) *frameDecls {
	d := &frameDecls{op: p.opcodes(), ev: p.events}
	opcodes := map[string]string{} // wire name → constant
	for _, e := range d.op.entries {
		opcodes[e.Name] = e.goName
	}
	events := map[string]string{}
	for _, e := range d.ev.entries {
		events[e.Name] = e.goName
	}
	for _, op := range p.spec.Opcodes {
		if op.Name == "DISPATCH" {
			d.dispatch = opcodes[op.Name]
		}
		if s := pt.byName[op.Payload]; s != nil && opcodes[op.Name] != "" {
			d.opcodes = addCase(d.opcodes, opcodes[op.Name], op.Name, s.s.GoName)
		}
	}
	for _, ev := range p.spec.Events {
		if s := pt.byName[ev.Payload]; s != nil && events[ev.Name] != "" {
			d.events = addCase(d.events, events[ev.Name], ev.Name, s.s.GoName)
		}
	}
	return d
}

// opBits returns how scanFrame reads an op: whether the opcode type is
// signed, and its size in bits.
func (d *frameDecls) opBits() (signed bool, bits jen.Code) {
	switch d.op.s.underlying {
	case "int32":
		return true, jen.Lit(32)
	case "int64":
		return true, jen.Lit(64)
	case "uint32":
		return false, jen.Lit(32)
	case "uint64":
		return false, jen.Lit(64)
	}
	return true, jen.Qual("strconv", "IntSize") // int
}

// addCase adds a constant to the case of the type of its payload, or to a
// new case after the others.
func addCase(cases []payloadCase, constant, wire, typ string) []payloadCase {
	for i := range cases {
		if cases[i].typ == typ {
			cases[i].consts = append(cases[i].consts, constant)
			return cases
		}
	}
	return append(cases, payloadCase{consts: []string{constant}, typ: typ, first: wire})
}

// envelopeDecls lists what the envelope declares, the scanner's
// declarations included.
func envelopeDecls() []string {
	return append([]string{"Frame", "DecodeFrame", "frameError"}, frameScanDecls()...)
}

// emit declares Frame and its functions, and the NewPayload methods.
func (d *frameDecls) emit(f *jen.File, p *pkg) {
	op, ev := d.op.typ, d.ev.typ
	stringEvents := d.ev.s.stringEvents()
	tType := jen.String()
	tDoc := "T is the name of a dispatch's event, such as \"MESSAGE_CREATE\", as the frame has it: " +
		"the name of an event the spec does not list is kept. It is empty for other frames. Event gives the " + ev + "."
	if stringEvents {
		tType = jen.Id(ev)
		example := ""
		if len(d.ev.entries) > 0 {
			example = ", such as " + d.ev.entries[0].goName
		}
		tDoc = "T is the event of a dispatch" + example + ", as the frame has it: " +
			"the name of an event the spec does not list is kept. It is empty for other frames."
	}
	f.Add(doc(
		"A Frame is a message of the Gateway, its envelope: the opcode, the data, and, for a dispatch, "+
			"the sequence number and the event's name. DecodeFrame decodes one; "+
			"Payload decodes its data into the type the docs give it.",
		"",
		"To send a frame, set Op and D (the encoded payload) and encode it with encoding/json: "+
			"S and T are left out when they are zero.",
	))
	f.Type().Id("Frame").Struct(
		jen.Id("Op").Id(op).Tag(map[string]string{"json": "op"}),
		jen.Add(doc("D is the frame's data, as it is in the frame: null is the JSON null, and nil means the frame has no d.")),
		jen.Id("D").Qual("encoding/json", "RawMessage").Tag(map[string]string{"json": "d"}),
		jen.Add(doc(
			"S is the sequence number of a dispatch, which heartbeats and resuming send back; "+
				"0 for other frames, where it is null (sequence numbers start at 1).",
		)),
		jen.Id("S").Int64().Tag(map[string]string{"json": "s,omitzero"}),
		jen.Add(doc(tDoc)),
		jen.Id("T").Add(tType).Tag(map[string]string{"json": "t,omitzero"}),
	)

	signed, bits := d.opBits()
	f.Add(doc(
		"DecodeFrame decodes a frame as json.Unmarshal would into a Frame, accepting and rejecting the same "+
			"inputs with the same errors, without allocating: D is a sub-slice of data, not a copy, so it is "+
			"valid only as long as data is, and T of an event the spec lists is the constant's own string.",
		"",
		"It validates the whole frame, D included, in one pass.",
	))
	m, data := jen.Id("m"), jen.Id("data")
	name := func() *jen.Statement {
		return m.Clone().Dot("t").Index(jen.Lit(1), jen.Len(m.Clone().Dot("t")).Op("-").Lit(1))
	}
	f.Func().Id("DecodeFrame").Params(data.Clone().Index().Byte()).Params(jen.Id("Frame"), jen.Error()).Block(
		jen.List(m.Clone(), jen.Id("ok")).Op(":=").Id("scanFrame").Call(data.Clone(), jen.Lit(signed), bits),
		jen.If(jen.Op("!").Id("ok")).Block(jen.Return(jen.Id("Frame").Values(), jen.Id("frameError").Call(data.Clone()))),
		jen.Id("f").Op(":=").Id("Frame").Values(
			jen.Id("Op").Op(":").Id(op).Call(m.Clone().Dot("op")),
			jen.Id("D").Op(":").Add(m.Clone()).Dot("d"),
			jen.Id("S").Op(":").Add(m.Clone()).Dot("s"),
		),
		jen.Switch().Block(
			jen.Case(m.Clone().Dot("t").Op("==").Nil()),
			jen.Case(jen.Op("!").Add(m.Clone()).Dot("tPlain")).Block(
				jen.Comment("Escapes, or bytes beyond ASCII: encoding/json's rules. (Into a"),
				jen.Comment("variable of its own, which escapes, so that f does not.)"),
				jen.Var().Id("t").String(),
				jen.If(jen.Err().Op(":=").Qual("encoding/json", "Unmarshal").Call(m.Clone().Dot("t"), jen.Op("&").Id("t")), jen.Err().Op("!=").Nil()).Block(
					jen.Return(jen.Id("Frame").Values(), jen.Err()),
				),
				jen.Id("f").Dot("T").Op("=").Add(d.tOf(jen.Id("t"))),
			),
			jen.Default().Block(
				jen.Id("name").Op(":=").Add(name()),
				jen.Comment("The lookup only reads the name: a view of data spares a copy."),
				d.knownName(func() *jen.Statement { return jen.Id("name") }),
			),
		),
		jen.Return(jen.Id("f"), jen.Nil()),
	)
	f.Add(doc(
		"frameError returns the error of json.Unmarshal for a frame that scanFrame rejects, so that " +
			"DecodeFrame's errors are those of encoding/json.",
	))
	f.Func().Id("frameError").Params(data.Clone().Index().Byte()).Error().Block(
		jen.Var().Id("f").Id("Frame"),
		jen.If(jen.Err().Op(":=").Qual("encoding/json", "Unmarshal").Call(data.Clone(), jen.Op("&").Id("f")), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Err()),
		),
		jen.Return(jen.Qual("errors", "New").Call(jen.Lit(p.name+": DecodeFrame rejected a frame that encoding/json accepts; please report this bug"))),
	)

	if !stringEvents {
		f.Add(doc("Event returns the event of a dispatch, " + d.ev.unknown + " for the name of an event the spec does not list or for a frame that is not a dispatch."))
		f.Func().Params(jen.Id("f").Id("Frame")).Id("Event").Params().Id(ev).Block(
			jen.List(jen.Id("e"), jen.Id("_")).Op(":=").Id(d.ev.lookup.fn).Call(jen.Id("f").Dot("T")),
			jen.Return(jen.Id("e")),
		)
	}

	f.Add(doc(
		"Payload decodes D into a new value of the type the docs give the frame's payload, " +
			"and returns a pointer to it" + d.examples() + ". " +
			"Where the docs give no type (the event is unknown, or the payload is not a structure), " +
			"it returns D itself, a json.RawMessage.",
	))
	payloadOf := jen.Id("f").Dot("Op").Dot("NewPayload").Call()
	if d.dispatch != "" {
		payloadOf = jen.Id("f").Dot("Event").Call().Dot("NewPayload").Call()
		if stringEvents {
			payloadOf = jen.Id("f").Dot("T").Dot("NewPayload").Call()
		}
	}
	f.Func().Params(jen.Id("f").Id("Frame")).Id("Payload").Params().Params(jen.Any(), jen.Error()).BlockFunc(func(g *jen.Group) {
		if d.dispatch != "" {
			g.Id("p").Op(":=").Id("f").Dot("Op").Dot("NewPayload").Call()
			g.If(jen.Id("f").Dot("Op").Op("==").Id(d.dispatch)).Block(
				jen.Id("p").Op("=").Add(payloadOf),
			)
		} else {
			g.Id("p").Op(":=").Add(payloadOf)
		}
		g.If(jen.Id("p").Op("==").Nil()).Block(jen.Return(jen.Id("f").Dot("D"), jen.Nil()))
		g.If(jen.Err().Op(":=").Qual("encoding/json", "Unmarshal").Call(jen.Id("f").Dot("D"), jen.Id("p")), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Nil(), jen.Qual("fmt", "Errorf").Call(jen.Lit(p.name+": decoding the payload of %s: %w"), jen.Id("f").Dot("what").Call(), jen.Err())),
		)
		g.Return(jen.Id("p"), jen.Nil())
	})
	f.Add(doc("what names the frame in an error: its event, or its opcode."))
	f.Func().Params(jen.Id("f").Id("Frame")).Id("what").Params().String().BlockFunc(func(g *jen.Group) {
		if d.dispatch != "" {
			g.If(jen.Id("f").Dot("Op").Op("==").Id(d.dispatch)).Block(jen.Return(jen.String().Call(jen.Id("f").Dot("T"))))
		}
		g.Return(jen.Id("f").Dot("Op").Dot("String").Call())
	})

	newPayload(f, op, "o", d.opcodes)
	newPayload(f, ev, "e", d.events)
}

// tOf converts a string to the type of Frame.T.
func (d *frameDecls) tOf(s jen.Code) jen.Code {
	if d.ev.s.stringEvents() {
		return jen.Id(d.ev.typ).Call(s)
	}
	return s
}

// knownName sets f.T to the name of m.t, without allocating for an event
// the spec lists: the constant's string is f.T's.
func (d *frameDecls) knownName(name func() *jen.Statement) jen.Code {
	if d.ev.s.stringEvents() {
		return jen.If(
			jen.Id("in").Op(":=").Id(d.ev.typ).Call(d.view(name())).Dot(d.ev.lookup.fn).Call(),
			jen.Id("in").Op("!=").Nil(),
		).Block(
			jen.Id("f").Dot("T").Op("=").Id(d.ev.typ).Call(jen.Id("in").Dot("name")),
		).Else().Block(
			jen.Id("f").Dot("T").Op("=").Id(d.ev.typ).Call(jen.String().Call(name())),
		)
	}
	return jen.If(
		jen.List(jen.Id("e"), jen.Id("ok")).Op(":=").Id(d.ev.lookup.fn).Call(d.view(name())),
		jen.Id("ok"),
	).Block(
		jen.Id("f").Dot("T").Op("=").Id("e").Dot("String").Call(),
	).Else().Block(
		jen.Id("f").Dot("T").Op("=").String().Call(name()),
	)
}

// view returns a string that shares the memory of the bytes b, for a
// lookup that only reads it: converting with string(b) would copy a name
// longer than the 32 bytes Go converts on the stack.
func (d *frameDecls) view(b *jen.Statement) jen.Code {
	return jen.Qual("unsafe", "String").Call(jen.Qual("unsafe", "SliceData").Call(b), jen.Len(b.Clone()))
}

// examples returns what Payload's doc comment gives as examples: the
// payload of the first opcode and of the first event that have one.
func (d *frameDecls) examples() string {
	var ex []string
	if len(d.opcodes) > 0 {
		ex = append(ex, "a *"+d.opcodes[0].typ+" for "+d.opcodes[0].first)
	}
	if len(d.events) > 0 {
		ex = append(ex, "a *"+d.events[0].typ+" for a "+d.events[0].first+" dispatch")
	}
	if len(ex) == 0 {
		return ""
	}
	return ", such as " + strings.Join(ex, " or ")
}

// newPayload declares the NewPayload method of typ.
func newPayload(f *jen.File, typ, recv string, cases []payloadCase) {
	f.Add(doc("NewPayload returns a pointer to a new value of the type the docs give the payload of " + recv + ", or nil if they give none."))
	f.Func().Params(jen.Id(recv).Id(typ)).Id("NewPayload").Params().Any().BlockFunc(func(g *jen.Group) {
		if len(cases) > 0 {
			g.Switch(jen.Id(recv)).BlockFunc(func(g *jen.Group) {
				for _, c := range cases {
					var consts []jen.Code
					for _, k := range c.consts {
						consts = append(consts, jen.Id(k))
					}
					g.Case(consts...).Block(jen.Return(jen.New(jen.Id(c.typ))))
				}
			})
		}
		g.Return(jen.Nil())
	})
}

// frameScanSource is the scanner DecodeFrame uses.
//
//go:embed internal/framescan/framescan.go
var frameScanSource string

// frameScanCode returns the declarations of framescan.go, to copy into a
// generated package.
func frameScanCode() string { return verbatimCode(frameScanSource, "framescan") }

// frameScanDecls lists the names framescan.go declares in the package's
// scope.
var frameScanDecls = sync.OnceValue(func() []string { return verbatimDecls(frameScanSource, "framescan") })
