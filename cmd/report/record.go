// Package report writes scored documents in the formats chaff offers: a
// table for people, JSON, JSONL and CSV for programs. Every format goes
// through one Reporter interface; each lives in its own file.
package report

import (
	"bytes"
	"encoding/json"
	"math"
	"sort"
	"strconv"

	"github.com/chaff-dev/chaff/features"
	"github.com/chaff-dev/chaff/model"
)

// Record is one input's outcome: a scored document, or the reason it could
// not be scored (Error set, Explanation nil).
type Record struct {
	ID          string
	Path        string
	Explanation *model.Explanation
	Error       string
	// Text is the document as read, for the html format's views; the
	// other formats ignore it (score fills it for html only).
	Text []byte
}

// Failed tells whether the record is an error rather than a score.
func (r Record) Failed() bool { return r.Error != "" || r.Explanation == nil }

// errorText is the record's error, with a fallback for a record that has
// neither an explanation nor an error.
func (r Record) errorText() string {
	if r.Error != "" {
		return r.Error
	}
	return "no result"
}

// MarshalJSON writes
//
//	{"id","path","score","verdict","language","language_confidence",["hard_evidence",]["residue",]["profile",]"categories","findings","error"}
//
// in that order: score with one decimal (null on error), verdict omitted on
// error, categories in report order, findings as the model sorted them
// (by line, column, rule), weights rounded to 3 decimals, error omitted when
// empty. HTML characters in matches are not escaped.
func (r Record) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(`{"id":`)
	writeString(&b, r.ID)
	b.WriteString(`,"path":`)
	writeString(&b, r.Path)
	if r.Failed() {
		b.WriteString(`,"score":null,"categories":{},"findings":[],"error":`)
		writeString(&b, r.errorText())
		b.WriteByte('}')
		return b.Bytes(), nil
	}
	e := r.Explanation
	b.WriteString(`,"score":`)
	if e.Scored() {
		b.WriteString(score(e.Score))
	} else {
		b.WriteString("null")
	}
	b.WriteString(`,"verdict":`)
	writeString(&b, string(e.Verdict))
	b.WriteString(`,"language":`)
	writeString(&b, e.Language)
	b.WriteString(`,"language_confidence":`)
	b.WriteString(strconv.FormatFloat(e.LanguageConfidence, 'f', -1, 64))
	if e.Hard {
		b.WriteString(`,"hard_evidence":true`)
	}
	if e.Residue {
		b.WriteString(`,"residue":true`)
	}
	if e.Profile != "" {
		b.WriteString(`,"profile":`)
		writeString(&b, e.Profile)
	}
	b.WriteString(`,"categories":{`)
	for i, c := range categoryOrder(e.Categories) {
		if i > 0 {
			b.WriteByte(',')
		}
		writeString(&b, string(c))
		b.WriteByte(':')
		b.WriteString(weight(e.Categories[c]))
	}
	b.WriteString(`},"findings":[`)
	for i, f := range e.Findings {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"rule":`)
		writeString(&b, f.Rule)
		b.WriteString(`,"category":`)
		writeString(&b, string(f.Category))
		b.WriteString(`,"line":`)
		b.WriteString(strconv.Itoa(f.Line))
		b.WriteString(`,"column":`)
		b.WriteString(strconv.Itoa(f.Column))
		b.WriteString(`,"match":`)
		writeString(&b, f.Match)
		b.WriteString(`,"weight":`)
		b.WriteString(weight(f.Weight))
		b.WriteByte('}')
	}
	b.WriteString(`]}`)
	return b.Bytes(), nil
}

// categoryOrder lists the categories of m: report order first, then any
// other in name order.
func categoryOrder(m map[features.Category]float64) []features.Category {
	var out []features.Category
	known := map[features.Category]bool{}
	for _, c := range features.Categories {
		known[c] = true
		if _, ok := m[c]; ok {
			out = append(out, c)
		}
	}
	var extra []features.Category
	for c := range m {
		if !known[c] {
			extra = append(extra, c)
		}
	}
	sort.Slice(extra, func(i, j int) bool { return extra[i] < extra[j] })
	return append(out, extra...)
}

// writeString writes s as a JSON string without HTML escaping.
func writeString(b *bytes.Buffer, s string) {
	var tmp bytes.Buffer
	enc := json.NewEncoder(&tmp)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes (invalid UTF-8 becomes U+FFFD)
	b.Write(bytes.TrimSuffix(tmp.Bytes(), []byte("\n")))
}

// score formats a 0-100 score with one decimal.
func score(s float64) string { return strconv.FormatFloat(finite(s), 'f', 1, 64) }

// weight formats a weight rounded to 3 decimals, shortest form.
func weight(w float64) string {
	r := math.Round(finite(w)*1000) / 1000
	if r == 0 {
		r = 0 // no "-0"
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

func finite(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0
	}
	return x
}

// topRules returns up to n rules with the largest total finding weight
// (positive totals only: a rule that lowered the score is no reason for it),
// largest first, ties by rule name.
func topRules(e *model.Explanation, n int) []string {
	if e == nil || n <= 0 {
		return nil
	}
	total := map[string]float64{}
	for _, f := range e.Findings {
		total[f.Rule] += f.Weight
	}
	var rules []string
	for r, w := range total {
		if w > 0 {
			rules = append(rules, r)
		}
	}
	sort.Slice(rules, func(i, j int) bool {
		wi, wj := total[rules[i]], total[rules[j]]
		if wi != wj {
			return wi > wj
		}
		return rules[i] < rules[j]
	})
	if len(rules) > n {
		rules = rules[:n]
	}
	return rules
}
