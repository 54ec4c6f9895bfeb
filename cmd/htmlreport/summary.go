package htmlreport

import (
	"bufio"
	"fmt"
	"html"
	"sort"
	"strings"

	"github.com/chaff-dev/chaff/model"
)

// summary is the report's head: documents by verdict, the score histogram
// and the rules that fire most, over the documents the table keeps.
type summary struct {
	total      int
	verdicts   map[string]int
	bins       [histBins]int
	scored     int
	ruleCounts []ruleCount
	th         model.Thresholds
}

type ruleCount struct {
	rule     string
	category string
	docs     int
}

const histBins = 20

// topRulesShown is how many of the most-firing rules the summary lists.
const topRulesShown = 12

func summarize(rows []row, order []int, rules ruleIndex, th model.Thresholds) *summary {
	s := &summary{verdicts: map[string]int{}, th: th}
	docs := map[int]int{}
	for _, i := range order {
		r := rows[i]
		s.total++
		s.verdicts[r.verdict]++
		if r.scored {
			s.scored++
			b := int(r.score / (100 / histBins))
			if b >= histBins {
				b = histBins - 1
			}
			if b < 0 {
				b = 0
			}
			s.bins[b]++
		}
		for _, ri := range r.rules {
			docs[ri]++
		}
	}
	for ri, n := range docs {
		s.ruleCounts = append(s.ruleCounts, ruleCount{rule: rules.list[ri].id, category: string(rules.list[ri].category), docs: n})
	}
	sort.Slice(s.ruleCounts, func(i, j int) bool {
		a, b := s.ruleCounts[i], s.ruleCounts[j]
		if a.docs != b.docs {
			return a.docs > b.docs
		}
		return a.rule < b.rule
	})
	return s
}

// scoredOrShort is the number of documents that could have a view (all
// but the errors).
func (s *summary) scoredOrShort() int { return s.total - s.verdicts["error"] }

// line is the one-line summary: "12 documents: 4 flagged, ...".
func (s *summary) line() string {
	parts := []string{}
	for _, v := range verdictNames {
		if n := s.verdicts[v]; n > 0 || v == string(model.Flagged) || v == string(model.Suspect) || v == string(model.Clean) {
			name := v
			if v == "error" {
				name = "errors"
				if n == 1 {
					name = "error"
				}
			}
			parts = append(parts, fmt.Sprintf("%d %s", n, name))
		}
	}
	word := "documents"
	if s.total == 1 {
		word = "document"
	}
	return fmt.Sprintf("%d %s: %s; thresholds: suspect %.1f, flagged %.1f", s.total, word, strings.Join(parts, ", "), s.th.Suspect, s.th.Flagged)
}

func (s *summary) write(bw *bufio.Writer) {
	bw.WriteString(`<section id="summary" aria-label="summary">
<div class="card"><h2>Verdicts</h2><ul class="verdicts">`)
	for _, v := range verdictNames {
		n := s.verdicts[v]
		if n == 0 && v != string(model.Flagged) && v != string(model.Suspect) && v != string(model.Clean) {
			continue
		}
		pct := 0.0
		if s.total > 0 {
			pct = 100 * float64(n) / float64(s.total)
		}
		fmt.Fprintf(bw, `<li><button type="button" class="chip v-%s" data-verdict="%s"><b>%d</b> %s <small>%.1f%%</small></button></li>`, v, v, n, v, pct)
	}
	bw.WriteString(`</ul></div>
<div class="card wide"><h2>Scores</h2>`)
	s.histogram(bw)
	bw.WriteString(`</div>
<div class="card"><h2>Rules that fire most</h2>`)
	if len(s.ruleCounts) == 0 {
		bw.WriteString(`<p class="note">No rule fired.</p>`)
	} else {
		bw.WriteString(`<ol class="toprules">`)
		for i, rc := range s.ruleCounts {
			if i == topRulesShown {
				break
			}
			r := html.EscapeString(rc.rule)
			fmt.Fprintf(bw, `<li><button type="button" class="rule c-%s" data-rule="%s">%s</button> <span>%d %s</span></li>`,
				html.EscapeString(rc.category), r, r, rc.docs, plural(rc.docs, "document", "documents"))
		}
		bw.WriteString(`</ol>`)
	}
	bw.WriteString("</div>\n</section>\n")
}

// histogram draws the scored documents in 20 bins of 5 points, coloured by
// the verdict their scores get, with the suspect and flagged thresholds.
func (s *summary) histogram(bw *bufio.Writer) {
	if s.scored == 0 {
		bw.WriteString(`<p class="note">No document has a score.</p>`)
		return
	}
	const x0, x1, yTop, yBot = 44.0, 590.0, 32.0, 170.0
	max := 0
	for _, n := range s.bins {
		if n > max {
			max = n
		}
	}
	xOf := func(score float64) float64 { return x0 + score/100*(x1-x0) }
	fmt.Fprintf(bw, `<svg class="hist" viewBox="0 0 600 200" role="img" aria-label="histogram of %d scores">`, s.scored)
	fmt.Fprintf(bw, `<line class="axis" x1="%g" y1="%g" x2="%g" y2="%g"/><line class="axis" x1="%g" y1="%g" x2="%g" y2="%g"/>`, x0, yBot, x1, yBot, x0, yTop, x0, yBot)
	fmt.Fprintf(bw, `<text class="tick" x="%g" y="%g" text-anchor="end">%d</text><text class="tick" x="%g" y="%g" text-anchor="end">0</text>`, x0-4, yTop+4, max, x0-4, yBot)
	w := (x1 - x0) / histBins
	for b, n := range s.bins {
		lo := float64(b * 100 / histBins)
		hi := lo + 100/histBins
		zone := "clean"
		switch mid := (lo + hi) / 2; {
		case mid >= s.th.Flagged:
			zone = "flagged"
		case mid >= s.th.Suspect:
			zone = "suspect"
		}
		h := float64(n) / float64(max) * (yBot - yTop)
		fmt.Fprintf(bw, `<rect class="bar z-%s" x="%.1f" y="%.1f" width="%.1f" height="%.1f"><title>%g-%g: %d %s</title></rect>`,
			zone, xOf(lo)+1, yBot-h, w-2, h, lo, hi, n, plural(n, "document", "documents"))
	}
	for t := 0; t <= 100; t += 20 {
		fmt.Fprintf(bw, `<text class="tick" x="%.1f" y="%g" text-anchor="middle">%d</text>`, xOf(float64(t)), yBot+14, t)
	}
	for i, th := range []struct {
		name string
		v    float64
	}{{"suspect", s.th.Suspect}, {"flagged", s.th.Flagged}} {
		x := xOf(th.v)
		anchor, dx := "start", 3.0
		if x > (x0+x1)/2 {
			anchor, dx = "end", -3
		}
		y := yTop - 11 + 10*float64(i) // one row each, so the labels never overlap
		fmt.Fprintf(bw, `<line class="th th-%s" x1="%.1f" y1="%g" x2="%.1f" y2="%g"/><text class="thl th-%s" x="%.1f" y="%g" text-anchor="%s">%s %.1f</text>`,
			th.name, x, y-8, x, yBot, th.name, x+dx, y, anchor, th.name, th.v)
	}
	fmt.Fprintf(bw, `<text class="tick" x="%g" y="197" text-anchor="middle">score (%d scored %s)</text></svg>`, (x0+x1)/2, s.scored, plural(s.scored, "document", "documents"))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
