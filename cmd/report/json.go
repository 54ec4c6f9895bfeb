package report

import (
	"bytes"
	"io"
)

// jsonReporter writes one JSON array of records (see Record.MarshalJSON), one
// record a line, on Close.
type jsonReporter struct {
	w    io.Writer
	sel  selector
	recs []Record
}

func newJSON(w io.Writer, o Options) *jsonReporter {
	return &jsonReporter{w: w, sel: selector{o: o}}
}

func (r *jsonReporter) Add(rec Record) error { return r.sel.add(rec, r.hold) }

func (r *jsonReporter) hold(rec Record) error {
	r.recs = append(r.recs, rec)
	return nil
}

func (r *jsonReporter) Close() error {
	if err := r.sel.flush(r.hold); err != nil {
		return err
	}
	if len(r.recs) == 0 {
		_, err := io.WriteString(r.w, "[]\n")
		return err
	}
	var b bytes.Buffer
	b.WriteString("[\n")
	for i, rec := range r.recs {
		j, err := rec.MarshalJSON()
		if err != nil {
			return err
		}
		b.WriteString("  ")
		b.Write(j)
		if i < len(r.recs)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString("]\n")
	_, err := r.w.Write(b.Bytes())
	return err
}
