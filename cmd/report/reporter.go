package report

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/chaff-dev/chaff/model"
)

// Reporter receives records in input order and writes them in one format.
// Streaming formats write each record as it is added; the others write on
// Close. Close must be called once, after the last Add.
type Reporter interface {
	Add(Record) error
	Close() error
}

// Options shape a report.
type Options struct {
	// Sort is "score" (highest first, ties by id; error records last) or
	// "input" (the order records were added). Empty means "score" for the
	// table and "input" for the other formats.
	Sort string
	// Top keeps only the first Top scored records after sorting; error
	// records are always kept. 0 keeps everything.
	Top int
	// Reasons is how many rules the table's TOP REASONS and the CSV's
	// top_rules column list; 0 means 3.
	Reasons int
	// Thresholds are the model's, drawn on the html format's histogram.
	Thresholds model.Thresholds
	// Views caps the html format's per-document views (0: its default).
	Views int
}

// Sort orders.
const (
	SortScore = "score"
	SortInput = "input"
)

// Formats are the formats New accepts, the default first.
var Formats = []string{"table", "json", "jsonl", "csv", "html"}

// DefaultReasons is how many rules a row names when Options.Reasons is 0.
const DefaultReasons = 3

// New returns a Reporter writing format to w.
func New(format string, w io.Writer, o Options) (Reporter, error) {
	switch o.Sort {
	case "", SortScore, SortInput:
	default:
		return nil, fmt.Errorf("unknown sort order %q (want %s or %s)", o.Sort, SortScore, SortInput)
	}
	if o.Top < 0 {
		return nil, fmt.Errorf("top must be 0 (all) or more, not %d", o.Top)
	}
	if o.Reasons < 0 {
		return nil, fmt.Errorf("reasons must be 0 (default %d) or more, not %d", DefaultReasons, o.Reasons)
	}
	if o.Reasons == 0 {
		o.Reasons = DefaultReasons
	}
	if o.Sort == "" {
		o.Sort = SortInput
		if format == "table" || format == "html" {
			o.Sort = SortScore
		}
	}
	switch format {
	case "table":
		return newTable(w, o), nil
	case "json":
		return newJSON(w, o), nil
	case "jsonl":
		return newJSONL(w, o), nil
	case "csv":
		return newCSV(w, o), nil
	case "html":
		return newHTML(w, o), nil
	}
	return nil, fmt.Errorf("unknown format %q (want one of %s)", format, strings.Join(Formats, ", "))
}

// selector applies Sort and Top. In input order it passes records straight
// through (streaming); sorted by score it holds them until flush.
type selector struct {
	o      Options
	held   []Record
	scored int
}

// add passes r to emit now, or holds it for flush.
func (s *selector) add(r Record, emit func(Record) error) error {
	if s.o.Sort == SortScore {
		s.held = append(s.held, r)
		return nil
	}
	if !r.Failed() {
		s.scored++
		if s.o.Top > 0 && s.scored > s.o.Top {
			return nil
		}
	}
	return emit(r)
}

// flush emits the held records, sorted and cut to Top.
func (s *selector) flush(emit func(Record) error) error {
	recs := s.held
	s.held = nil
	sortByScore(recs)
	n := 0
	for _, r := range recs {
		if !r.Failed() {
			n++
			if s.o.Top > 0 && n > s.o.Top {
				continue
			}
		}
		if err := emit(r); err != nil {
			return err
		}
	}
	return nil
}

// sortByScore orders records by score, highest first, ties by id then path;
// texts too short to score follow, error records come last.
func sortByScore(recs []Record) {
	sort.SliceStable(recs, func(i, j int) bool {
		a, b := recs[i], recs[j]
		if a.Failed() != b.Failed() {
			return !a.Failed()
		}
		if !a.Failed() {
			// texts too short to score come after the scored ones
			if sa, sb := a.Explanation.Scored(), b.Explanation.Scored(); sa != sb {
				return sa
			}
			if a.Explanation.Score != b.Explanation.Score {
				return a.Explanation.Score > b.Explanation.Score
			}
		}
		if a.ID != b.ID {
			return a.ID < b.ID
		}
		return a.Path < b.Path
	})
}
