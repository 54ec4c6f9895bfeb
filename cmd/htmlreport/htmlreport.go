// Package htmlreport writes scored documents as one self-contained HTML
// file: a summary (documents by verdict, a histogram of scores with the
// thresholds drawn, the rules that fire most), a table of every document
// (sortable, filterable by verdict and rule, searchable by path) and a view
// per document with its text and every finding highlighted in its
// category's colour. CSS, script and charts are inline: the file needs no
// network and works from file://.
//
// Document text is escaped as it is written, and a Content-Security-Policy
// lets only the report's own script run (by its hash), so a document
// holding <script> or onerror= shows as text and runs nothing.
//
// For large batches the table holds every document (paged by the script)
// and the per-document views are capped: Options.Views documents get one
// (flagged first, then suspect, then the rest, each by score), and each
// view shows at most MaxViewChars characters of text. The file is then
// bounded by about 120 bytes a table row plus Views × (MaxViewChars plus
// markup).
package htmlreport

import (
	"bufio"
	"container/heap"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"math"
	"sort"
	"strconv"

	"github.com/chaff-dev/chaff/features"
	"github.com/chaff-dev/chaff/model"
)

// Doc is one document of the report: a scored document (Explanation set)
// or the reason it could not be scored (Error set).
type Doc struct {
	ID, Path    string
	Text        []byte // the document as read, for its view; nil for none
	Explanation *model.Explanation
	Error       string
}

func (d Doc) failed() bool { return d.Error != "" || d.Explanation == nil }

// Options shape a report.
type Options struct {
	// Title heads the page; empty means "chaff report".
	Title string
	// Thresholds are the model's, drawn on the histogram.
	Thresholds model.Thresholds
	// Views is how many documents get a view with their highlighted text;
	// 0 means DefaultViews, a negative number none.
	Views int
	// Sort is the table's first order: "score" (highest first; the
	// default) or "input". The reader can re-sort it.
	Sort string
	// Top keeps only the first Top scored documents in that order (errors
	// are always kept); 0 keeps all.
	Top int
}

// DefaultViews is how many per-document views a report holds by default.
const DefaultViews = 1000

// MaxViewChars is the most characters of a document's text a view shows;
// findings past the cut are listed under it.
const MaxViewChars = 20000

//go:embed assets/report.css
var css string

//go:embed assets/report.js
var script string

// Writer collects documents and writes the report on Close. It holds a
// compact row per document and the text of at most Views documents.
type Writer struct {
	w     io.Writer
	o     Options
	rows  []row
	views viewHeap
	rules ruleIndex
}

// row is what the table needs of a document.
type row struct {
	id, path string
	score    float64
	scored   bool
	verdict  string // a model verdict, or "error"
	findings int
	rules    []int // rule indices, heaviest first
	err      string
	view     bool
	vrank    rank
}

// New returns a Writer that writes the report to w on Close.
func New(w io.Writer, o Options) *Writer {
	if o.Views == 0 {
		o.Views = DefaultViews
	}
	if o.Views < 0 {
		o.Views = 0
	}
	if o.Sort == "" {
		o.Sort = "score"
	}
	if o.Title == "" {
		o.Title = "chaff report"
	}
	return &Writer{w: w, o: o, rules: newRuleIndex()}
}

// Add records one document.
func (w *Writer) Add(d Doc) error {
	i := len(w.rows)
	r := row{id: d.ID, path: d.Path}
	if d.failed() {
		r.verdict = "error"
		r.err = d.Error
		if r.err == "" {
			r.err = "no result"
		}
		w.rows = append(w.rows, r)
		return nil
	}
	e := d.Explanation
	r.verdict = string(e.Verdict)
	r.scored = e.Scored()
	r.score = finite(e.Score)
	r.findings = len(e.Findings)
	r.rules = w.rules.rulesOf(e.Findings)
	r.vrank = rank{verdict: verdictRank(e.Verdict), scored: r.scored, score: r.score, index: i}
	w.rows = append(w.rows, r)
	if w.o.Views > 0 && d.Text != nil {
		c := &candidate{rank: r.vrank, doc: d}
		if w.views.Len() < w.o.Views {
			heap.Push(&w.views, c)
		} else if w.views[0].rank.less(c.rank) {
			w.views[0] = c
			heap.Fix(&w.views, 0)
		}
	}
	return nil
}

