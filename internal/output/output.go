// Package output puts gatewaygen's generated files on disk. It is the only
// code in gatewaygen that writes to or deletes from the output directory, so
// the rules for sharing that directory with the user live here:
//
//   - A file belongs to gatewaygen if and only if it carries gatewaygen's
//     "Code generated ... DO NOT EDIT." header (see [IsGenerated]).
//     Every other file, directory or symbolic link belongs to the user.
//     Write never overwrites or deletes one of those; if one is in the way,
//     Write refuses to run at all.
//   - Among the files gatewaygen owns, the directory ends up holding exactly
//     the ones generated now. Owned *.go files the current run did not
//     produce are output of an earlier run (say, before an output file was
//     renamed) and are deleted.
//   - Everything is checked before anything is written. New contents are
//     staged in temporary files in the directory and only then renamed into
//     place, so no reader ever sees a half-written file. If any step fails,
//     the files already changed are put back as they were. (If the process
//     dies part-way, each file is still either wholly old or wholly new.)
//   - Files whose contents are already right are not rewritten, so their
//     modification times do not trigger needless rebuilds.
//   - Only the directory itself is touched: never its subdirectories, never
//     anything a symbolic link in it points to.
//
// [Diff] reports what [Write] would do, as a unified diff, without writing.
//
// [WriteFile] and [DiffFile] do the same for a single file the user names,
// such as a rendered template or a lock file, which need not be Go.
package output

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Seams that let tests make Write fail part-way through committing.
var (
	rename = os.Rename
	remove = os.Remove // deletes stale files
)

// filePerm is the permission of files that do not exist yet. Files that do
// keep their permission bits, in case the user made them read-only, say.
const filePerm = 0o644

// Write makes dir hold exactly files, for the files gatewaygen owns.
// It creates dir if needed, writes the files that are new or changed,
// and deletes stale *.go files left over from earlier runs.
// On error, every file in dir is as it was before the call.
func Write(dir string, files []File) error {
	s, err := stage(dir, files)
	if err != nil {
		return err
	}
	return s.commit()
}

// A staged is the first half of a Write: the new contents are in temporary
// files beside their targets, and nothing visible has changed. Exactly one
// of commit and abort must follow.
type staged struct {
	dir        string
	createdDir bool // stage created dir, which abort removes if it is empty
	plan       *plan
	temps      []string // of plan.changes; "" for deletions
}

// stage checks that Write may do its job and writes the new contents to
// temporary files, creating dir if needed. It is where a full disk or a
// read-only file system shows up. On error, nothing is left behind.
func stage(dir string, files []File) (*staged, error) {
	p, err := makePlan(dir, files)
	if err != nil {
		return nil, err
	}
	s := &staged{dir: dir, plan: p, temps: make([]string, len(p.changes))}
	if p.missing {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, err
		}
		s.createdDir = true
	}
	for i, c := range p.changes {
		if c.stale {
			continue
		}
		if s.temps[i], err = writeTemp(filepath.Dir(c.path), c.new, c.perm); err != nil {
			s.abort()
			return nil, err
		}
	}
	return s, nil
}

// abort removes the temporary files, and dir if stage created it and it is
// empty, leaving everything as it was before stage.
func (s *staged) abort() {
	for i, t := range s.temps {
		if t != "" {
			os.Remove(t)
			s.temps[i] = ""
		}
	}
	if s.createdDir {
		os.Remove(s.dir) // only if empty: nothing else could have been there
	}
}

// The labels of a diff's sides, after a tab in its "---" and "+++" lines,
// where diff -u puts a time and patch tools expect it.
const (
	onDisk      = "\ton disk"
	asGenerated = "\tas generated"
)

// Diff compares what Write would do with what is on disk. It returns a
// unified diff (empty when dir is already up to date) naming files as
// dir/name, with /dev/null standing for a file to be created or deleted,
// and each side labelled "on disk" or "as generated". Diff fails wherever
// Write would, and never writes anything.
func Diff(dir string, files []File) (string, error) {
	p, err := makePlan(dir, files)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for _, c := range p.changes {
		oldName, newName := c.path, c.path
		if !c.existed {
			oldName = "/dev/null"
		}
		if c.stale {
			newName = "/dev/null"
		}
		b.WriteString(unifiedChange(oldName+onDisk, newName+asGenerated, c.old, c.new))
	}
	return b.String(), nil
}

// A plan is everything Write has to change in a directory, worked out
// before anything is touched.
type plan struct {
	missing bool     // the directory does not exist yet
	changes []change // sorted by path
}

