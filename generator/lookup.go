package generator

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"
)

// A lookup is a Parse function: from a wire name to its constant. Where the
// generator finds a perfect hash of the names (see phash.go), as for every
// real spec, the function computes the name's key (see namehash.go), reads
// the one slot its hash gives, and compares the key there; else it is a
// switch, which the compiler turns into a binary search.
type lookup struct {
	fn, typ      string // ParseOpcode, Opcode
	names, slots string // the tables of a perfect hash
	doc          []string
	notFound     jen.Code // what fn returns for a name the spec lacks
	entries      []lookupName
	hash         *hashTable // nil: a switch
}

// A lookupName is a name a Parse function knows and its constant.
type lookupName struct {
	name  string
	value jen.Code
}

func newLookup(typ string, entries []lookupName, notFound jen.Code, doc []string) *lookup {
	l := &lookup{
		fn: "Parse" + typ, typ: typ,
		names: lowerFirst(typ) + "Names", slots: lowerFirst(typ) + "Slots",
		doc: doc, notFound: notFound, entries: entries,
	}
	names := make([]string, len(entries))
	for i, e := range entries {
		names[i] = e.name
	}
	l.hash = newHashTable(names)
	return l
}

func (l *lookup) decls() []string {
	return []string{l.fn, l.names, l.slots}
}

func (l *lookup) emit(f *jen.File) {
	f.Add(doc(l.doc...))
	if l.hash == nil {
		f.Func().Id(l.fn).Params(jen.Id("name").String()).Params(jen.Id(l.typ), jen.Bool()).BlockFunc(func(g *jen.Group) {
			if len(l.entries) > 0 {
				g.Switch(jen.Id("name")).BlockFunc(func(g *jen.Group) {
					for _, e := range l.entries {
						g.Case(jen.Lit(e.name)).Block(jen.Return(e.value, jen.True()))
					}
				})
			}
			g.Return(l.notFound, jen.False())
		})
		return
	}
	h := l.hash
	// ParseX(name) computes the key of name, reads the one slot its hash
	// gives, and compares the key there; only a name longer than a key
	// holds is compared as a string too.
	k, e, name := jen.Id("k"), jen.Id("e"), jen.Id("name")
	n := func() *jen.Statement { return k.Clone().Dot("n") }
	f.Func().Id(l.fn).Params(name.Clone().String()).Params(jen.Id(l.typ), jen.Bool()).Block(
		// keyOf, written out (see namehash.go).
		jen.Var().Add(k.Clone()).Id("nameKey"),
		n().Op("=").Len(name.Clone()),
		jen.If(n().Op("<").Lit(8)).Block(
			k.Clone().Dot("a").Op("=").Id("shortWord").Call(name.Clone()),
		).Else().Block(
			jen.List(k.Clone().Dot("a"), k.Clone().Dot("b"), k.Clone().Dot("c")).Op("=").List(
				jen.Id("load64").Call(name.Clone(), jen.Lit(0)),
				jen.Id("load64").Call(name.Clone(), jen.Parens(n().Op("-").Lit(8)).Op("/").Lit(2)),
				jen.Id("load64").Call(name.Clone(), n().Op("-").Lit(8)),
			),
		),
		jen.If(
			jen.Id("i").Op(":=").Id(l.slots).Index(k.Clone().Dot("hash").Call().Op("*").Op(fmt.Sprintf("%#x", h.seed)).Op(">>").Lit(64-h.bits)),
			jen.Id("i").Op(">").Lit(0),
		).Block(
			jen.If(
				e.Clone().Op(":=").Op("&").Id(l.names).Index(jen.Id("i").Op("-").Lit(1)),
				e.Clone().Dot("key").Op("==").Add(k.Clone()).Op("&&").Parens(n().Op("<=").Lit(24).Op("||").Add(e.Clone()).Dot("name").Op("==").Add(name.Clone())),
			).Block(jen.Return(e.Clone().Dot("value"), jen.True())),
		),
		jen.Return(l.notFound, jen.False()),
	)
	f.Add(doc(l.names + " are the names " + l.fn + " knows, with their values and, once init has run, their keys."))
	f.Var().Id(l.names).Op("=").Index(jen.Op("...")).Struct(
		jen.Id("key").Id("nameKey"),
		jen.Id("name").String(),
		jen.Id("value").Id(l.typ),
	).CustomFunc(multiLine, func(g *jen.Group) {
		for _, e := range l.entries {
			g.Values(jen.Id("name").Op(":").Lit(e.name), jen.Id("value").Op(":").Add(e.value))
		}
	})
	f.Func().Id("init").Params().Block(
		jen.For(jen.Id("i").Op(":=").Range().Id(l.names)).Block(
			jen.Id(l.names).Index(jen.Id("i")).Dot("key").Op("=").Id("keyOf").Call(jen.Id(l.names).Index(jen.Id("i")).Dot("name")),
		),
	)
	elem := jen.Uint8()
	if len(l.entries) >= 1<<8 {
		elem = jen.Uint16()
	}
	f.Add(doc(
		l.slots+" holds the index in "+l.names+", plus one, of each name at the slot",
		"its hash gives; zero where no name is.",
	))
	f.Var().Id(l.slots).Op("=").Index(jen.Lit(len(h.slots))).Add(elem).CustomFunc(multiLine, func(g *jen.Group) {
		for slot, i := range h.slots {
			if i > 0 {
				g.Lit(slot).Op(":").Lit(i)
			}
		}
	})
}

// namehashSource is the file whose declarations the Parse functions' hash
// uses, which the generator calls too.
//
//go:embed internal/namehash/namehash.go
var namehashSource string

// hashSource returns the declarations of namehash.go, without its package
// doc and clause, to copy into a generated package. (So namehash.go imports
// nothing.)
func hashSource() string {
	_, decls, ok := strings.Cut(namehashSource, "\npackage namehash\n")
	if !ok {
		panic("generator/internal/namehash/namehash.go has no package clause")
	}
	return strings.TrimLeft(decls, "\n")
}