// Close writes the report.
func (w *Writer) Close() error {
	order := w.order()
	views := make([]*candidate, len(w.views))
	copy(views, w.views)
	sort.Slice(views, func(i, j int) bool { return views[j].rank.less(views[i].rank) })
	kept := map[int]bool{}
	for _, i := range order {
		kept[i] = true
	}
	var shown []*candidate
	for _, v := range views {
		if kept[v.rank.index] {
			w.rows[v.rank.index].view = true
			shown = append(shown, v)
		}
	}

	bw := bufio.NewWriterSize(w.w, 1<<16)
	sum := summarize(w.rows, order, w.rules, w.o.Thresholds)
	hash := sha256.Sum256([]byte(script))
	csp := "default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-" + base64.StdEncoding.EncodeToString(hash[:]) + "'; base-uri 'none'; form-action 'none'"
	title := html.EscapeString(w.o.Title)
	fmt.Fprintf(bw, `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="%s">
<meta name="referrer" content="no-referrer">
<title>%s</title>
<style>%s</style>
</head>
<body>
<div id="main">
<header><h1>%s</h1><p class="sub">%s</p></header>
`, csp, title, css, title, html.EscapeString(sum.line()))
	sum.write(bw)
	bw.WriteString(`<section id="docs" aria-label="documents">
<h2>Documents</h2>
<div class="controls">
<label>Verdict <select id="f-verdict"><option value="">all</option>`)
	for _, v := range verdictNames {
		if sum.verdicts[v] > 0 {
			fmt.Fprintf(bw, `<option value="%s">%s (%d)</option>`, v, v, sum.verdicts[v])
		}
	}
	bw.WriteString(`</select></label>
<label>Rule <select id="f-rule"><option value="">any</option>`)
	for _, rc := range sum.ruleCounts {
		fmt.Fprintf(bw, `<option value="%s">%s (%d)</option>`, html.EscapeString(rc.rule), html.EscapeString(rc.rule), rc.docs)
	}
	bw.WriteString(`</select></label>
<label>Path <input id="f-search" type="search" placeholder="search path or id" autocomplete="off"></label>
<button type="button" id="f-clear">clear</button>
</div>
<p id="count" class="count" aria-live="polite"></p>
<div class="tablewrap"><table id="table">
<thead><tr><th data-sort="i" class="num"><button type="button">#</button></th><th data-sort="path"><button type="button">path / id</button></th><th data-sort="score" class="num"><button type="button">score</button></th><th data-sort="verdict"><button type="button">verdict</button></th><th data-sort="findings" class="num"><button type="button">findings</button></th><th class="reasons">top reasons</th></tr></thead>
<tbody id="rows"></tbody>
</table></div>
<nav class="pager"><button type="button" id="prev">&larr; previous</button> <span id="page"></span> <button type="button" id="next">next &rarr;</button></nav>
`)
	if len(shown) < sum.scoredOrShort() {
		fmt.Fprintf(bw, `<p class="note">%d of %d documents have a view with their text (the highest ranked: flagged, then suspect, then the rest, each by score; chaff report --views N changes the cap).</p>`+"\n", len(shown), sum.scoredOrShort())
	}
	bw.WriteString("</section>\n</div>\n")

	for _, v := range shown {
		writeView(bw, v.rank.index, v.doc, w.rules, sum)
	}

	bw.WriteString(`<div id="tip" role="tooltip" hidden></div>
<script type="application/json" id="data">`)
	if err := w.writeData(bw, order); err != nil {
		return err
	}
	bw.WriteString("</script>\n<script>")
	bw.WriteString(script)
	bw.WriteString("</script>\n</body>\n</html>\n")
	return bw.Flush()
}

// order is the table's first order: indices of the rows kept.
func (w *Writer) order() []int {
	idx := make([]int, len(w.rows))
	for i := range idx {
		idx[i] = i
	}
	if w.o.Sort == "score" {
		sort.SliceStable(idx, func(a, b int) bool {
			x, y := w.rows[idx[a]], w.rows[idx[b]]
			xf, yf := x.verdict == "error", y.verdict == "error"
			if xf != yf {
				return !xf
			}
			if !xf {
				if x.scored != y.scored {
					return x.scored
				}
				if x.score != y.score {
					return x.score > y.score
				}
			}
			if x.id != y.id {
				return x.id < y.id
			}
			return x.path < y.path
		})
	}
	if w.o.Top <= 0 {
		return idx
	}
	out := idx[:0:0]
	n := 0
	for _, i := range idx {
		if w.rows[i].verdict != "error" {
			n++
			if n > w.o.Top {
				continue
			}
		}
		out = append(out, i)
	}
	return out
}

