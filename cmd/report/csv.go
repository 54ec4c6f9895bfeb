package report

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
)

// csvHeader is the first row of the CSV format.
var csvHeader = []string{"id", "path", "score", "verdict", "language", "language_confidence", "top_rules", "error"}

// csvReporter writes one row per record, as records come unless sorted by
// score. top_rules lists the rules with the largest total finding weight,
// separated by ";"; score and verdict are empty on error rows.
type csvReporter struct {
	w      *csv.Writer
	sel    selector
	header bool
}

func newCSV(w io.Writer, o Options) *csvReporter {
	return &csvReporter{w: csv.NewWriter(w), sel: selector{o: o}}
}

func (r *csvReporter) Add(rec Record) error { return r.sel.add(rec, r.write) }

func (r *csvReporter) Close() error {
	if err := r.sel.flush(r.write); err != nil {
		return err
	}
	return r.writeHeader()
}

func (r *csvReporter) writeHeader() error {
	if r.header {
		return nil
	}
	r.header = true
	return r.flush(csvHeader)
}

func (r *csvReporter) write(rec Record) error {
	if err := r.writeHeader(); err != nil {
		return err
	}
	row := []string{rec.ID, rec.Path, "", "", "", "", "", ""}
	if rec.Failed() {
		row[7] = rec.errorText()
	} else {
		e := rec.Explanation
		if e.Scored() {
			row[2] = score(e.Score)
		}
		row[3] = string(e.Verdict)
		row[4] = e.Language
		row[5] = strconv.FormatFloat(e.LanguageConfidence, 'f', -1, 64)
		row[6] = strings.Join(topRules(e, r.sel.o.Reasons), ";")
	}
	return r.flush(row)
}

// flush writes a row through at once, so that the CSV streams.
func (r *csvReporter) flush(row []string) error {
	if err := r.w.Write(row); err != nil {
		return err
	}
	r.w.Flush()
	return r.w.Error()
}
