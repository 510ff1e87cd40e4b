package generator

import (
	"strings"

	"github.com/dave/jennifer/jen"
)

// This file holds what the emitters of every shape (codes.go, events.go,
// flags.go) emit the same way.

// article puts "a" or "an" before a noun.
func article(noun string) string {
	if strings.ContainsRune("aeiouAEIOU", rune(noun[0])) {
		return "an " + noun
	}
	return "a " + noun
}

// typeSubject starts a type's doc comment with its name: "An Opcode",
// "A CloseCode", and without an article a plural name, "Intents".
func typeSubject(typ string) string {
	if strings.HasSuffix(typ, "s") {
		return typ
	}
	a := article(typ)
	return strings.ToUpper(a[:1]) + a[1:]
}

// listFunc declares the function name, which returns the n constants of
// type typ that constAt gives, in that order; its doc comment is its name
// and what.
func listFunc(f *jen.File, name, typ string, n int, constAt func(i int) string, what string) {
	f.Add(doc(name + " " + what))
	f.Func().Id(name).Params().Index().Id(typ).Block(
		jen.Return(jen.Index().Id(typ).CustomFunc(multiLine, func(g *jen.Group) {
			for i := range n {
				g.Id(constAt(i))
			}
		})),
	)
}

// multiLine lays a composite literal out one element a line.
var multiLine = jen.Options{Open: "{", Close: "}", Separator: ",", Multi: true}

// guard declares stringer's compile-time check of n constants: editing a
// constant's value by hand makes check(i) non-zero, an array index out of
// range, so the build fails until the package is generated again.
func guard(f *jen.File, n int, check func(i int) jen.Code) {
	if n == 0 {
		return
	}
	f.Func().Id("_").Params().BlockFunc(func(g *jen.Group) {
		g.Comment(`An "invalid array index" compiler error signifies that the constant values have changed.`)
		g.Comment("Re-run gatewaygen to generate them again.")
		g.Var().Id("x").Index(jen.Lit(1)).Struct()
		for i := range n {
			g.Id("_").Op("=").Id("x").Index(check(i))
		}
	})
}
