package main

import (
	"slices"
	"strings"
	"testing"

	"github.com/spf13/pflag"
)

// TestListFlag checks that list flags keep pflag's StringArray and
// StringSlice behaviour, and stay out of the help's defaults.
func TestListFlag(t *testing.T) {
	var array, slice []string
	fs := pflag.NewFlagSet("t", pflag.ContinueOnError)
	addList(fs, &array, "spec", false, "a spec")
	addList(fs, &slice, "initialisms", true, "initialisms")
	args := []string{"--spec", "a,b.md", "--initialisms", "SKU,DM", "--spec=c.md", "--initialisms", "NSFW"}
	if err := fs.Parse(args); err != nil {
		t.Fatal(err)
	}
	if want := []string{"a,b.md", "c.md"}; !slices.Equal(array, want) {
		t.Errorf("--spec: got %q, want %q", array, want)
	}
	if want := []string{"SKU", "DM", "NSFW"}; !slices.Equal(slice, want) {
		t.Errorf("--initialisms: got %q, want %q", slice, want)
	}
	fresh := pflag.NewFlagSet("t", pflag.ContinueOnError)
	addList(fresh, new([]string), "spec", false, "a spec")
	addList(fresh, new([]string), "initialisms", true, "initialisms")
	help := fresh.FlagUsages()
	for _, want := range []string{"--spec stringArray", "--initialisms strings"} {
		if !strings.Contains(help, want) {
			t.Errorf("help lacks %q:\n%s", want, help)
		}
	}
	if strings.Contains(help, "default") {
		t.Errorf("help shows a default for an empty list:\n%s", help)
	}
}
