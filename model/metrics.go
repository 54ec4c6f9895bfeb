package model

import (
	"encoding/json"
	"math"
	"sort"
)

// Metrics are what `chaff eval` reports for a labelled set. A figure that
// needs a class the set lacks (AUROC and the catch rates without machine or
// without person-written articles) is NaN, and null in JSON.
type Metrics struct {
	Documents int     `json:"documents"`
	Machine   int     `json:"machine"`
	Human     int     `json:"human"`
	AUROC     float64 `json:"auroc"`
	// TPRAt1 and TPRAt5 are the shares of machine articles caught at 1% and
	// 5% false positives, the threshold set on this set's human articles.
	TPRAt1 float64 `json:"tpr_at_1pct_fpr"`
	TPRAt5 float64 `json:"tpr_at_5pct_fpr"`
	// At the model's own flagged threshold.
	Precision float64   `json:"precision"`
	Recall    float64   `json:"recall"`
	F1        float64   `json:"f1"`
	FPR       float64   `json:"fpr"`
	Confusion Confusion `json:"confusion"`
	// TooShort counts the documents too short to score: they are left out
	// of every figure above (and are not counted as clean).
	TooShort int `json:"too_short"`
	// Unsupported counts the documents in a language the model does not
	// know: left out of every figure too.
	Unsupported int `json:"unsupported"`
}

// Confusion counts verdicts by class: machine articles and human articles
// against each verdict.
type Confusion struct {
	Machine map[Verdict]int `json:"machine"`
	Human   map[Verdict]int `json:"human"`
}

// Scored is one evaluated document.
type Scored struct {
	Score   float64
	Verdict Verdict
	Machine bool
}

// Evaluate computes metrics; the flagged verdict is the positive call.
func Evaluate(s []Scored) Metrics {
	m := Metrics{Confusion: Confusion{Machine: map[Verdict]int{}, Human: map[Verdict]int{}}}
	var pos, neg []float64
	tp, fp := 0, 0
	for _, x := range s {
		if x.Verdict == TooShort || x.Verdict == Unsupported {
			if x.Verdict == TooShort {
				m.TooShort++
			} else {
				m.Unsupported++
			}
			if x.Machine {
				m.Confusion.Machine[x.Verdict]++
			} else {
				m.Confusion.Human[x.Verdict]++
			}
			continue
		}
		if x.Machine {
			m.Machine++
			pos = append(pos, x.Score)
			m.Confusion.Machine[x.Verdict]++
			if x.Verdict == Flagged {
				tp++
			}
		} else {
			m.Human++
			neg = append(neg, x.Score)
			m.Confusion.Human[x.Verdict]++
			if x.Verdict == Flagged {
				fp++
			}
		}
	}
	m.Documents = m.Machine + m.Human
	m.AUROC = AUROC(pos, neg)
	m.TPRAt1 = TPRAtFPR(pos, neg, 0.01)
	m.TPRAt5 = TPRAtFPR(pos, neg, 0.05)
	if tp+fp > 0 {
		m.Precision = float64(tp) / float64(tp+fp)
	}
	if m.Machine > 0 {
		m.Recall = float64(tp) / float64(m.Machine)
	}
	if m.Precision+m.Recall > 0 {
		m.F1 = 2 * m.Precision * m.Recall / (m.Precision + m.Recall)
	}
	if m.Human > 0 {
		m.FPR = float64(fp) / float64(m.Human)
	}
	return m
}

// AUROC is the probability that a random positive outscores a random
// negative, ties counting half (Mann-Whitney U).
func AUROC(pos, neg []float64) float64 {
	if len(pos) == 0 || len(neg) == 0 {
		return math.NaN()
	}
	type v struct {
		x   float64
		pos bool
	}
	all := make([]v, 0, len(pos)+len(neg))
	for _, x := range pos {
		all = append(all, v{x, true})
	}
	for _, x := range neg {
		all = append(all, v{x, false})
	}
	sort.Slice(all, func(i, j int) bool { return all[i].x < all[j].x })
	rankSum := 0.0
	for i := 0; i < len(all); {
		j := i
		for j < len(all) && all[j].x == all[i].x {
			j++
		}
		avg := float64(i+j+1) / 2 // ranks i+1..j
		for k := i; k < j; k++ {
			if all[k].pos {
				rankSum += avg
			}
		}
		i = j
	}
	np, nn := float64(len(pos)), float64(len(neg))
	return (rankSum - np*(np+1)/2) / (np * nn)
}