// writeData writes the table's rows and the rule dictionary as JSON. Go's
// encoder escapes <, > and &, so no text can close the script element.
//
//	{"rules":[[id,category,description],...],
//	 "rows":[[index,path,id (or ""),score (null: none),verdict,findings,[rule indices],view (0/1),error],...]}
func (w *Writer) writeData(bw *bufio.Writer, order []int) error {
	bw.WriteString(`{"thresholds":[`)
	bw.WriteString(num(w.o.Thresholds.Suspect) + "," + num(w.o.Thresholds.Flagged))
	bw.WriteString(`],"rules":[`)
	for i, r := range w.rules.list {
		if i > 0 {
			bw.WriteByte(',')
		}
		writeJSON(bw, []string{r.id, string(r.category), r.desc})
	}
	bw.WriteString(`],"rows":[`)
	for k, i := range order {
		r := w.rows[i]
		if k > 0 {
			bw.WriteString(",\n")
		}
		bw.WriteByte('[')
		bw.WriteString(strconv.Itoa(i + 1))
		bw.WriteByte(',')
		writeJSON(bw, r.path)
		bw.WriteByte(',')
		if r.id == r.path {
			bw.WriteString(`""`)
		} else {
			writeJSON(bw, r.id)
		}
		bw.WriteByte(',')
		if r.scored {
			bw.WriteString(strconv.FormatFloat(r.score, 'f', 1, 64))
		} else {
			bw.WriteString("null")
		}
		bw.WriteByte(',')
		writeJSON(bw, r.verdict)
		bw.WriteByte(',')
		bw.WriteString(strconv.Itoa(r.findings))
		bw.WriteString(",[")
		for j, ri := range r.rules {
			if j > 0 {
				bw.WriteByte(',')
			}
			bw.WriteString(strconv.Itoa(ri))
		}
		bw.WriteString("],")
		if r.view {
			bw.WriteByte('1')
		} else {
			bw.WriteByte('0')
		}
		if r.err != "" {
			bw.WriteByte(',')
			writeJSON(bw, r.err)
		}
		bw.WriteByte(']')
	}
	bw.WriteString("]}")
	return nil
}

func writeJSON(bw *bufio.Writer, v any) {
	b, _ := json.Marshal(v) // strings and string slices always marshal
	bw.Write(b)
}

func num(x float64) string { return strconv.FormatFloat(finite(x), 'f', -1, 64) }

func finite(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0
	}
	return x
}

// verdictNames are the verdicts in the order the report lists them.
var verdictNames = []string{string(model.Flagged), string(model.Suspect), string(model.Clean), string(model.TooShort), string(model.Unsupported), "error"}

func verdictRank(v model.Verdict) int {
	switch v {
	case model.Flagged:
		return 3
	case model.Suspect:
		return 2
	case model.Clean:
		return 1
	}
	return 0
}

// rank orders documents for a view: flagged, then suspect, then clean,
// then the unscored; by score within; earlier input first.
type rank struct {
	verdict int
	scored  bool
	score   float64
	index   int
}

// less tells whether a ranks below b.
func (a rank) less(b rank) bool {
	if a.verdict != b.verdict {
		return a.verdict < b.verdict
	}
	if a.scored != b.scored {
		return !a.scored
	}
	if a.score != b.score {
		return a.score < b.score
	}
	return a.index > b.index
}

type candidate struct {
	rank rank
	doc  Doc
}

// viewHeap is a min-heap: the lowest-ranked view on top, to be replaced.
type viewHeap []*candidate

func (h viewHeap) Len() int           { return len(h) }
func (h viewHeap) Less(i, j int) bool { return h[i].rank.less(h[j].rank) }
func (h viewHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *viewHeap) Push(x any)        { *h = append(*h, x.(*candidate)) }
func (h *viewHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// ruleIndex numbers rules: the catalogue's in its order, then any other
// (a configuration's own phrases) as first seen.
type ruleIndex struct {
	list []ruleInfo
	byID map[string]int
}

type ruleInfo struct {
	id       string
	category features.Category
	desc     string
}

func newRuleIndex() ruleIndex {
	ri := ruleIndex{byID: map[string]int{}}
	for _, f := range features.Catalogue() {
		ri.byID[f.ID] = len(ri.list)
		ri.list = append(ri.list, ruleInfo{id: f.ID, category: f.Category, desc: f.Description})
	}
	return ri
}

func (ri *ruleIndex) index(f features.Finding) int {
	if i, ok := ri.byID[f.Rule]; ok {
		return i
	}
	i := len(ri.list)
	ri.byID[f.Rule] = i
	ri.list = append(ri.list, ruleInfo{id: f.Rule, category: f.Category})
	return i
}

// rulesOf lists the distinct rules of fs, by total weight (largest first,
// ties by rule ID).
func (ri *ruleIndex) rulesOf(fs []features.Finding) []int {
	if len(fs) == 0 {
		return nil
	}
	total := map[int]float64{}
	for _, f := range fs {
		total[ri.index(f)] += f.Weight
	}
	out := make([]int, 0, len(total))
	for i := range total {
		out = append(out, i)
	}
	sort.Slice(out, func(a, b int) bool {
		if total[out[a]] != total[out[b]] {
			return total[out[a]] > total[out[b]]
		}
		return ri.list[out[a]].id < ri.list[out[b]].id
	})
	return out
}
