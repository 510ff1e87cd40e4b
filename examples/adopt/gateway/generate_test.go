package gateway_test

import (
	"bufio"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestGeneratedUpToDate runs "gatewaygen check" with the flags of the
// generate directive in generate.go, read from the file so that the two
// cannot disagree: it fails if a generated file is not what go generate
// would write from gatewaygen.yaml and the docs it names. It runs gatewaygen
// as "go tool", from the package's folder, as go generate does.
func TestGeneratedUpToDate(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs gatewaygen")
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command:", err)
	}
	args := generateArgs(t, "generate.go")
	cmd := exec.Command(goCmd, append([]string{"tool", "gatewaygen", "check"}, args...)...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s\nRun go generate ./... to update the package.", strings.Join(cmd.Args, " "), err, out)
	}
}

// generateArgs returns the flags of the file's gatewaygen generate directive.
func generateArgs(t *testing.T, file string) []string {
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	const prefix = "//go:generate go tool gatewaygen generate "
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if flags, ok := strings.CutPrefix(sc.Text(), prefix); ok {
			return strings.Fields(flags)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	t.Fatalf("%s has no %q directive", file, prefix)
	return nil
}
