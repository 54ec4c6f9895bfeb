package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvalPlot: chaff eval --plot DIR draws the three plots, as SVG and
// PNG, from labelled folders (the example articles, sorted by their names).
func TestEvalPlot(t *testing.T) {
	set := t.TempDir()
	entries, err := os.ReadDir(articles)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		class := "machine"
		if strings.HasPrefix(e.Name(), "human-") {
			class = "human"
		}
		if !strings.HasSuffix(e.Name(), ".txt") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(articles, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(set, class), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(set, class, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dir := filepath.Join(t.TempDir(), "plots")
	r := chaff(t, nil, "eval", "--plot", dir, set)
	if r.code != 0 || !strings.Contains(r.stdout, "AUROC") {
		t.Fatal(r)
	}
	for _, name := range []string{"roc", "histogram", "calibration"} {
		for _, ext := range []string{".svg", ".png"} {
			p := filepath.Join(dir, name+ext)
			if fi, err := os.Stat(p); err != nil || fi.Size() < 1000 {
				t.Errorf("%s: %v", p, err)
			}
			if !strings.Contains(r.stderr, p) {
				t.Errorf("stderr does not name %s: %s", p, r.stderr)
			}
		}
	}
	if r := chaff(t, nil, "eval", "--plot", dir, "--by-length", set); r.code != exitError {
		t.Errorf("--plot with --by-length: %v", r)
	}
}
