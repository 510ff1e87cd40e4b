package generator

import (
	"github.com/dave/jennifer/jen"

	"github.com/gatewaygen/gatewaygen/model"
)

// senderType is the type of the SentBy methods: bit flags for the client
// and the server.
type senderType struct {
	typ, client, server, names string
}

// newSenderType derives the names the sender type declares, all of them
// here.
func newSenderType(typ string) *senderType {
	return &senderType{
		typ:    typ,                       // Sender
		client: typ + "Client",            // SenderClient
		server: typ + "Server",            // SenderServer
		names:  lowerFirst(typ) + "Names", // senderNames
	}
}

func (s *senderType) decls() []decl {
	const key = "sender_type"
	return []decl{
		{s.typ, key, "the sender type"},
		{s.client, key, "the sender constant of the client"},
		{s.server, key, "the sender constant of the server"},
		{s.names, key, "the table of the senders' names"},
	}
}

// emit declares the type, its flags and its String method.
func (s *senderType) emit(f *jen.File, p *pkg) {
	f.Add(doc(
		s.typ+" says which side of a connection sends an opcode. It is a set of",
		"flags: an opcode both sides send has both, and one the spec says nothing",
		"about has none.",
	))
	f.Type().Id(s.typ).Uint8()
	f.Const().Defs(
		doc(s.client+" is set for opcodes the client sends."),
		jen.Id(s.client).Id(s.typ).Op("=").Lit(1).Op("<<").Iota(),
		doc(s.server+" is set for opcodes the server, Discord, sends."),
		jen.Id(s.server),
	)
	f.Var().Id(s.names).Op("=").Index(jen.Op("...")).String().Values(
		jen.Lit("unspecified"), jen.Lit("client"), jen.Lit("server"), jen.Lit("client/server"))
	f.Add(doc(`String returns "client", "server", "client/server" or "unspecified".`))
	f.Func().Params(jen.Id("s").Id(s.typ)).Id("String").Params().String().Block(
		jen.If(jen.Uint().Call(jen.Id("s")).Op("<").Uint().Call(jen.Len(jen.Id(s.names)))).Block(
			jen.Return(jen.Id(s.names).Index(jen.Id("s"))),
		),
		jen.Return(jen.Id(p.unlisted).Call(jen.Lit(s.typ), jen.Int().Call(jen.Id("s")))),
	)
}

// value is the Go expression of a sender.
func (s *senderType) value(v model.Sender) jen.Code {
	switch v {
	case model.SenderClient:
		return jen.Id(s.client)
	case model.SenderServer:
		return jen.Id(s.server)
	case model.SenderBoth:
		return jen.Id(s.client).Op("|").Id(s.server)
	}
	return jen.Lit(0)
}

// senderPhrase says who sends an opcode, for its doc comment: ", sent by
// the client", or nothing.
func senderPhrase(v model.Sender) string {
	switch v {
	case model.SenderClient:
		return ", sent by the client"
	case model.SenderServer:
		return ", sent by the server"
	case model.SenderBoth:
		return ", sent by both the client and the server"
	}
	return ""
}
