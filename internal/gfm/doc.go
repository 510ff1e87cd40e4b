// Package gfm holds goldmark's GFM table, strikethrough and footnote
// extensions: table.go, strikethrough.go and footnote.go of
// github.com/yuin/goldmark/extension, at the version go.mod requires, with
// only the package clause changed. LICENSE is goldmark's.
//
// They are copied rather than imported because importing package extension
// runs all of its initialisers, and those of its linkify extension compile
// two regular expressions with {1,256} repetitions: 0.85 ms, a tenth of a
// whole gatewaygen run, in every run, for an extension gatewaygen does not
// use (see BENCHMARKS.md). The three extensions need nothing else from that
// package, and their AST nodes still come from goldmark's extension/ast.
//
// After upgrading goldmark, refresh the copies with go generate; the tests
// fail until they match the module's files. Should goldmark stop compiling
// regular expressions at init, this package can go.
package gfm

//go:generate go run copy.go
