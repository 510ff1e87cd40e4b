// Command gatewaygen generates a Go package of Discord Gateway opcodes and
// dispatch events from the markdown documents that describe them.
//
// Run "gatewaygen help" for the commands, or see the README.
package main

import (
	"os"
	"runtime/debug"
)

// memoryLimit is the soft limit of the heap unless GOMEMLIMIT sets another.
// On a spec of 100,000 events the markdown parser's syntax tree alone is
// some 200 MB, and the collector's default pacing let the process grow to
// 350 MB; with the limit it collects more often instead, near the end of
// parsing, and stays under 300 MB. Real specs never come near it.
const memoryLimit = 256 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
