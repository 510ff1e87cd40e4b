package main

import (
	"fmt"
	gobuild "go/build"
	goparser "go/parser"
	"go/token"
	"os"
	"path/filepath"
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

// packageIn returns the package that the hand-written Go files in dir
// declare, and the first file (by name) that declares it, or "" if there is
// none. Files gatewaygen generated do not count, since generate replaces
// them, nor do files the build ignores (//go:build ignore) or external test
// packages (name_test). A folder whose files declare two packages is an
// error naming both files; a file whose package clause does not parse is
// left for the go command to report.
func packageIn(dir string) (pkg, file string, err error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", "", nil // no folder yet, or not one: output says so
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
			return "", "", err
		}
		if output.IsGenerated(src) {
			continue
		}
		f, err := goparser.ParseFile(fset, path, src, goparser.PackageClauseOnly)
		if err != nil || strings.HasSuffix(f.Name.Name, "_test") {
			continue
		}
		switch {
		case pkg == "":
			pkg, file = f.Name.Name, path
		case f.Name.Name != pkg:
			return "", "", fmt.Errorf("%s is package %s, but %s is package %s: a folder holds one package", file, pkg, path, f.Name.Name)
		}
	}
	return pkg, file, nil
}

// choosePackage sets the package name that --package does not give: that
// of the files already in --out, else, when go generate runs gatewaygen
// for the directive's folder, $GOPACKAGE, else "gateway". A --package that
// differs from the package in --out is an error: generating it would put
// two package clauses in one folder and break the build.
func (f *outputFlags) choosePackage() error {
	existing, file, err := packageIn(f.out)
	if err != nil {
		return fmt.Errorf("--out %s: %v", f.out, err)
	}
	switch {
	case f.flags.Changed("package"):
		if existing != "" && existing != f.cfg.Package {
			return fmt.Errorf("--package %s: %s is package %s, and the generated files must be in the package of the folder: leave --package out, or give --package %s",
				f.cfg.Package, file, existing, existing)
		}
	case existing != "":
		f.cfg.Package = existing
	case underGoGenerate() && !f.flags.Changed("out"):
		f.cfg.Package = os.Getenv("GOPACKAGE")
	default:
		f.cfg.Package = defaultPackage
	}
	return nil
}
