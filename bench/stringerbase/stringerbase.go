// Package stringerbase is the baseline of the String benchmarks: the
// constants of package gateway with String methods written by stringer.
//
// Both files are generated; "make bench" runs go generate here first, so
// that the baseline follows the spec and stringer's pinned version.
package stringerbase

//go:generate go run ./mkconsts
//go:generate go run golang.org/x/tools/cmd/stringer@v0.52.0 -type Opcode,Event,Sender -linecomment -output string.go
