// Command ratios reads the output of the benchmarks of package bench and
// prints each performance budget: the medians of the
// generated code and of its baseline, their ratio, the limit, and whether
// the run met it. Medians, because the machines the figures come from are
// noisy; benchstat gives their confidence intervals.
//
// Usage:
//
//	go run ./bench/ratios bench.out...
package main

import (
	"bufio"
	"fmt"
	"log"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
)

// A key names a benchmark without its -GOMAXPROCS suffix, in a package.
type key struct{ pkg, name string }

// results holds every value of every unit of every benchmark.
type results map[key]map[string][]float64

// benchLine matches a result line: name, iterations, then value-unit pairs.
var benchLine = regexp.MustCompile(`^(Benchmark\S+?)(?:-\d+)?\s+\d+\s+(.*)$`)

func read(files []string) (results, error) {
	r := make(results)
	for _, file := range files {
		f, err := os.Open(file)
		if err != nil {
			return nil, err
		}
		pkg := ""
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			line := sc.Text()
			if p, ok := strings.CutPrefix(line, "pkg: "); ok {
				pkg = p
				continue
			}
			m := benchLine.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			k := key{pkg, m[1]}
			if r[k] == nil {
				r[k] = make(map[string][]float64)
			}
			fields := strings.Fields(m[2])
			for i := 0; i+1 < len(fields); i += 2 {
				v, err := strconv.ParseFloat(fields[i], 64)
				if err != nil {
					continue
				}
				r[k][fields[i+1]] = append(r[k][fields[i+1]], v)
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// median returns the median of a unit of a benchmark, and whether there is
// any value.
func (r results) median(pkg, name, unit string) (float64, bool) {
	vs := slices.Clone(r[key{pkg, name}][unit])
	if len(vs) == 0 {
		return 0, false
	}
	slices.Sort(vs)
	if n := len(vs); n%2 == 0 {
		return (vs[n/2-1] + vs[n/2]) / 2, true
	}
	return vs[len(vs)/2], true
}

const (
	benchPkg = "github.com/gatewaygen/gatewaygen/bench"
)

// A target compares the medians of two benchmarks, or checks one median
// against an absolute limit when base is empty.
type target struct {
	what      string
	pkg       string
	base, gen string // benchmark names
	// The units compared, ns/op if empty. A benchmark that runs the
	// baseline and gatewaygen in turn reports each in a unit of its own.
	baseUnit, unit string
	limit          float64
	zeroAllocs     bool
}

var targets = []target{
	{what: "1. ParseEvent vs map", pkg: benchPkg, base: "BenchmarkParseEvent/impl=map", gen: "BenchmarkParseEvent/impl=gatewaygen", limit: 0.5, zeroAllocs: true},
	{what: "1. ParseOpcode vs map", pkg: benchPkg, base: "BenchmarkParseOpcode/impl=map", gen: "BenchmarkParseOpcode/impl=gatewaygen", limit: 0.5, zeroAllocs: true},
	{what: "2. Opcode.String vs stringer", pkg: benchPkg, base: "BenchmarkOpcodeString/impl=stringer", gen: "BenchmarkOpcodeString/impl=gatewaygen", limit: 1, zeroAllocs: true},
	{what: "2. Event.String vs stringer", pkg: benchPkg, base: "BenchmarkEventString/impl=stringer", gen: "BenchmarkEventString/impl=gatewaygen", limit: 1, zeroAllocs: true},
	{what: "2. Sender.String vs stringer", pkg: benchPkg, base: "BenchmarkSenderString/impl=stringer", gen: "BenchmarkSenderString/impl=gatewaygen", limit: 1, zeroAllocs: true},
	{what: "3. generate vs stringer, same types", pkg: benchPkg, base: "BenchmarkGenerate", baseUnit: "stringer-ns", gen: "BenchmarkGenerate", unit: "gatewaygen-ns", limit: 1.0 / 3},
	{what: "3. generate, default specs", pkg: benchPkg, gen: "BenchmarkGenerate", unit: "gatewaygen-ns", limit: 30e6},
	{what: "4. generate, 10,000 events", pkg: benchPkg, gen: "BenchmarkGenerateScale/events=10000", unit: "ns/op", limit: 2e9},
	{what: "4. peak memory, 10,000 events", pkg: benchPkg, gen: "BenchmarkGenerateScale/events=10000", unit: "peak-MB", limit: 300},
	{what: "4. time 10,000 / 1,000 events", pkg: benchPkg, base: "BenchmarkGenerateScale/events=1000", gen: "BenchmarkGenerateScale/events=10000", limit: 12},
	{what: "5. EventType.IsKnown (strings) vs map", pkg: benchPkg, base: "BenchmarkEventTypeIsKnown/impl=map", gen: "BenchmarkEventTypeIsKnown/impl=gatewaygen", limit: 0.5, zeroAllocs: true},
	{what: "5. EventType.Intents (strings) vs map", pkg: benchPkg, base: "BenchmarkEventTypeIntents/impl=map", gen: "BenchmarkEventTypeIntents/impl=gatewaygen", limit: 0.5, zeroAllocs: true},
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("ratios: ")
	if len(os.Args) < 2 {
		log.Fatal("usage: ratios bench.out...")
	}
	r, err := read(os.Args[1:])
	if err != nil {
		log.Fatal(err)
	}
	w := tabwriter.NewWriter(os.Stdout, 0, 8, 2, ' ', 0)
	fmt.Fprintln(w, "target\tbaseline\tgatewaygen\tratio\tlimit\tallocs/op\tmet")
	for _, t := range targets {
		unit := t.unit
		if unit == "" {
			unit = "ns/op"
		}
		gen, ok := r.median(t.pkg, t.gen, unit)
		if !ok {
			fmt.Fprintf(w, "%s\t\t(not run)\t\t\t\t\n", t.what)
			continue
		}
		allocs := ""
		if t.zeroAllocs {
			a, _ := r.median(t.pkg, t.gen, "allocs/op")
			allocs = strconv.FormatFloat(a, 'f', -1, 64)
		}
		met := func(ok bool) string {
			if t.zeroAllocs && allocs != "0" {
				ok = false
			}
			if ok {
				return "yes"
			}
			return "NO"
		}
		if t.base == "" {
			fmt.Fprintf(w, "%s\t\t%s\t\t< %s\t%s\t%s\n", t.what, format(gen, unit), format(t.limit, unit), allocs, met(gen < t.limit))
			continue
		}
		baseUnit := t.baseUnit
		if baseUnit == "" {
			baseUnit = "ns/op"
		}
		base, ok := r.median(t.pkg, t.base, baseUnit)
		if !ok {
			fmt.Fprintf(w, "%s\t(not run)\t%s\t\t\t\t\n", t.what, format(gen, unit))
			continue
		}
		ratio := gen / base
		fmt.Fprintf(w, "%s\t%s\t%s\t%.3f\t≤ %.3g\t%s\t%s\n", t.what, format(base, unit), format(gen, unit), ratio, t.limit, allocs, met(ratio <= t.limit))
	}
	w.Flush()
}

// format writes a median in its unit, durations with three significant
// digits or so.
func format(v float64, unit string) string {
	if unit != "ns/op" && !strings.HasSuffix(unit, "-ns") {
		return strconv.FormatFloat(v, 'f', 1, 64) + " " + strings.TrimPrefix(unit, "peak-")
	}
	switch {
	case v < 1e3:
		return fmt.Sprintf("%.1fns", v)
	case v < 1e6:
		return fmt.Sprintf("%.2fµs", v/1e3)
	case v < 1e9:
		return fmt.Sprintf("%.2fms", v/1e6)
	}
	return fmt.Sprintf("%.3fs", v/1e9)
}
