package model

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chaff-dev/chaff/features"
)

// BenchmarkExplain scores the example articles, with language detection
// and with the language forced (no detection), to show what detection
// costs:
//
//	go test ./model -run '^$' -bench Explain -cpu 1
func BenchmarkExplain(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	paths, _ := filepath.Glob(filepath.Join("..", "testdata", "articles", "*.txt"))
	var texts [][]byte
	size := 0
	for _, p := range paths {
		t, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, t)
		size += len(t)
	}
	for _, mode := range []string{"detect", "forced"} {
		b.Run(mode, func(b *testing.B) {
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for n := 0; n < b.N; n++ {
				for _, t := range texts {
					d := features.NewDocument(t)
					if mode == "forced" {
						d.ForceLanguage("eng")
					}
					m.Explain(d)
				}
			}
		})
	}
}
