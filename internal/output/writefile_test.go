package output

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestWriteFile(t *testing.T) {
	for _, tt := range []struct {
		name    string
		before  tree
		path    string
		data    string
		after   tree
		wantErr string
	}{
		{
			name:  "creates the file and its directory",
			path:  "docs/ref/gateway.md",
			data:  "new",
			after: tree{"docs": isDir, "docs/ref": isDir, "docs/ref/gateway.md": "new"},
		},
		{
			name:   "replaces a file, whoever wrote it",
			before: tree{"gateway.ts": "old"},
			path:   "gateway.ts",
			data:   "new",
			after:  tree{"gateway.ts": "new"},
		},
		{
			name:    "never clobbers a directory",
			before:  tree{"out/keep": "mine"},
			path:    "out",
			data:    "new",
			after:   tree{"out": isDir, "out/keep": "mine"},
			wantErr: "out is a directory; refusing to replace it",
		},
		{
			name:    "never replaces a symbolic link",
			before:  tree{"target.md": "mine", "link.md": "-> target.md"},
			path:    "link.md",
			data:    "new",
			after:   tree{"target.md": "mine", "link.md": "-> target.md"},
			wantErr: "link.md is a symbolic link; refusing to replace it",
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			makeTree(t, root, tt.before)
			err := WriteFile(filepath.Join(root, tt.path), []byte(tt.data))
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatal(err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Fatalf("error = %v, want %q", err, tt.wantErr)
			}
			diffTrees(t, readTree(t, root), tt.after)
		})
	}
}

func TestWriteFileKeepsModeAndTime(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gatewaygen.lock.json")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	past := time.Now().Add(-time.Hour).Truncate(time.Second)
	if err := os.Chtimes(path, past, past); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, []byte("old")); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(path); err != nil || !fi.ModTime().Equal(past) {
		t.Errorf("unchanged file was rewritten: %v, %v", fi.ModTime(), err)
	}
	if err := WriteFile(path, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v, %v; want 0600 kept", fi.Mode(), err)
	}
}

func TestWriteFileRenameFails(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.md")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	rename = func(string, string) error { return errors.New("disk on fire") }
	defer func() { rename = os.Rename }()
	if err := WriteFile(path, []byte("new")); err == nil {
		t.Fatal("WriteFile succeeded")
	}
	diffTrees(t, readTree(t, dir), tree{"out.md": "old"})
}

func TestDiffFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.json")
	if d, err := DiffFile(path, []byte("x\n")); err != nil || d != "--- /dev/null\ton disk\n+++ "+path+"\tas generated\n@@ -0,0 +1,1 @@\n+x\n" {
		t.Errorf("DiffFile(missing) = %q, %v", d, err)
	}
	if err := os.WriteFile(path, []byte("x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if d, err := DiffFile(path, []byte("x\n")); err != nil || d != "" {
		t.Errorf("DiffFile(same) = %q, %v", d, err)
	}
	if d, err := DiffFile(path, []byte("y\n")); err != nil || !strings.Contains(d, "-x\n+y\n") {
		t.Errorf("DiffFile(changed) = %q, %v", d, err)
	}
	if _, err := DiffFile(dir, nil); err == nil {
		t.Error("DiffFile(directory) succeeded")
	}
}
