package bench

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/gatewaygen/gatewaygen/internal/synth"
)

// stringer is the pinned version of the baseline of BenchmarkGenerate, the
// same as bench/stringerbase's go:generate line.
const stringer = "golang.org/x/tools/cmd/stringer@v0.52.0"

// The binaries the process benchmarks run, built once a test binary, in
// toolsDir, which TestMain removes.
var (
	toolsOnce sync.Once
	toolsDir  string
	toolsErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if toolsDir != "" {
		os.RemoveAll(toolsDir)
	}
	os.Exit(code)
}

// tools builds gatewaygen from this module as make build does (without
// cgo, a static binary like stringer's) and installs stringer from the
// module proxy, and returns the directory that holds both.
func tools(b *testing.B) string {
	b.Helper()
	toolsOnce.Do(func() {
		toolsDir, toolsErr = os.MkdirTemp("", "gatewaygen-bench-")
		if toolsErr != nil {
			return
		}
		for _, args := range [][]string{
			{"build", "-o", filepath.Join(toolsDir, "gatewaygen"), "github.com/gatewaygen/gatewaygen/cmd/gatewaygen"},
			{"install", stringer},
		} {
			cmd := exec.Command("go", args...)
			cmd.Env = append(os.Environ(), "GOBIN="+toolsDir, "CGO_ENABLED=0")
			if out, err := cmd.CombinedOutput(); err != nil {
				toolsErr = fmt.Errorf("go %v: %v\n%s", args, err, out)
				return
			}
		}
	})
	if toolsErr != nil {
		b.Fatal(toolsErr)
	}
	return toolsDir
}

// run runs a command in dir and returns its resource usage.
func run(b *testing.B, dir, name string, args ...string) *os.ProcessState {
	b.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	out, err := cmd.CombinedOutput()
	if err != nil {
		b.Fatalf("%s %v: %v\n%s", filepath.Base(name), args, err, out)
	}
	return cmd.ProcessState
}

// BenchmarkGenerate times whole processes, as go generate runs them:
// gatewaygen generating the package from its embedded specs into a new
// directory, and stringer on that package, in a module of its own, for the
// same constants: every enumeration type gatewaygen generates (stringerTypes). It reports the median time of each (stringer-ns, gatewaygen-ns) and
// their ratio (speedup).
//
// Each iteration runs a block of each tool, so that the noise of a shared
// machine, which comes and goes over seconds, falls on both alike. The
// first run of a block is a warm-up, as hyperfine does for each command,
// and is not counted: the run after one of the other tool pays for what
// that one left behind (stringer runs the go command, which reads a few
// megabytes of export data and caches), about 0.6 ms here, which no run of
// go generate pays.
func BenchmarkGenerate(b *testing.B) {
	bin := tools(b)
	mod := b.TempDir()
	pkg := filepath.Join(mod, "gateway")
	if err := os.MkdirAll(pkg, 0o755); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(mod, "go.mod"), []byte("module example.com/gw\n\ngo 1.24\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	names, err := filepath.Glob(filepath.Join("..", "generated", "gateway", "*_gen.go"))
	if err != nil || len(names) == 0 {
		b.Fatalf("no generated files: %v", err)
	}
	for _, path := range names {
		name := filepath.Base(path)
		src, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(pkg, name), src, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	// Outside the package, which would otherwise have two String methods.
	stringerOut := filepath.Join(mod, "opcode_string.go")
	out := b.TempDir()
	runStringer := func() time.Duration {
		start := time.Now()
		run(b, pkg, filepath.Join(bin, "stringer"), "-type", stringerTypes, "-output", stringerOut)
		return time.Since(start)
	}
	i := 0
	runGatewaygen := func() time.Duration {
		i++
		start := time.Now()
		run(b, out, filepath.Join(bin, "gatewaygen"), "generate", "--out", strconv.Itoa(i))
		return time.Since(start)
	}
	var stringerTimes, gatewaygenTimes []time.Duration
	for b.Loop() {
		runStringer() // warm-up
		for range 2 {
			stringerTimes = append(stringerTimes, runStringer())
		}
		runGatewaygen() // warm-up
		for range 4 {
			gatewaygenTimes = append(gatewaygenTimes, runGatewaygen())
		}
	}
	s, g := median(stringerTimes), median(gatewaygenTimes)
	b.ReportMetric(float64(s.Nanoseconds()), "stringer-ns")
	b.ReportMetric(float64(g.Nanoseconds()), "gatewaygen-ns")
	b.ReportMetric(float64(s)/float64(g), "speedup")
}

// stringerTypes are the types of the default specs' package that hold
// constants with String methods, as stringer's -type flag lists them.
const stringerTypes = "Sender,Opcode,Event,CloseCode,VoiceOpcode,VoiceCloseCode,Intent"

// median returns the median of ds, which it sorts.
func median(ds []time.Duration) time.Duration {
	slices.Sort(ds)
	if n := len(ds); n%2 == 0 {
		return (ds[n/2-1] + ds[n/2]) / 2
	}
	return ds[len(ds)/2]
}

// BenchmarkGenerateScale times gatewaygen on synthetic specs of 1,000 and
// 10,000 events (and a tenth as many opcodes), whole processes, and reports
// their peak resident memory.
func BenchmarkGenerateScale(b *testing.B) {
	bin := tools(b)
	for _, events := range []int{1_000, 10_000} {
		b.Run(fmt.Sprintf("events=%d", events), func(b *testing.B) {
			dir := b.TempDir()
			spec := filepath.Join(dir, "synthetic.md")
			if err := os.WriteFile(spec, synth.Markdown(events, events/10), 0o644); err != nil {
				b.Fatal(err)
			}
			var peak int64
			i := 0
			for b.Loop() {
				i++
				ps := run(b, dir, filepath.Join(bin, "gatewaygen"), "generate", "--spec", spec, "--out", strconv.Itoa(i))
				peak = max(peak, maxRSS(ps))
			}
			if peak > 0 {
				b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
			}
		})
	}
}
