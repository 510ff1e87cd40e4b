package main

import (
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/gatewaygen/gatewaygen/internal/config"
)

// maxConfigSize caps a configuration file; a real one is a few hundred
// bytes.
const maxConfigSize = 1 << 20

// configKeys maps each flag that the configuration file can set to its key
// there, which is also the key of generator.ConfigError.
var configKeys = map[string]string{
	"spec":         "specs",
	"out":          "out",
	"package":      "package",
	"sender-type":  "sender_type",
	"initialisms":  "initialisms",
	"keep-removed": "keep_removed",
	"merge":        "merge",
	"opcode-type":  "tables.opcodes.type",
	"event-type":   "tables.events.type",
}

// flagOf returns the flag that sets the configuration file's key, or "".
func flagOf(key string) string {
	for flag, k := range configKeys {
		if k == key {
			return flag
		}
	}
	return ""
}

// registerConfig adds --config to cmd, which reads the file, if given,
// before the command runs.
func (f *inputFlags) registerConfig(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.configPath, "config", "", "a configuration file (gatewaygen.yaml) that holds these flags and the settings of each table; its paths are relative to its folder, and flags given on the command line override it")
	_ = cmd.MarkFlagFilename("config", "yaml", "yml")
	cmd.PreRunE = func(*cobra.Command, []string) error { return f.readConfig() }
}

// readConfig reads the file of --config, if any, and takes from it the
// settings of the spec-reading flags that the command line does not give:
// names and reconnect settings are taken entry by entry, and --name and
// --reconnect override those of the same key.
func (f *inputFlags) readConfig() error {
	if f.configPath == "" || f.file != nil {
		return nil
	}
	src, err := readInput(f.configPath, "--config takes a file", maxConfigSize)
	if err != nil {
		return err
	}
	if f.file, err = config.Parse(f.configPath, src); err != nil {
		return err
	}
	fromConfig(f, "spec", &f.specs, f.file.Specs)
	fromConfig(f, "initialisms", &f.initialisms, f.file.Initialisms)
	fromConfig(f, "merge", &f.merge, f.file.Merge)
	if f.nameOf("initialisms") != "--initialisms" {
		f.initialismsBy = f.setBy("initialisms")
	}
	f.configNames, f.configReconnect = f.file.Names, f.file.Reconnect
	return nil
}

// readConfig reads the file of --config, as inputFlags.readConfig does,
// and takes the settings of the output flags too, except the tables',
// which checkConfig takes. It replaces inputFlags.readConfig as the
// command's PreRunE.
func (f *outputFlags) readConfig() error {
	if err := f.inputFlags.readConfig(); err != nil || f.file == nil {
		return err
	}
	c := f.file
	// The package is beside its config unless the config says otherwise,
	// so that the config means one package wherever gatewaygen runs.
	if !c.Has("out") && !f.flags.Changed("out") {
		f.out = filepath.Dir(c.Path)
	}
	fromConfig(&f.inputFlags, "out", &f.out, c.Out)
	fromConfig(&f.inputFlags, "package", &f.cfg.Package, c.Package)
	fromConfig(&f.inputFlags, "sender-type", &f.cfg.SenderType, c.SenderType)
	fromConfig(&f.inputFlags, "keep-removed", &f.lockPath, c.KeepRemoved)
	return nil
}

// fromConfig sets *dst to the value the configuration file gives the
// setting of flag, unless the command line gives the flag, which wins.
func fromConfig[T any](f *inputFlags, flag string, dst *T, value T) {
	if f.file.Has(configKeys[flag]) && !f.flags.Changed(flag) {
		*dst = value
	}
}

// given reports whether the command line or the configuration file gives
// flag's setting.
func (f *inputFlags) given(flag string) bool {
	return f.flags.Changed(flag) || f.file != nil && f.file.Has(configKeys[flag])
}

// nameOf names the setting of flag as its user gave it: "--package", or
// "package" in the configuration file.
func (f *inputFlags) nameOf(flag string) string {
	if f.flags.Changed(flag) || f.file == nil || !f.file.Has(configKeys[flag]) {
		return "--" + flag
	}
	return configKeys[flag]
}

// setBy names what gave flag's setting, for messages: the flag, or the
// configuration file's key at its position ("gatewaygen.yaml:3:1: package").
func (f *inputFlags) setBy(flag string) string {
	name := f.nameOf(flag)
	if strings.HasPrefix(name, "--") {
		return name
	}
	return f.file.Pos(name).String() + ": " + name
}
