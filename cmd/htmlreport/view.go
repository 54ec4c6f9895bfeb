package htmlreport

import (
	"bufio"
	"fmt"
	"html"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/chaff-dev/chaff/features"
)

// writeView writes the view of document idx: score and verdict, the
// category contributions, the text with every finding highlighted, and the
// findings as a list.
func writeView(bw *bufio.Writer, idx int, d Doc, rules ruleIndex, sum *summary) {
	e := d.Explanation
	id := "d" + strconv.Itoa(idx+1)
	fmt.Fprintf(bw, `<section class="doc" id="%s" aria-label="document %d">
<nav class="back"><a href="#docs">&larr; all documents</a></nav>
<header class="dochead"><h2>%s</h2>`, id, idx+1, html.EscapeString(d.Path))
	if d.ID != d.Path {
		fmt.Fprintf(bw, `<p class="docid">id %s</p>`, html.EscapeString(d.ID))
	}
	score := "&ndash;"
	if e.Scored() {
		score = strconv.FormatFloat(finite(e.Score), 'f', 1, 64)
	}
	fmt.Fprintf(bw, `<p class="scorebox"><span class="score v-%s">%s</span> <span class="chip v-%s">%s</span>`, e.Verdict, score, e.Verdict, e.Verdict)
	if e.Hard {
		bw.WriteString(` <span class="why">hard evidence decided the verdict</span>`)
	}
	if e.Residue {
		bw.WriteString(` <span class="why">page residue made it at least suspect</span>`)
	}
	if e.Profile != "" {
		fmt.Fprintf(bw, ` <span class="why">scored by the model's %s profile</span>`, html.EscapeString(e.Profile))
	}
	fmt.Fprintf(bw, ` <span class="lang">language %s %.2f</span> <span class="nf">%d %s</span></p></header>`+"\n",
		html.EscapeString(e.Language), finite(e.LanguageConfidence), len(e.Findings), plural(len(e.Findings), "finding", "findings"))
	writeCategories(bw, e.Categories)

	text, cut, total := viewText(d.Text)
	spans, unplaced := place(text, cut, e.Findings)
	bw.WriteString(`<h3>Text</h3><pre class="text">`)
	writeMarked(bw, text, spans, id, rules, e.Findings)
	bw.WriteString("</pre>\n")
	if cut {
		fmt.Fprintf(bw, `<p class="note">The text is cut at %d of its %d characters.</p>`, MaxViewChars, total)
	}
	if len(unplaced) > 0 {
		bw.WriteString(`<h3>Findings outside the text shown</h3><ul class="unplaced">`)
		for _, k := range unplaced {
			f := e.Findings[k]
			bw.WriteString("<li>")
			openMark(bw, id, k, f, rules)
			bw.WriteString(html.EscapeString(f.Match))
			fmt.Fprintf(bw, "</mark> line %d, column %d</li>", f.Line, f.Column)
		}
		bw.WriteString("</ul>\n")
	}
	if len(e.Findings) > 0 {
		bw.WriteString(`<h3>Findings</h3><div class="tablewrap"><table class="findings"><thead><tr><th>line:col</th><th>rule</th><th class="num">weight</th><th>match</th></tr></thead><tbody>`)
		for k, f := range e.Findings {
			fmt.Fprintf(bw, `<tr><td><a href="#%sf%d">%d:%d</a></td><td><span class="rule c-%s">%s</span></td><td class="num">%s</td><td class="m">%s</td></tr>`,
				id, k+1, f.Line, f.Column, html.EscapeString(string(f.Category)), html.EscapeString(f.Rule), signed(f.Weight), html.EscapeString(clip(f.Match, 160)))
		}
		bw.WriteString("</tbody></table></div>\n")
	}
	bw.WriteString(`<nav class="back"><a href="#docs">&larr; all documents</a></nav>` + "\n</section>\n")
}

// writeCategories draws each category's contribution (log-odds) as a bar
// left (lowers the score) or right (raises it) of the middle.
func writeCategories(bw *bufio.Writer, cats map[features.Category]float64) {
	order := append([]features.Category(nil), features.Categories...)
	var extra []features.Category
	known := map[features.Category]bool{}
	for _, c := range order {
		known[c] = true
	}
	for c := range cats {
		if !known[c] {
			extra = append(extra, c)
		}
	}
	sort.Slice(extra, func(i, j int) bool { return extra[i] < extra[j] })
	order = append(order, extra...)
	max := 0.0
	for _, c := range order {
		max = math.Max(max, math.Abs(finite(cats[c])))
	}
	bw.WriteString(`<div class="cats" aria-label="category contributions in log-odds">`)
	for _, c := range order {
		v, ok := cats[c]
		if !ok {
			continue
		}
		v = finite(v)
		w := 0.0
		if max > 0 {
			w = math.Abs(v) / max * 50
		}
		left := 50.0
		if v < 0 {
			left = 50 - w
		}
		cn := html.EscapeString(string(c))
		fmt.Fprintf(bw, `<div class="cat"><span class="cn">%s</span><span class="cb"><i class="c-%s" style="left:%.1f%%;width:%.1f%%"></i></span><span class="cv">%s</span></div>`,
			cn, cn, left, w, signed(v))
	}
	bw.WriteString("</div>\n")
}

