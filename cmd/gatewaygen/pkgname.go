package main

import (
	"fmt"
	gobuild "go/build"
	goparser "go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/gatewaygen/gatewaygen/internal/output"
)

// defaultPackage is the package name when nothing else says one.
const defaultPackage = "gateway"

// underGoGenerate reports whether gatewaygen runs from a go:generate
// directive, which sets $GOFILE and $GOPACKAGE.
func underGoGenerate() bool {
	return os.Getenv("GOFILE") != "" && os.Getenv("GOPACKAGE") != ""
}

// displayDir returns how messages name the folder dir: as given, except
// that under go generate, which runs gatewaygen in each directive's folder,
// a relative dir is named from the root of the module, which go.mod marks
// (internal/gateway rather than "."), so that the lines of
// "go generate ./..." say which package each is about. The module's root
// itself is named by the module's path, and a folder in no module by its
// absolute path.
func displayDir(dir string) string {
	if !underGoGenerate() || filepath.IsAbs(dir) {
		return dir
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return dir
	}
	for root := abs; ; {
		if gomod, err := os.ReadFile(filepath.Join(root, "go.mod")); err == nil {
			rel, err := filepath.Rel(root, abs)
			switch {
			case err != nil:
				return abs
			case rel == ".":
				if path := modulePath(gomod); path != "" {
					return path
				}
				return abs
			}
			return filepath.ToSlash(rel)
		}
		parent := filepath.Dir(root)
		if parent == root {
			return abs
		}
		root = parent
	}
}

// modulePath returns the module path that a go.mod file declares, or ""
// if it cannot tell.
func modulePath(gomod []byte) string {
	for line := range strings.Lines(string(gomod)) {
		fields := strings.Fields(line)
		if len(fields) < 2 || fields[0] != "module" {
			continue
		}
		if path, err := strconv.Unquote(fields[1]); err == nil {
			return path
		}
		return fields[1]
	}
	return ""
}

// relativeTo says what a relative path that was not found is relative to,
// under go generate, where that is not the user's shell's folder but the
// directive's; and "" otherwise.
func relativeTo(path string) string {
	if !underGoGenerate() || filepath.IsAbs(path) {
		return ""
	}
	return fmt.Sprintf(" (relative to %s, the folder of the go:generate directive in %s)", displayDir("."), os.Getenv("GOFILE"))
}

// A folderPackage is what the hand-written Go files of a folder say of
// their package.
type folderPackage struct {
	name string // the package they declare, or ""
	file string // the first file, by name, that declares it
	doc  string // the first file, by name, with the package's doc comment, or ""
}

// packageIn returns the package that the hand-written Go files in dir
// declare. Files gatewaygen generated do not count, since generate replaces
// them, nor do files the build ignores (//go:build ignore) or external test
// packages (name_test); nor, for the doc comment, test files, which go doc
// does not read. A folder whose files declare two packages is an error
// naming both files; a file whose package clause does not parse is left
// for the go command to report.
func packageIn(dir string) (folderPackage, error) {
	var pkg folderPackage
	entries, err := os.ReadDir(dir)
	if err != nil {
		return pkg, nil // no folder yet, or not one: output says so
	}
	fset := token.NewFileSet()
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") || !e.Type().IsRegular() {
			continue
		}
		if ok, err := gobuild.Default.MatchFile(dir, name); err != nil || !ok {
			continue
		}
		path := filepath.Join(dir, name)
		src, err := os.ReadFile(path)
		if err != nil {
			return folderPackage{}, err
		}
		if output.IsGenerated(src) {
			continue
		}
		f, err := goparser.ParseFile(fset, path, src, goparser.PackageClauseOnly|goparser.ParseComments)
		if err != nil || strings.HasSuffix(f.Name.Name, "_test") {
			continue
		}
		switch {
		case pkg.name == "":
			pkg.name, pkg.file = f.Name.Name, path
		case f.Name.Name != pkg.name:
			return folderPackage{}, fmt.Errorf("%s is package %s, but %s is package %s: a folder holds one package", pkg.file, pkg.name, path, f.Name.Name)
		}
		if pkg.doc == "" && f.Doc != nil && !strings.HasSuffix(name, "_test.go") {
			pkg.doc = path
		}
	}
	return pkg, nil
}

// choosePackage sets the package name that neither --package nor the
// configuration file gives: that of the files already in --out, else, when
// go generate runs gatewaygen for the directive's folder, $GOPACKAGE, else
// "gateway". A package given that differs from the package in --out is an
// error: generating it would put two package clauses in one folder and
// break the build. It also leaves the generated package doc out where a
// hand-written file already documents the package.
func (f *outputFlags) choosePackage() error {
	existing, err := packageIn(f.out)
	if err != nil {
		return fmt.Errorf("--out %s: %v", f.out, err)
	}
	// One doc comment is the package's; go doc and gopls show another
	// after it, and linters complain.
	f.cfg.NoPackageDoc = existing.doc != ""
	switch {
	case f.given("package"):
		if existing.name != "" && existing.name != f.cfg.Package {
			name := f.nameOf("package")
			return fmt.Errorf("%s %s: %s is package %s, and the generated files must be in the package of the folder: leave %s out, or give %s %s",
				f.setBy("package"), f.cfg.Package, existing.file, existing.name, name, name, existing.name)
		}
	case existing.name != "":
		f.cfg.Package = existing.name
	case underGoGenerate() && isWorkingDir(f.out):
		f.cfg.Package = os.Getenv("GOPACKAGE")
	default:
		f.cfg.Package = defaultPackage
	}
	return nil
}

// isWorkingDir reports whether dir is the folder gatewaygen runs in: under
// go generate, the directive's.
func isWorkingDir(dir string) bool {
	abs, err := filepath.Abs(dir)
	wd, werr := os.Getwd()
	return err == nil && werr == nil && abs == wd
}
