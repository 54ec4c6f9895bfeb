package features

import (
	"os"
	"path/filepath"
	"testing"
)

// exampleTexts are the project's own example articles, the benchmarks' input.
func exampleTexts(b testing.TB) (texts [][]byte, size int64) {
	paths, _ := filepath.Glob(filepath.Join("..", "testdata", "articles", "*.txt"))
	if len(paths) == 0 {
		b.Fatal("no example articles")
	}
	for _, p := range paths {
		t, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, t)
		size += int64(len(t))
	}
	return texts, size
}

// BenchmarkExtract measures the whole feature pass per stage: building the
// Document (normalising, tokenising, splitting), the template lexicons
// (phrases with the discriminative weights, and sentence shapes), and the
// whole catalogue, without and with Release:
//
//	go test ./features -run '^$' -bench Extract -benchmem -cpu 1
func BenchmarkExtract(b *testing.B) {
	texts, size := exampleTexts(b)
	stages := []struct {
		name string
		run  func(d *Document)
	}{
		{"document", func(d *Document) {}},
		{"phrases", func(d *Document) { lexiconScores(d.Prose()) }},
		{"shapes", func(d *Document) { shapeLexicon.NetPer100(d.Prose().ShapeWords()) }},
		{"catalogue", func(d *Document) { Extract(d) }},
		// as chaff score runs it: each document's buffers handed on to the next
		{"catalogue-release", func(d *Document) { Extract(d); d.Release() }},
	}
	for _, s := range stages {
		b.Run(s.name, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for n := 0; n < b.N; n++ {
				for _, t := range texts {
					d := NewDocument(t)
					d.ForceLanguage("eng")
					s.run(d)
				}
			}
		})
	}
}

// BenchmarkOneLinePage measures the catalogue on a scraped page of 200 KB on
// one line (a minified or flattened page) with a finding in every
// sentence: stuffed keywords, placeholders, chatbot preambles. Columns were
// counted from the line's start for every finding, and the placeholder
// rule read the line again for each slot, so such a page took minutes at
// 1.5 MB:
//
//	go test ./features -run '^$' -bench OneLinePage -benchmem -cpu 1
func BenchmarkOneLinePage(b *testing.B) {
	var page []byte
	for len(page) < 200_000 {
		page = append(page, "Best cheap running shoes for [Your Name] at [Company Name]. Sure! Here is a rewritten version of the best cheap running shoes. "...)
	}
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for n := 0; n < b.N; n++ {
		d := NewDocument(page)
		d.ForceLanguage("eng")
		Extract(d)
	}
}
