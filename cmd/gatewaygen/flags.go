package main

import (
	"strings"

	"github.com/spf13/pflag"
)

// listFlag is a repeatable string flag. It behaves as pflag's StringArray
// (each use adds one value) or, with commas set, as its StringSlice (each
// use adds comma-separated values), and reports the same type names, which
// help and shell completion go by.
//
// pflag's own list flags format their default value through encoding/csv
// as they are declared, which allocates a 4 KiB buffer a flag; every run
// declares the flags of every command, and those buffers were a twentieth
// of what a generate run allocates.
type listFlag struct {
	values *[]string
	commas bool
}

// addList declares a repeatable string flag on fs; see listFlag.
func addList(fs *pflag.FlagSet, values *[]string, name string, commas bool, usage string) {
	fs.Var(listFlag{values, commas}, name, usage)
}

func (l listFlag) Set(s string) error {
	if l.commas {
		*l.values = append(*l.values, strings.Split(s, ",")...)
	} else {
		*l.values = append(*l.values, s)
	}
	return nil
}

// String is "" for no values, which pflag takes for an empty default and
// leaves out of the help.
func (l listFlag) String() string { return strings.Join(*l.values, ",") }

func (l listFlag) Type() string {
	if l.commas {
		return "stringSlice"
	}
	return "stringArray"
}
