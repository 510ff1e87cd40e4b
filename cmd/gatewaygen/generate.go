package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/gatewaygen/gatewaygen/generator"
	"github.com/gatewaygen/gatewaygen/internal/lockfile"
	"github.com/gatewaygen/gatewaygen/internal/output"
	"github.com/gatewaygen/gatewaygen/model"
)

func newGenerateCmd() *cobra.Command {
	var f outputFlags
	cmd := &cobra.Command{
		Use:   "generate",
		Short: "Generate the Go package from the specs",
		Long: `generate reads the specs, merges and validates them, and writes the Go
package to --out. It writes only after everything succeeded, each file
atomically, and it never touches a file it did not generate.

With --keep-removed FILE it also maintains a lock file recording every
entry of every table the package declares, and every field of its payload
structs. An entry or a field that disappears from the docs then stays in
the package, deprecated, until you drop it with --drop NAME (or TABLE:CODE,
or STRUCTURE.key for a field, such as User.avatar), so that a docs refresh
never breaks code that uses it; a renamed opcode keeps its old name as a
deprecated alias, dropped the same way; and every event keeps its value,
new events taking values never used before.
Commit the lock file next to the package.` + mergeHelp,
		Example: `  gatewaygen generate
  gatewaygen generate --config internal/gateway/gatewaygen.yaml
  gatewaygen generate --spec docs/gateway.md --spec docs/opcodes.mdx --out internal/gateway --package gateway
  gatewaygen generate --out internal/gateway --keep-removed internal/gateway/gatewaygen.lock.json
  gatewaygen generate --out internal/gateway --keep-removed internal/gateway/gatewaygen.lock.json --drop GUILD_SYNC`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			r, err := f.generate()
			if err != nil {
				return err
			}
			// The lock file goes first: if writing the package then fails, a
			// rerun still knows every entry the package is meant to keep.
			if r.lock != nil {
				if err := output.WriteFile(f.lockPath, r.lock); err != nil {
					return err
				}
			}
			if err := output.Write(f.out, r.files); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s: %s\n", displayDir(f.out), r.summary)
			return nil
		},
	}
	f.register(cmd)
	return cmd
}

// A result is what generate computes, and check compares with the disk.
type result struct {
	files   []output.File
	lock    []byte // the lock file's contents, or nil without --keep-removed
	summary string // for a status line
}

// generate runs the pipeline up to the files in memory.
func (f *outputFlags) generate() (*result, error) {
	if len(f.drop) > 0 && f.lockPath == "" {
		return nil, usageError{errors.New("--drop needs --keep-removed: only a lock file keeps entries to drop")}
	}
	if err := f.choosePackage(); err != nil {
		return nil, err
	}
	if err := f.checkConfig(); err != nil {
		return nil, err
	}
	spec, err := f.load()
	if err != nil {
		return nil, err
	}
	r := new(result)
	kept, aliases := 0, 0
	if f.lockPath != "" {
		lock, err := readLock(f.lockPath)
		if err != nil {
			return nil, err
		}
		if spec, err = lock.Keep(spec, f.drop); err != nil {
			return nil, lockError(err)
		}
		r.lock = lock.Record(spec).Marshal()
		kept = countEntries(spec, func(_, kept bool) bool { return kept })
		for _, op := range spec.Opcodes {
			aliases += len(op.Aliases)
		}
	}
	files, err := generator.Generate(spec, f.cfg)
	if err != nil {
		return nil, f.configError(err)
	}
	for _, file := range files {
		r.files = append(r.files, output.File{Name: file.Name, Content: file.Content})
	}
	from := plural(len(spec.Sources), "document")
	if len(f.specs) == 0 {
		from = "the built-in specs"
	}
	r.summary = tableCounts(spec, f.cfg.Only) + " from " + from
	switch {
	case kept > 0 && aliases > 0:
		r.summary += fmt.Sprintf(", %d of them and %s kept by %s", kept, plural(aliases, "old opcode name"), f.lockPath)
	case kept > 0:
		r.summary += fmt.Sprintf(", %d of them kept by %s", kept, f.lockPath)
	case aliases > 0:
		r.summary += fmt.Sprintf(", %s kept by %s", plural(aliases, "old opcode name"), f.lockPath)
	}
	return r, nil
}

// lockError phrases the errors of lockfile.Keep, which name no flag, in
// terms of the flags that resolve them.
func lockError(err error) error {
	var drop *lockfile.DropError
	var list lockfile.ErrorList
	switch {
	case errors.As(err, &drop):
		return fmt.Errorf("--drop %s: %v", drop.Name, drop)
	case errors.As(err, &list):
		errs := make(model.ErrorList, 0, len(list))
		for _, e := range list {
			msg := e.Msg + "; drop it with --drop " + e.Drop
			if e.KeepGoName != "" {
				msg += fmt.Sprintf(" (and keep its Go name with --name %s=%s if it is the same opcode renamed)", e.Wire, e.KeepGoName)
			}
			if e.Rename {
				msg += ", or choose another name with --name"
			}
			errs = append(errs, &model.Error{Pos: e.Pos, Msg: msg})
		}
		return errs
	}
	return err
}

// maxLockSize caps a lock file; a real one is a few kilobytes.
const maxLockSize = 16 << 20

// readLock reads the lock file at path. There is none before the first run
// with --keep-removed, which is not an error: it keeps nothing.
func readLock(path string) (*lockfile.File, error) {
	if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
		return &lockfile.File{Path: path}, nil
	}
	data, err := readInput(path, "--keep-removed takes a file", maxLockSize)
	if err != nil {
		return nil, err
	}
	return lockfile.Parse(path, data)
}

// countEntries counts the entries of every table of spec whose flags
// satisfy want, for status lines.
func countEntries(spec *model.Spec, want func(deprecated, kept bool) bool) int {
	n := 0
	for _, t := range model.Tables {
		for _, e := range t.Entries(spec) {
			if want(e.Deprecated, e.Kept) {
				n++
			}
		}
	}
	return n
}

// tableCounts says how many entries each table of spec has, for status
// lines: every table the specs have, alike, in the registry's order; when
// only is not nil, only those it lists, as generator.Config.Only.
func tableCounts(spec *model.Spec, only []string) string {
	var counts []string
	for _, t := range model.Tables {
		if n := t.Len(spec); n > 0 && (only == nil || slices.Contains(only, t.Key)) {
			counts = append(counts, plural(n, t.Singular))
		}
	}
	if n := len(spec.Structures); n > 0 && (only == nil || slices.Contains(only, model.StructuresKey)) {
		counts = append(counts, plural(n, "payload structure"))
	}
	if len(counts) == 0 {
		return "no entries"
	}
	return strings.Join(counts, ", ")
}
