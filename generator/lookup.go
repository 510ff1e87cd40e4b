package generator

import (
	_ "embed"
	"fmt"
	"sync"

	"github.com/dave/jennifer/jen"
)

// A lookup finds a wire name among a table's: a Parse function, from a
// name to its constant, or, for events that are strings, the info method,
// from an event to what the spec says of it. Where the generator finds a
// perfect hash of the names (see phash.go), as for every real spec, it
// computes the name's key (see namehash.go), reads the one slot its hash
// gives, and compares the key there; else it is a switch, which the
// compiler turns into a binary search.
type lookup struct {
	// fn is the Parse function, or the info method of a receiver of type
	// typ.
	fn, typ string
	method  bool
	// rows is the table of the names and what each gives: the constant
	// (value) for a Parse function, the fields of info, a struct, for a
	// method. slots is the perfect hash's table of indexes into rows.
	rows, slots string
	info        string // the type of rows' elements, for a method
	doc         []string
	notFound    jen.Code // what a Parse function returns for a name the spec lacks
	entries     []lookupName
	hash        *hashTable // nil: a switch
}

// A lookupName is a name a lookup knows and what it gives: the constant,
// for a Parse function, or the fields of its row but the key and the name,
// for an info method.
type lookupName struct {
	name   string
	value  jen.Code
	fields []jen.Code
}

// newParse returns the lookup of a Parse function fn, which returns the
// constant of type typ of a name, or notFound.
func newParse(fn, typ, rows, slots string, names []string, values []jen.Code, notFound jen.Code, doc []string) *lookup {
	entries := make([]lookupName, len(names))
	for i, name := range names {
		entries[i] = lookupName{name: name, value: values[i]}
	}
	return &lookup{fn: fn, typ: typ, rows: rows, slots: slots, doc: doc, notFound: notFound, entries: entries, hash: newHashTable(names)}
}

// newInfoMethod returns the lookup of the method info of type typ, a
// string type, which returns a pointer to the element of rows, of type
// info, of the receiver's name, or nil.
func newInfoMethod(typ, rows, slots, info string, entries []lookupName, doc []string) *lookup {
	names := make([]string, len(entries))
	for i, e := range entries {
		names[i] = e.name
	}
	return &lookup{fn: "info", typ: typ, method: true, rows: rows, slots: slots, info: info, doc: doc, entries: entries, hash: newHashTable(names)}
}

// declsOf lists what the lookup declares in the package's scope, whose
// names derive from the setting key, for a table of the given noun.
func (l *lookup) declsOf(key, noun string) []decl {
	ds := []decl{
		{l.rows, key, "the table of the " + noun + "' names"},
		{l.slots, key, "the hash table of the " + noun + "' names"},
	}
	if !l.method {
		ds = append([]decl{{l.fn, key, "the function that parses the " + noun + "' names"}}, ds...)
	}
	return ds
}

// signature starts the declaration of the function: a Parse function of a
// name, or a method whose receiver is the name.
func (l *lookup) signature(f *jen.File) *jen.Statement {
	if l.method {
		return f.Func().Params(jen.Id("e").Id(l.typ)).Id(l.fn).Params().Op("*").Id(l.info)
	}
	return f.Func().Id(l.fn).Params(jen.Id("name").String()).Params(jen.Id(l.typ), jen.Bool())
}

// notFoundReturn returns the statement that returns for a name that is not
// in the table.
func (l *lookup) notFoundReturn() jen.Code {
	if l.method {
		return jen.Return(jen.Nil())
	}
	return jen.Return(l.notFound, jen.False())
}

