//go:build !linux

package bench

import "os"

// maxRSS returns 0: the unit of Rusage.Maxrss differs between systems, and
// the figures in BENCHMARKS.md are from Linux.
func maxRSS(*os.ProcessState) int64 { return 0 }
