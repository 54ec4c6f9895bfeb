package report

import (
	"io"
)

// jsonlReporter writes one JSON object per line (see Record.MarshalJSON), as
// records come unless sorted by score.
type jsonlReporter struct {
	w   io.Writer
	sel selector
}

func newJSONL(w io.Writer, o Options) *jsonlReporter {
	return &jsonlReporter{w: w, sel: selector{o: o}}
}

func (r *jsonlReporter) Add(rec Record) error { return r.sel.add(rec, r.write) }

func (r *jsonlReporter) Close() error { return r.sel.flush(r.write) }

func (r *jsonlReporter) write(rec Record) error {
	b, err := rec.MarshalJSON()
	if err != nil {
		return err
	}
	_, err = r.w.Write(append(b, '\n'))
	return err
}