// ThresholdAtFPR is the lowest score threshold (score >= t is positive) at
// which at most fpr of neg are positive.
func ThresholdAtFPR(neg []float64, fpr float64) float64 {
	if len(neg) == 0 {
		return math.Inf(1)
	}
	s := append([]float64(nil), neg...)
	sort.Sort(sort.Reverse(sort.Float64Slice(s)))
	allowed := int(math.Floor(fpr*float64(len(s)) + 1e-9))
	// the threshold must sit above the (allowed+1)-th highest negative.
	if allowed >= len(s) {
		return math.Inf(-1)
	}
	return math.Nextafter(s[allowed], math.Inf(1))
}

// MinStratum is the fewest negatives a stratum needs for its own threshold:
// the 99th percentile of fewer is noise.
const MinStratum = 100

// StratifiedThreshold is the score that at most fpr of the negatives reach,
// overall and in every stratum (a source of articles, say) with at least
// MinStratum of them: the highest of those thresholds. One source's
// person-written articles can score higher than the rest (news rewritten
// in house style against stories and abstracts), and a threshold set on
// the pooled texts would then accuse that source's writers far more often
// than fpr. An empty stratum counts in the pool only.
func StratifiedThreshold(neg []float64, strata []string, fpr float64) float64 {
	t := ThresholdAtFPR(neg, fpr)
	by := map[string][]float64{}
	for i, s := range strata {
		if s != "" {
			by[s] = append(by[s], neg[i])
		}
	}
	for _, v := range by {
		if len(v) >= MinStratum {
			t = math.Max(t, ThresholdAtFPR(v, fpr))
		}
	}
	return t
}

// TPRAtFPR is the share of pos at or above ThresholdAtFPR(neg, fpr); NaN
// when pos or neg is empty.
func TPRAtFPR(pos, neg []float64, fpr float64) float64 {
	// without negatives no threshold is set (ThresholdAtFPR's +Inf), and a
	// catch rate of 0 would read as a model that catches nothing
	if len(pos) == 0 || len(neg) == 0 {
		return math.NaN()
	}
	t := ThresholdAtFPR(neg, fpr)
	n := 0
	for _, x := range pos {
		if x >= t {
			n++
		}
	}
	return float64(n) / float64(len(pos))
}

// metricsJSON is Metrics with its figures nullable: JSON has no NaN, and an
// encoder refuses one, so an undefined figure would lose the whole output.
// Its fields are Metrics' in the same order, so defined figures read as
// they always did (TestMetricsJSON holds the two together).
type metricsJSON struct {
	Documents   int       `json:"documents"`
	Machine     int       `json:"machine"`
	Human       int       `json:"human"`
	AUROC       *float64  `json:"auroc"`
	TPRAt1      *float64  `json:"tpr_at_1pct_fpr"`
	TPRAt5      *float64  `json:"tpr_at_5pct_fpr"`
	Precision   *float64  `json:"precision"`
	Recall      *float64  `json:"recall"`
	F1          *float64  `json:"f1"`
	FPR         *float64  `json:"fpr"`
	Confusion   Confusion `json:"confusion"`
	TooShort    int       `json:"too_short"`
	Unsupported int       `json:"unsupported"`
}

// MarshalJSON writes an undefined (NaN) figure as null.
func (m Metrics) MarshalJSON() ([]byte, error) {
	orNull := func(x float64) *float64 {
		if math.IsNaN(x) {
			return nil
		}
		return &x
	}
	return json.Marshal(metricsJSON{
		Documents: m.Documents, Machine: m.Machine, Human: m.Human,
		AUROC: orNull(m.AUROC), TPRAt1: orNull(m.TPRAt1), TPRAt5: orNull(m.TPRAt5),
		Precision: orNull(m.Precision), Recall: orNull(m.Recall), F1: orNull(m.F1), FPR: orNull(m.FPR),
		Confusion: m.Confusion, TooShort: m.TooShort, Unsupported: m.Unsupported,
	})
}

// UnmarshalJSON reads null back as NaN, so that a figure read from a
// model's dev_metrics or an eval report stays undefined rather than 0.
func (m *Metrics) UnmarshalJSON(b []byte) error {
	var j metricsJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	orNaN := func(x *float64) float64 {
		if x == nil {
			return math.NaN()
		}
		return *x
	}
	*m = Metrics{
		Documents: j.Documents, Machine: j.Machine, Human: j.Human,
		AUROC: orNaN(j.AUROC), TPRAt1: orNaN(j.TPRAt1), TPRAt5: orNaN(j.TPRAt5),
		Precision: orNaN(j.Precision), Recall: orNaN(j.Recall), F1: orNaN(j.F1), FPR: orNaN(j.FPR),
		Confusion: j.Confusion, TooShort: j.TooShort, Unsupported: j.Unsupported,
	}
	return nil
}
