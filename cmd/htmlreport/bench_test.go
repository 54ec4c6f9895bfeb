package htmlreport

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chaff-dev/chaff/cmd/input"
	"github.com/chaff-dev/chaff/cmd/internal/browser"
	"github.com/chaff-dev/chaff/model"
	"github.com/chromedp/chromedp"
)

// sample scores the repository's example documents once: the texts a
// large report is made of.
func sample(b *testing.B, long bool) []Doc {
	b.Helper()
	m, err := model.Default()
	if err != nil {
		b.Fatal(err)
	}
	var docs []Doc
	for _, dir := range []string{"../../testdata/articles", "../../testdata/check"} {
		err := input.Walk([]string{dir}, input.Options{}, func(it input.Item) error {
			if it.Err != nil {
				return it.Err
			}
			text := it.Text
			if long {
				// every view at the cap: the text repeated past MaxViewChars
				for len([]rune(string(text))) < MaxViewChars+1000 {
					text = append(append(text, '\n'), it.Text...)
				}
			}
			docs = append(docs, Doc{ID: it.ID, Path: it.Path, Text: text, Explanation: m.Explain(it.Document())})
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	return docs
}

// batch is n documents cycling through the sample, each with its own path
// and a score moved by up to ±10 points, so the table and histogram are
// those of a real batch.
func batch(base []Doc, n int) []Doc {
	out := make([]Doc, n)
	for i := range out {
		d := base[i%len(base)]
		e := *d.Explanation
		if e.Scored() {
			e.Score = min(max(e.Score+float64((i*7919)%201-100)/10, 0), 100)
		}
		name := fmt.Sprintf("crawl/%03d/%06d-%s", i/1000, i, filepath.Base(d.Path))
		out[i] = Doc{ID: name, Path: name, Text: d.Text, Explanation: &e}
	}
	return out
}

// BenchmarkReport100k writes the report of 100,000 documents (the default
// 1,000 views) and opens it in headless Chromium: MB is the file's size,
// write-s the time to write it, open-s the time from navigating to the
// page's script having rendered the table. "long" makes every view's text
// reach the MaxViewChars cap: the largest file the default views can make.
//
//	go test ./cmd/htmlreport -run '^$' -bench Report100k -benchtime 3x
func BenchmarkReport100k(b *testing.B) {
	for _, long := range []bool{false, true} {
		name := "articles"
		if long {
			name = "long"
		}
		b.Run(name, func(b *testing.B) {
			docs := batch(sample(b, long), 100_000)
			br := browser.Start(b)
			path := filepath.Join(b.TempDir(), "report.html")
			var write, open time.Duration
			var size int64
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				start := time.Now()
				f, err := os.Create(path)
				if err != nil {
					b.Fatal(err)
				}
				bw := bufio.NewWriter(f)
				w := New(bw, Options{Thresholds: model.Thresholds{Suspect: 86.3, Flagged: 95.7}})
				for _, d := range docs {
					if err := w.Add(d); err != nil {
						b.Fatal(err)
					}
				}
				if err := w.Close(); err != nil {
					b.Fatal(err)
				}
				if err := bw.Flush(); err != nil {
					b.Fatal(err)
				}
				if err := f.Close(); err != nil {
					b.Fatal(err)
				}
				write += time.Since(start)
				fi, _ := os.Stat(path)
				size = fi.Size()

				ctx, cancel := context.WithTimeout(br.Ctx, 60*time.Second)
				start = time.Now()
				err = chromedp.Do(ctx, chromedp.Navigate("file://"+path+"?"+fmt.Sprint(i)), chromedp.WaitReady(chromedp.CSS("html[data-ready]")))
				open += time.Since(start)
				if err != nil {
					cancel()
					b.Fatal(err)
				}
				rows, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById('count').textContent`))
				cancel()
				if err != nil || !strings.Contains(rows, "of 100000 documents") {
					b.Fatalf("the table says %q (%v)", rows, err)
				}
				if _, err := chromedp.Run(br.Ctx, chromedp.Navigate("about:blank")); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			if errs := br.Errors(); len(errs) > 0 {
				b.Errorf("console errors: %v", errs)
			}
			b.ReportMetric(float64(size)/(1<<20), "MB")
			b.ReportMetric(write.Seconds()/float64(b.N), "write-s")
			b.ReportMetric(open.Seconds()/float64(b.N), "open-s")
		})
	}
}
