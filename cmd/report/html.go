package report

import (
	"io"

	"github.com/chaff-dev/chaff/cmd/htmlreport"
)

// htmlReporter writes one self-contained HTML page (see package
// htmlreport). It sorts and cuts to Top itself, from compact rows, so that
// it keeps the text of only the documents that get a view.
type htmlReporter struct {
	w *htmlreport.Writer
}

func newHTML(w io.Writer, o Options) *htmlReporter {
	return &htmlReporter{w: htmlreport.New(w, htmlreport.Options{
		Thresholds: o.Thresholds,
		Views:      o.Views,
		Sort:       o.Sort,
		Top:        o.Top,
	})}
}

func (r *htmlReporter) Add(rec Record) error {
	return r.w.Add(htmlreport.Doc{ID: rec.ID, Path: rec.Path, Text: rec.Text, Explanation: rec.Explanation, Error: rec.Error})
}

func (r *htmlReporter) Close() error { return r.w.Close() }
