package model

import (
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/chaff-dev/chaff/features"
)

// FuzzParse loads any bytes as a model: an error, or a model that scores
// a text to a number from 0 to 100. Seeds: the shipped model, cut and
// edited; regressions are kept in testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	f.Add(defaultJSON)
	f.Add(defaultJSON[:len(defaultJSON)/2])
	for _, s := range []string{"", "{}", `{"version":1}`, `{"version":1,"features":[{"id":"style.mattr","scale":1e-300,"coef":1e6}],"calibration":{"a":1e6},"thresholds":{"suspect":1,"flagged":1}}`} {
		f.Add([]byte(s))
	}
	doc := features.NewDocumentString(plainNewsText)
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := Parse(b, "fuzz.json")
		if err != nil {
			return
		}
		e := m.Explain(doc)
		if e.Scored() && (math.IsNaN(e.Score) || e.Score < 0 || e.Score > 100) {
			t.Fatalf("score %v", e.Score)
		}
	})
}

// FuzzExplain scores any text on the shipped model: every feature family,
// the language detector and the explanation, from 0 to 100.
func FuzzExplain(f *testing.F) {
	for _, glob := range []string{"../testdata/articles/*.txt", "../testdata/bad/*"} {
		paths, _ := filepath.Glob(glob)
		for _, p := range paths {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b)
			}
		}
	}
	f.Add([]byte(""))
	m, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		e := m.Explain(features.NewDocument(b))
		if e.Scored() && (math.IsNaN(e.Score) || e.Score < 0 || e.Score > 100) {
			t.Fatalf("score %v", e.Score)
		}
		for _, fd := range e.Findings {
			if math.IsNaN(fd.Weight) || math.IsInf(fd.Weight, 0) {
				t.Fatalf("finding %+v", fd)
			}
		}
	})
}