// A change creates, replaces or deletes one file.
type change struct {
	path    string
	existed bool        // the file exists; old holds its contents
	stale   bool        // delete the file, left over from an earlier run
	old     []byte      // kept so that a failed Write can put the file back
	new     []byte      // the contents to write
	perm    fs.FileMode // for new, or for old when putting it back
}

// makePlan checks that Write may do its job and works out what that is.
// It reads but never writes.
func makePlan(dir string, files []File) (*plan, error) {
	if err := checkNames(files); err != nil {
		return nil, err
	}
	p := new(plan)
	switch fi, err := os.Stat(dir); {
	case errors.Is(err, fs.ErrNotExist):
		p.missing = true
	case err != nil:
		return nil, err
	case !fi.IsDir():
		return nil, fmt.Errorf("output directory %s exists and is not a directory", dir)
	}

	want := make(map[string]bool, len(files))
	for _, f := range files {
		want[f.Name] = true
		c := change{path: filepath.Join(dir, f.Name), new: f.Content, perm: filePerm}
		if !p.missing {
			old, perm, err := readTarget(c.path, f.Content)
			switch {
			case errors.Is(err, fs.ErrNotExist):
				// A new file.
			case err != nil:
				return nil, err
			case bytes.Equal(old, f.Content):
				continue
			default:
				c.existed, c.old, c.perm = true, old, perm
			}
		}
		p.changes = append(p.changes, c)
	}

	stale, err := staleFiles(dir, want)
	if err != nil {
		return nil, err
	}
	p.changes = append(p.changes, stale...)
	slices.SortFunc(p.changes, func(a, b change) int { return strings.Compare(a.path, b.path) })
	return p, nil
}