func (l *lookup) emit(f *jen.File) {
	f.Add(doc(l.doc...))
	if l.hash == nil {
		l.signature(f).BlockFunc(func(g *jen.Group) {
			name := jen.Id("name")
			if l.method {
				name = jen.Id("e")
			}
			if len(l.entries) > 0 {
				g.Switch(name).BlockFunc(func(g *jen.Group) {
					for i, e := range l.entries {
						if l.method {
							g.Case(jen.Lit(e.name)).Block(jen.Return(jen.Op("&").Id(l.rows).Index(jen.Lit(i))))
						} else {
							g.Case(jen.Lit(e.name)).Block(jen.Return(e.value, jen.True()))
						}
					}
				})
			}
			g.Add(l.notFoundReturn())
		})
		if l.method {
			l.emitRows(f)
		}
		return
	}
	h := l.hash
	// The function computes the key of the name, reads the one slot its
	// hash gives, and compares the key there; only a name longer than a
	// key holds is compared as a string too.
	k, e, name := jen.Id("k"), jen.Id("e"), jen.Id("name")
	if l.method {
		e = jen.Id("in")
	}
	n := func() *jen.Statement { return k.Clone().Dot("n") }
	l.signature(f).BlockFunc(func(g *jen.Group) {
		if l.method {
			g.Id("name").Op(":=").String().Call(jen.Id("e"))
		}
		// keyOf, written out (see namehash.go): the tests of the
		// generated packages, which look up every name and its near
		// misses, fail if the two ever differ.
		g.Var().Add(k.Clone()).Id("nameKey")
		g.Add(n().Op("=").Len(name.Clone()))
		g.If(n().Op("<").Lit(8)).Block(
			k.Clone().Dot("a").Op("=").Id("shortWord").Call(name.Clone()),
		).Else().Block(
			jen.List(k.Clone().Dot("a"), k.Clone().Dot("b"), k.Clone().Dot("c")).Op("=").List(
				jen.Id("load64").Call(name.Clone(), jen.Lit(0)),
				jen.Id("load64").Call(name.Clone(), jen.Parens(n().Op("-").Lit(8)).Op("/").Lit(2)),
				jen.Id("load64").Call(name.Clone(), n().Op("-").Lit(8)),
			),
		)
		g.If(
			jen.Id("i").Op(":=").Id(l.slots).Index(k.Clone().Dot("hash").Call().Op("*").Op(fmt.Sprintf("%#x", h.seed)).Op(">>").Lit(64-h.bits)),
			jen.Id("i").Op(">").Lit(0),
		).Block(
			jen.If(
				e.Clone().Op(":=").Op("&").Id(l.rows).Index(jen.Id("i").Op("-").Lit(1)),
				e.Clone().Dot("key").Op("==").Add(k.Clone()).Op("&&").Parens(n().Op("<=").Lit(24).Op("||").Add(e.Clone()).Dot("name").Op("==").Add(name.Clone())),
			).BlockFunc(func(g *jen.Group) {
				if l.method {
					g.Return(e.Clone())
				} else {
					g.Return(e.Clone().Dot("value"), jen.True())
				}
			}),
		)
		g.Add(l.notFoundReturn())
	})
	l.emitRows(f)
	f.Add(doc("init fills in the keys of " + l.rows + ", which " + l.caller() + " compares."))
	f.Func().Id("init").Params().Block(
		jen.For(jen.Id("i").Op(":=").Range().Id(l.rows)).Block(
			jen.Id(l.rows).Index(jen.Id("i")).Dot("key").Op("=").Id("keyOf").Call(jen.Id(l.rows).Index(jen.Id("i")).Dot("name")),
		),
	)
	elem := jen.Uint8()
	if len(l.entries) >= 1<<8 {
		elem = jen.Uint16()
	}
	f.Add(doc(
		l.slots+" holds the index in "+l.rows+", plus one, of each name at the slot",
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

// caller names the function that reads the rows, for comments.
func (l *lookup) caller() string {
	if l.method {
		return l.typ + "." + l.fn
	}
	return l.fn
}

// emitRows declares the table of the names and what each gives.
func (l *lookup) emitRows(f *jen.File) {
	var elem jen.Code
	if l.method {
		withKey := "."
		if l.hash != nil {
			withKey = ", with its key once init has run."
		}
		f.Add(doc(l.rows + " describes each name " + l.caller() + " knows, in spec order" + withKey))
		elem = jen.Id(l.info)
	} else {
		f.Add(doc(l.rows + " are the names " + l.fn + " knows, with their values" + l.keysOnce()))
		fields := []jen.Code{jen.Id("name").String(), jen.Id("value").Id(l.typ)}
		if l.hash != nil {
			fields = append([]jen.Code{jen.Id("key").Id("nameKey")}, fields...)
		}
		elem = jen.Struct(fields...)
	}
	f.Var().Id(l.rows).Op("=").Index(jen.Op("...")).Add(elem).CustomFunc(multiLine, func(g *jen.Group) {
		for _, e := range l.entries {
			fields := e.fields
			if !l.method {
				fields = []jen.Code{jen.Id("value").Op(":").Add(e.value)}
			}
			g.Values(append([]jen.Code{jen.Id("name").Op(":").Lit(e.name)}, fields...)...)
		}
	})
}

// keysOnce ends the sentence of the rows' doc comment: where they hold
// keys, that init fills them in.
func (l *lookup) keysOnce() string {
	if l.hash == nil {
		return "."
	}
	return " and, once init has run, their keys."
}

// namehashSource is the file whose declarations the Parse functions' hash
// uses, which the generator calls too.
//
//go:embed internal/namehash/namehash.go
var namehashSource string

// hashSource returns the declarations of namehash.go, to copy into a
// generated package. (So namehash.go imports nothing.)
func hashSource() string { return verbatimCode(namehashSource, "namehash") }

// hashDecls lists the names namehash.go declares in the package's scope,
// which a generated package that has them cannot declare again.
var hashDecls = sync.OnceValue(func() []string { return verbatimDecls(namehashSource, "namehash") })
