// Command gatewaygen generates a Go package of Discord Gateway opcodes and
// dispatch events from the markdown documents that describe them.
//
// Run "gatewaygen help" for the commands, or see the README.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
