package input

import (
	"path/filepath"
	"testing"
)

func TestSize(t *testing.T) {
	root := t.TempDir()
	write(t, root, map[string]string{
		"a.txt":           "12345",
		"b.pdf":           "not read",
		".hidden.txt":     "hidden",
		"sub/c.md":        "123",
		"drafts/skip.txt": "excluded",
		"d.jsonl":         "1234567890",
	})
	for _, tc := range []struct {
		name  string
		paths []string
		o     Options
		want  int64
		ok    bool
	}{
		{"folder", []string{root}, Options{Exclude: []string{"drafts"}}, 5 + 3 + 10, true},
		{"include", []string{root}, Options{Include: []string{"*.md"}}, 3, true},
		{"explicit file", []string{filepath.Join(root, "b.pdf")}, Options{}, 8, true},
		{"missing", []string{filepath.Join(root, "nope.txt"), filepath.Join(root, "a.txt")}, Options{}, 5, true},
		{"stdin", []string{"-"}, Options{}, 0, false},
	} {
		got, ok := Size(tc.paths, tc.o)
		if got != tc.want || ok != tc.ok {
			t.Errorf("%s: Size = %d, %v; want %d, %v", tc.name, got, ok, tc.want, tc.ok)
		}
	}
}
