package model

import (
	"math/rand"
	"strings"

	"github.com/chaff-dev/chaff/features"
)

// Training data carries the marks of how it was assembled: in the shipped
// corpus only machine texts have line breaks, and the person-written texts
// lost their curly quotes and em dashes. A model that learned those marks
// would accuse every person who types an em dash. Augment removes them
// before features are measured, so only how things are said is learned.

// typography folds the marks a corpus build can strip or add.
var typography = strings.NewReplacer(
	"\u201c", "\"", "\u201d", "\"", "\u201e", "\"", "\u2018", "'", "\u2019", "'",
	"\u2014", " - ", "\u2013", " - ", "\u00a0", " ",
	// mojibake of a UTF-8 pound sign read as Latin-1, frequent on one side.
	"\u00c2\u00a3", "\u00a3",
)

// NormaliseTypography maps curly quotes to straight ones and em and en
// dashes to a spaced hyphen.
func NormaliseTypography(s string) string { return typography.Replace(s) }

// Relayout throws away a text's line breaks and lays it out again in one of
// three common ways, chosen by rng: one block, one paragraph a line, or
// paragraphs separated by blank lines, with 1-4 sentences a paragraph.
func Relayout(s string, rng *rand.Rand) string {
	return layout(s, rng.Intn(3), rng)
}

// layout lays s out in style 0 (one block), 1 (a paragraph a line) or 2
// (blank lines between paragraphs). Paragraphs break only where white space
// was, so no word is ever cut.
func layout(s string, style int, rng *rand.Rand) string {
	flat := strings.Join(strings.Fields(s), " ")
	if style == 0 {
		return flat
	}
	d := features.NewDocumentString(flat)
	flat = d.Text
	sep := "\n"
	if style == 2 {
		sep = "\n\n"
	}
	var b strings.Builder
	start := 0
	for i := 0; i < len(d.Sentences) && start < len(flat); {
		j := min(i+1+rng.Intn(4), len(d.Sentences))
		end := d.Sentences[j-1].Span.End
		for end < len(flat) && flat[end] != ' ' {
			end++
		}
		if j == len(d.Sentences) {
			end = len(flat)
		}
		if end > start {
			if b.Len() > 0 {
				b.WriteString(sep)
			}
			b.WriteString(strings.TrimSpace(flat[start:end]))
		}
		start = end
		i = j
	}
	if start < len(flat) {
		if b.Len() > 0 {
			b.WriteString(sep)
		}
		b.WriteString(strings.TrimSpace(flat[start:]))
	}
	return b.String()
}

// ResidueAround returns the lines of a whole-page text that stand right
// before and right after the article body (as a person marked it): real
// page residue. It returns nothing when the body cannot be located.
func ResidueAround(page, body string, most int) (before, after []string) {
	head := firstLine(body)
	tail := lastLine(body)
	if len(head) < 20 || len(tail) < 20 {
		return nil, nil
	}
	i := strings.Index(page, head)
	j := strings.LastIndex(page, tail)
	if i < 0 || j < 0 || j < i {
		return nil, nil
	}
	before = lastLines(page[:i], most)
	after = firstLines(page[j+len(tail):], most)
	return before, after
}

func firstLine(s string) string {
	for _, l := range strings.Split(s, "\n") {
		if t := strings.TrimSpace(l); t != "" {
			return t[:min(len(t), 60)]
		}
	}
	return ""
}

func lastLine(s string) string {
	ls := strings.Split(s, "\n")
	for k := len(ls) - 1; k >= 0; k-- {
		if t := strings.TrimSpace(ls[k]); t != "" {
			return t[max(0, len(t)-60):]
		}
	}
	return ""
}

func lastLines(s string, n int) []string {
	var out []string
	ls := strings.Split(s, "\n")
	for k := len(ls) - 1; k >= 0 && len(out) < n; k-- {
		if t := strings.TrimSpace(ls[k]); t != "" {
			out = append([]string{t}, out...)
		}
	}
	return out
}

func firstLines(s string, n int) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if len(out) == n {
			break
		}
		if t := strings.TrimSpace(l); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// InjectResidue lays a text out one paragraph a line and puts light residue
// around it, the way reposted articles carry it: a few lines from before a
// real article body at the top, a few from after it at the bottom, and now
// and then one in the middle.
func InjectResidue(text string, before, after []string, rng *rand.Rand) string {
	body := strings.Split(layout(text, 1, rng), "\n")
	var lines []string
	if len(before) > 0 && rng.Intn(2) == 0 {
		k := 1 + rng.Intn(min(len(before), 4))
		lines = append(lines, before[len(before)-k:]...)
	}
	mid := -1
	if len(body) > 3 && len(after) > 0 && rng.Intn(3) == 0 {
		mid = 1 + rng.Intn(len(body)-2)
	}
	for i, l := range body {
		if i == mid {
			lines = append(lines, after[rng.Intn(len(after))])
		}
		lines = append(lines, l)
	}
	if len(after) > 0 && (len(lines) == len(body) || rng.Intn(2) == 0) {
		k := 1 + rng.Intn(min(len(after), 5))
		lines = append(lines, after[:k]...)
	}
	return strings.Join(lines, "\n")
}