// viewText is the document's text as a view shows it: valid UTF-8 (each
// invalid byte one U+FFFD, as findings count it), without a BOM, CRLF and
// a lone CR as LF (both end a line for the findings' line numbers), cut at
// MaxViewChars characters. It returns whether it cut, and the
// full length in characters.
func viewText(src []byte) (text string, cut bool, total int) {
	src = []byte(strings.TrimPrefix(string(src), "\ufeff"))
	var b strings.Builder
	b.Grow(len(src))
	n := 0
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == '\r' && i+1 < len(src) && src[i+1] == '\n' {
			i++
			continue
		}
		if n < MaxViewChars {
			switch {
			case r == utf8.RuneError && size == 1:
				b.WriteRune(utf8.RuneError)
			case r == '\r':
				b.WriteByte('\n') // a lone CR (old Mac files) ends a line too
			default:
				b.Write(src[i : i+size])
			}
		}
		n++
		i += size
	}
	return b.String(), n > MaxViewChars, n
}

// span is one finding placed in the text: bytes [start, end).
type span struct {
	start, end int
	k          int // the finding's index
}

// place finds each finding in text by its line and column (1-based, in
// characters): the highlight covers its match when the text there reads
// the same, else as many characters as the match has, within the line. A
// finding whose position lies outside text (the text was cut, or it has
// no position, or its column lies past its line's end) is returned in
// unplaced.
func place(text string, cut bool, fs []features.Finding) (spans []span, unplaced []int) {
	var starts []int // byte offset of each line
	starts = append(starts, 0)
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	for k, f := range fs {
		if f.Line < 1 || f.Line > len(starts) || f.Column < 1 {
			unplaced = append(unplaced, k)
			continue
		}
		ls := starts[f.Line-1]
		le := len(text)
		if f.Line < len(starts) {
			le = starts[f.Line] - 1
		}
		pos := ls
		col := 1
		for col < f.Column && pos < le {
			_, size := utf8.DecodeRuneInString(text[pos:])
			pos += size
			col++
		}
		if col < f.Column || (cut && pos >= len(text)) {
			unplaced = append(unplaced, k)
			continue
		}
		end := pos
		if strings.HasPrefix(text[pos:], f.Match) {
			end = pos + len(f.Match)
		} else {
			for n := utf8.RuneCountInString(f.Match); n > 0 && end < le; n-- {
				_, size := utf8.DecodeRuneInString(text[end:])
				end += size
			}
		}
		spans = append(spans, span{start: pos, end: end, k: k})
	}
	sort.SliceStable(spans, func(i, j int) bool {
		if spans[i].start != spans[j].start {
			return spans[i].start < spans[j].start
		}
		return spans[i].end > spans[j].end
	})
	return spans, unplaced
}

// writeMarked writes text escaped, with a <mark> per span. Spans nest: one
// that starts inside another and runs past its end is cut at that end, so
// every finding keeps exactly one highlight.
func writeMarked(bw *bufio.Writer, text string, spans []span, id string, rules ruleIndex, fs []features.Finding) {
	pos := 0
	var stack []span
	emit := func(to int) {
		if to > pos {
			bw.WriteString(html.EscapeString(text[pos:to]))
			pos = to
		}
	}
	for _, s := range spans {
		for len(stack) > 0 && stack[len(stack)-1].end <= s.start {
			emit(stack[len(stack)-1].end)
			bw.WriteString("</mark>")
			stack = stack[:len(stack)-1]
		}
		emit(s.start)
		if len(stack) > 0 && s.end > stack[len(stack)-1].end {
			s.end = stack[len(stack)-1].end
		}
		openMark(bw, id, s.k, fs[s.k], rules)
		stack = append(stack, s)
	}
	for len(stack) > 0 {
		emit(stack[len(stack)-1].end)
		bw.WriteString("</mark>")
		stack = stack[:len(stack)-1]
	}
	emit(len(text))
}

// openMark writes the opening tag of finding k's highlight: its category's
// colour, focusable, with the rule's index and weight for the tooltip.
func openMark(bw *bufio.Writer, id string, k int, f features.Finding, rules ruleIndex) {
	cls := "f c-" + html.EscapeString(string(f.Category))
	if f.Weight < 0 {
		cls += " neg"
	}
	fmt.Fprintf(bw, `<mark class="%s" tabindex="0" id="%sf%d" data-r="%d" data-w="%s">`, cls, id, k+1, rules.byID[f.Rule], signed(f.Weight))
}

// signed formats a weight with its sign and 3 decimals.
func signed(w float64) string {
	r := math.Round(finite(w)*1000) / 1000
	if r == 0 {
		return "0"
	}
	s := strconv.FormatFloat(r, 'f', -1, 64)
	if r > 0 {
		s = "+" + s
	}
	return s
}

// clip shortens s to n characters, with an ellipsis.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}
