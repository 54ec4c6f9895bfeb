package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/chaff-dev/chaff/model"
	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
)

// tableReporter writes, on Close, a table with one row per record (PATH/ID,
// SCORE, VERDICT, TOP REASONS), sorted by score unless told otherwise, and a
// summary line that counts every record, shown or not.
type tableReporter struct {
	w    io.Writer
	sel  selector
	rows [][]string
	// counts over every record added
	total, flagged, suspect, clean, short, unsupported, errors int
}

func newTable(w io.Writer, o Options) *tableReporter {
	return &tableReporter{w: w, sel: selector{o: o}}
}

func (r *tableReporter) Add(rec Record) error {
	r.total++
	switch {
	case rec.Failed():
		r.errors++
	case rec.Explanation.Verdict == model.Flagged:
		r.flagged++
	case rec.Explanation.Verdict == model.Suspect:
		r.suspect++
	case rec.Explanation.Verdict == model.TooShort:
		r.short++
	case rec.Explanation.Verdict == model.Unsupported:
		r.unsupported++
	default:
		r.clean++
	}
	return r.sel.add(rec, r.row)
}

// label is what the PATH/ID column shows: the path for a file, and
// "path#id" for a record of a JSONL corpus with an id of its own or a WARC
// record with a target URI. A record whose id already names its file (a
// JSONL record's "path:line", a WARC record's "path#N") shows that id alone:
// the path written twice only widens the column.
func label(rec Record) string {
	if rec.ID == "" || rec.ID == rec.Path || strings.HasPrefix(rec.ID, rec.Path+":") || strings.HasPrefix(rec.ID, rec.Path+"#") || rec.Path == "" {
		if rec.ID == "" {
			return rec.Path
		}
		return rec.ID
	}
	return rec.Path + "#" + rec.ID
}

func (r *tableReporter) row(rec Record) error {
	if rec.Failed() {
		// the row names the input: the reason goes where the reasons go,
		// without the path the message repeats, so the table stays narrow.
		reason := strings.TrimPrefix(oneLine(rec.errorText()), rec.Path+": ")
		r.rows = append(r.rows, []string{label(rec), "-", "error", "-", reason})
		return nil
	}
	e := rec.Explanation
	reasons := strings.Join(topRules(e, r.sel.o.Reasons), ", ")
	if reasons == "" {
		reasons = "-"
	}
	sc := "-"
	if e.Scored() {
		sc = score(e.Score)
	}
	lang := "-"
	if e.Language != "" {
		lang = fmt.Sprintf("%s %.2f", e.Language, e.LanguageConfidence)
	}
	r.rows = append(r.rows, []string{label(rec), sc, string(e.Verdict), lang, reasons})
	return nil
}

func (r *tableReporter) Close() error {
	if err := r.sel.flush(r.row); err != nil {
		return err
	}
	if len(r.rows) > 0 {
		t := NewTable(r.w,
			tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: []tw.Align{tw.AlignLeft, tw.AlignRight, tw.AlignLeft, tw.AlignLeft, tw.AlignLeft}}),
		)
		t.Header("PATH/ID", "SCORE", "VERDICT", "LANG", "TOP REASONS")
		if err := t.Bulk(r.rows); err != nil {
			return err
		}
		if err := t.Render(); err != nil {
			return err
		}
	}
	summary := fmt.Sprintf("%d %s: %d flagged, %d suspect, %d clean, ",
		r.total, plural(r.total, "document", "documents"), r.flagged, r.suspect, r.clean)
	if r.short > 0 {
		summary += fmt.Sprintf("%d too short to score, ", r.short)
	}
	if r.unsupported > 0 {
		summary += fmt.Sprintf("%d in an unsupported language, ", r.unsupported)
	}
	summary += fmt.Sprintf("%d %s", r.errors, plural(r.errors, "error", "errors"))
	if shown := len(r.rows) - r.errors; r.sel.o.Top > 0 && shown < r.total-r.errors {
		summary += fmt.Sprintf(" (top %d shown)", shown)
	}
	_, err := fmt.Fprintln(r.w, summary)
	return err
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// oneLine keeps an error message on one table line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
