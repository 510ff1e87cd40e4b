package main

import (
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// TestListFlags checks that the repeatable flags are pflag's StringArray
// (--spec, --name, --drop: one value a use, commas and all) and StringSlice
// (--initialisms: comma-separated), and stay out of the help's defaults.
func TestListFlags(t *testing.T) {
	var f outputFlags
	cmd := &cobra.Command{Use: "t"}
	f.register(cmd)
	args := []string{"--spec", "a,b.md", "--initialisms", "SKU,DM", "--spec=c.md", "--initialisms", "NSFW",
		"--name", "A=B", "--name", "C=D", "--drop", "X,Y", "--drop", "Z"}
	if err := cmd.ParseFlags(args); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		flag      string
		got, want []string
	}{
		{"--spec", f.specs, []string{"a,b.md", "c.md"}},
		{"--initialisms", f.initialisms, []string{"SKU", "DM", "NSFW"}},
		{"--name", f.names, []string{"A=B", "C=D"}},
		{"--drop", f.drop, []string{"X,Y", "Z"}},
	} {
		if !slices.Equal(tt.got, tt.want) {
			t.Errorf("%s: got %q, want %q", tt.flag, tt.got, tt.want)
		}
	}
	fresh := &cobra.Command{Use: "t"}
	new(outputFlags).register(fresh)
	help := fresh.Flags().FlagUsages()
	for _, want := range []string{"--spec stringArray", "--initialisms strings", "--name stringArray", "--drop stringArray"} {
		if !strings.Contains(help, want) {
			t.Errorf("help lacks %q:\n%s", want, help)
		}
	}
	if strings.Contains(help, "(default []") {
		t.Errorf("help shows a default for an empty list:\n%s", help)
	}
}