// checkNames reports whether the names of files can all be written side by
// side in one directory and nowhere else.
func checkNames(files []File) error {
	seen := make(map[string]bool, len(files))
	for _, f := range files {
		if f.Name == "" || f.Name == "." || f.Name == ".." || strings.ContainsAny(f.Name, `/\`) {
			return fmt.Errorf("invalid output file name %q: want a plain file name", f.Name)
		}
		if seen[f.Name] {
			return fmt.Errorf("duplicate output file name %q", f.Name)
		}
		seen[f.Name] = true
	}
	return nil
}

// readTarget returns the contents and permission bits of the file at path,
// which Write is to make hold content. It fails unless the file is a regular
// file that gatewaygen wrote or one that already holds content; the latter
// will be left alone, so whose it is does not matter. A symbolic link fails
// even if it points to such a file: following it could lead Write to write
// outside the output directory.
func readTarget(path string, content []byte) ([]byte, fs.FileMode, error) {
	const advice = "refusing to overwrite it (move it away or choose another --out)"
	data, perm, err := readRegular(path, advice)
	if err != nil {
		return nil, 0, err
	}
	if !bytes.Equal(data, content) && !IsGenerated(data) {
		return nil, 0, fmt.Errorf("%s exists and was not generated by gatewaygen; %s", path, advice)
	}
	return data, perm, nil
}

// staleFiles returns changes deleting the *.go files in dir that gatewaygen
// generated but that are not wanted any more. Only regular files qualify;
// os.ReadDir does not follow symbolic links, so a link is never stale.
func staleFiles(dir string, want map[string]bool) ([]change, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var stale []change
	for _, e := range entries {
		if want[e.Name()] || !strings.HasSuffix(e.Name(), ".go") || !e.Type().IsRegular() {
			continue
		}
		path := filepath.Join(dir, e.Name())
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		if !IsGenerated(data) {
			continue
		}
		fi, err := e.Info()
		if err != nil {
			return nil, err
		}
		stale = append(stale, change{path: path, existed: true, stale: true, old: data, perm: fi.Mode().Perm()})
	}
	return stale, nil
}

// commit makes the staged files visible: it renames the temporaries into
// place, which is atomic per file, and deletes stale files. If a step
// fails, the steps already done are undone, newest first, from the old
// contents kept in memory, and the temporaries are removed.
func (s *staged) commit() (err error) {
	p := s.plan
	defer func() {
		if err != nil {
			s.abort()
		}
	}()
	var undo []func() error
	defer func() {
		if err == nil {
			return
		}
		for _, u := range slices.Backward(undo) {
			if uerr := u(); uerr != nil {
				err = errors.Join(err, uerr)
			}
		}
	}()
	// Stale files go last, so that if a rename fails, the larger and likelier
	// failing step, there are no deleted files to recreate.
	for i, c := range p.changes {
		if c.stale {
			continue
		}
		if err := rename(s.temps[i], c.path); err != nil {
			return err
		}
		s.temps[i] = ""
		if c.existed {
			undo = append(undo, func() error { return restore(c.path, c.old, c.perm) })
		} else {
			undo = append(undo, func() error { return os.Remove(c.path) })
		}
	}
	for _, c := range p.changes {
		if !c.stale {
			continue
		}
		if err := remove(c.path); err != nil {
			return err
		}
		undo = append(undo, func() error { return restore(c.path, c.old, c.perm) })
	}
	return nil
}

// writeTemp writes data to a new temporary file in dir and returns its name.
func writeTemp(dir string, data []byte, perm fs.FileMode) (name string, err error) {
	f, err := os.CreateTemp(dir, ".gatewaygen-*.tmp")
	if err != nil {
		return "", err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if _, err := f.Write(data); err != nil {
		return "", err
	}
	// CreateTemp makes the file private (0o600); give it its final permission.
	if err := f.Chmod(perm); err != nil {
		return "", err
	}
	// No Sync: the rename is what makes the write atomic, for any reader
	// and against gatewaygen failing half-way. Durability across a power
	// cut is the file system's (ext4 and others flush data renamed over a
	// file), as it is for gofmt -w and the go command; an fsync a file
	// would double the time a go generate takes to write.
	if err := f.Close(); err != nil {
		return "", err
	}
	return f.Name(), nil
}

// restore puts a file back as it was before a failed Write. It writes in
// place rather than through a rename, since renaming may be what failed.
func restore(path string, data []byte, perm fs.FileMode) error {
	if err := os.WriteFile(path, data, perm); err != nil {
		return fmt.Errorf("restoring %s: %w", path, err)
	}
	// WriteFile applies the umask when it creates the file.
	if err := os.Chmod(path, perm); err != nil {
		return fmt.Errorf("restoring %s: %w", path, err)
	}
	return nil
}

// WriteFile makes the single file at path hold data, for outputs the user
// names file by file, such as a rendered template or a lock file. It writes
// to a temporary file next to path and renames it into place, so a reader
// never sees half a file, and it leaves a file that already holds data
// untouched. It creates the parent directory if needed and keeps the
// permission bits of a file it replaces. It refuses a path that is a
// directory, a symbolic link or anything but a regular file, rather than
// replace it.
func WriteFile(path string, data []byte) error {
	old, perm, err := readFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		perm = filePerm
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
	case err != nil:
		return err
	case bytes.Equal(old, data):
		return nil
	}
	temp, err := writeTemp(filepath.Dir(path), data, perm)
	if err != nil {
		return err
	}
	if err := rename(temp, path); err != nil {
		os.Remove(temp)
		return err
	}
	return nil
}

// DiffFile is Diff for WriteFile: a unified diff of what WriteFile would
// change, with /dev/null standing for a file to be created and the sides
// labelled as Diff labels them, or "".
func DiffFile(path string, data []byte) (string, error) {
	old, _, err := readFile(path)
	oldName := path
	switch {
	case errors.Is(err, fs.ErrNotExist):
		oldName = "/dev/null"
	case err != nil:
		return "", err
	case bytes.Equal(old, data):
		return "", nil
	}
	return unifiedChange(oldName+onDisk, path+asGenerated, old, data), nil
}

// unifiedChange is Unified for a file that changes, which has a header
// even when no line changed, as when an empty file is created.
func unifiedChange(oldName, newName string, old, new []byte) string {
	if d := Unified(oldName, newName, old, new); d != "" {
		return d
	}
	return fmt.Sprintf("--- %s\n+++ %s\n", oldName, newName)
}

// readFile returns the contents and permission bits of the regular file at
// path, failing with fs.ErrNotExist if there is none and refusing anything
// else that is there.
func readFile(path string) ([]byte, fs.FileMode, error) {
	return readRegular(path, "refusing to replace it")
}

// readRegular returns the contents and permission bits of the regular file
// at path. Anything else there (a symbolic link, which could lead a write
// outside the output directory, a directory, a device) is refused with an
// error that ends with advice.
func readRegular(path, advice string) ([]byte, fs.FileMode, error) {
	fi, err := os.Lstat(path)
	if err != nil {
		return nil, 0, err
	}
	switch mode := fi.Mode(); {
	case mode&fs.ModeSymlink != 0:
		return nil, 0, fmt.Errorf("%s is a symbolic link; %s", path, advice)
	case mode.IsDir():
		return nil, 0, fmt.Errorf("%s is a directory; %s", path, advice)
	case !mode.IsRegular():
		return nil, 0, fmt.Errorf("%s is not a regular file; %s", path, advice)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, 0, err
	}
	return data, fi.Mode().Perm(), nil
}
