package main

import (
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestReadmeDirectiveAndCheck runs the README's go:generate directive as go
// generate would, in a module laid out as the README says, then its CI
// check line from where it says: they must agree, and pin no version that
// does not exist.
func TestReadmeDirectiveAndCheck(t *testing.T) {
	readme := readFile(t, "../../README.md")
	directive := regexp.MustCompile("(?m)^//go:generate go tool gatewaygen (generate .*)$").FindStringSubmatch(readme)
	check := regexp.MustCompile(`(?m)^cd (\S+) && go tool gatewaygen (check .*)$`).FindStringSubmatch(readme)
	file := regexp.MustCompile("such as `([^`]+/generate\\.go)`").FindStringSubmatch(readme)
	if directive == nil || check == nil || file == nil {
		t.Fatalf("README lacks the directive (%q), the check line (%q) or the directive's file (%q)", directive, check, file)
	}
	if strings.Contains(readme, "@v0.") {
		t.Error("README pins a version, and no tag exists")
	}
	if dir := filepath.Dir(file[1]); dir != check[1] {
		t.Errorf("the directive is in %s, but the check line runs in %s", dir, check[1])
	}
	if g, c := strings.TrimPrefix(directive[1], "generate"), strings.TrimPrefix(check[2], "check"); g != c {
		t.Errorf("the directive's flags %q differ from the check's %q", g, c)
	}

	spec, err := os.ReadFile("../../specs/gateway.md")
	if err != nil {
		t.Fatal(err)
	}
	module := t.TempDir()
	pkg := filepath.Join(module, filepath.FromSlash(check[1]))
	writeFiles(t, map[string]string{
		filepath.Join(module, "docs", "gateway.md"):        string(spec),
		filepath.Join(module, filepath.FromSlash(file[1])): "package gateway\n\n//go:generate go tool gatewaygen " + directive[1] + "\n",
	})
	t.Chdir(pkg)
	t.Setenv("GOFILE", "generate.go")
	t.Setenv("GOPACKAGE", "gateway")
	mustRun(t, strings.Fields(directive[1])...)
	os.Unsetenv("GOFILE")
	os.Unsetenv("GOPACKAGE")
	mustRun(t, strings.Fields(check[2])...)
}

// TestReadmeConfig runs the README's configuration as its section says: the
// directive in the config's folder under go generate, check from the
// module's root; the package must build. The official docs' pages are
// the parser's fixtures of them.
func TestReadmeConfig(t *testing.T) {
	readme := readFile(t, "../../README.md")
	section, _, _ := strings.Cut(readme[strings.Index(readme, "\n## Configuration\n"):], "\n## The command\n")
	yaml := regexp.MustCompile("(?s)```yaml\n(.*?)```").FindStringSubmatch(section)
	file := regexp.MustCompile("say\n`([^`]+/gatewaygen\\.yaml)`").FindStringSubmatch(section)
	directive := regexp.MustCompile("(?m)^//go:generate go tool gatewaygen (generate .*)$").FindStringSubmatch(section)
	check := regexp.MustCompile("(?m)^go tool gatewaygen (check .*)$").FindStringSubmatch(section)
	if yaml == nil || file == nil || directive == nil || check == nil {
		t.Fatalf("the Configuration section lacks the config (%q), its file (%q), the directive (%q) or the check line (%q)", yaml, file, directive, check)
	}
	module := t.TempDir()
	pkg := filepath.Join(module, filepath.FromSlash(path.Dir(file[1])))
	writeFiles(t, map[string]string{
		filepath.Join(module, "go.mod"):                               "module example.com/lib\n\ngo 1.24\n",
		filepath.Join(module, "docs", "opcodes-and-status-codes.mdx"): readFile(t, "../../parser/testdata/opcodes-and-status-codes.mdx"),
		filepath.Join(module, "docs", "gateway.mdx"):                  readFile(t, "../../parser/testdata/gateway-intents.mdx"),
		filepath.Join(module, "docs", "gateway-events.mdx"):           readFile(t, "../../parser/testdata/official-gateway.mdx"),
		filepath.Join(module, filepath.FromSlash(file[1])):            yaml[1],
		filepath.Join(pkg, "generate.go"):                             "package gateway\n\n//go:generate go tool gatewaygen " + directive[1] + "\n",
	})
	t.Chdir(pkg)
	t.Setenv("GOFILE", "generate.go")
	t.Setenv("GOPACKAGE", "gateway")
	mustRun(t, strings.Fields(directive[1])...)
	os.Unsetenv("GOFILE")
	os.Unsetenv("GOPACKAGE")
	t.Chdir(module)
	mustRun(t, strings.Fields(check[1])...)
	build := exec.Command("go", "vet", "./...")
	build.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	if out, err := build.CombinedOutput(); err != nil {
		t.Errorf("go vet of the package the README's config generates: %v\n%s", err, out)
	}
}
