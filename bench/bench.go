// Package bench holds the benchmarks of the performance targets,
// each with its baseline in the same benchmark: see BENCHMARKS.md, and run
// "make bench".
package bench
