package model

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand"
	"testing"
)

// seq returns the floats lo, lo+1, ..., hi-1.
func seq(lo, hi int) []float64 {
	out := make([]float64, 0, hi-lo)
	for i := lo; i < hi; i++ {
		out = append(out, float64(i))
	}
	return out
}

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

// bruteAUROC counts pairs directly: the definition AUROC must agree with.
func bruteAUROC(pos, neg []float64) float64 {
	s := 0.0
	for _, p := range pos {
		for _, n := range neg {
			switch {
			case p > n:
				s++
			case p == n:
				s += 0.5
			}
		}
	}
	return s / float64(len(pos)*len(neg))
}

func TestAUROC(t *testing.T) {
	tests := []struct {
		name     string
		pos, neg []float64
		want     float64 // NaN for "undefined"
	}{
		{"perfect separation", []float64{5, 6, 7}, []float64{1, 2, 3, 4}, 1},
		{"reversed", []float64{1, 2, 3}, []float64{4, 5, 6, 7}, 0},
		{"all tied", []float64{3, 3, 3}, []float64{3, 3}, 0.5},
		{"identical sets", []float64{1, 2, 3}, []float64{1, 2, 3}, 0.5},
		// pairs: 0.2 beats 1; 0.6 beats 2 and ties 1; 0.8 beats 3 → 6.5/12
		{"hand computed", []float64{0.2, 0.6, 0.8}, []float64{0.1, 0.4, 0.6, 0.9}, 6.5 / 12},
		// 2 beats 1 and ties 2, 0 beats nothing → 1.5/4
		{"hand computed with tie", []float64{2, 0}, []float64{1, 2}, 1.5 / 4},
		{"single pair", []float64{1}, []float64{0}, 1},
		{"unsorted input", []float64{9, 1, 5}, []float64{4, 8, 0}, 6.0 / 9},
		{"empty pos", nil, []float64{1, 2}, math.NaN()},
		{"empty neg", []float64{1, 2}, nil, math.NaN()},
		{"both empty", nil, nil, math.NaN()},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := AUROC(tc.pos, tc.neg)
			if math.IsNaN(tc.want) {
				if !math.IsNaN(got) {
					t.Fatalf("AUROC = %v, want NaN", got)
				}
				return
			}
			if !near(got, tc.want, 1e-12) {
				t.Fatalf("AUROC = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestAUROCMatchesPairCount(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	for trial := 0; trial < 50; trial++ {
		pos := make([]float64, 1+rng.Intn(30))
		neg := make([]float64, 1+rng.Intn(30))
		// few distinct values, so that ties are common
		for i := range pos {
			pos[i] = float64(rng.Intn(8)) + 1
		}
		for i := range neg {
			neg[i] = float64(rng.Intn(8))
		}
		if got, want := AUROC(pos, neg), bruteAUROC(pos, neg); !near(got, want, 1e-9) {
			t.Fatalf("trial %d: AUROC = %v, pair count %v (pos %v neg %v)", trial, got, want, pos, neg)
		}
	}
}

func TestAUROCDoesNotModifyInput(t *testing.T) {
	pos, neg := []float64{3, 1, 2}, []float64{0, 5, 4}
	AUROC(pos, neg)
	if pos[0] != 3 || pos[1] != 1 || pos[2] != 2 || neg[0] != 0 || neg[1] != 5 || neg[2] != 4 {
		t.Fatalf("input changed: pos %v neg %v", pos, neg)
	}
}

func countAtOrAbove(xs []float64, t float64) int {
	n := 0
	for _, x := range xs {
		if x >= t {
			n++
		}
	}
	return n
}

func TestThresholdAtFPR(t *testing.T) {
	tests := []struct {
		name string
		neg  []float64
		fpr  float64
		// the threshold must leave exactly this many negatives at or above
		// it, and sit above lower and at or below upper.
		above        int
		lower, upper float64
		bug          string
	}{
		{"0..99 at 1%", seq(0, 100), 0.01, 1, 98, 99, ""},
		{"0..99 at 5%", seq(0, 100), 0.05, 5, 94, 95, ""},
		{"0..99 at 10%", seq(0, 100), 0.10, 10, 89, 90, ""},
		{"0..99 at 0%", seq(0, 100), 0, 0, 99, math.Inf(1), ""},
		{"reversed input", []float64{9, 8, 7, 6, 5, 4, 3, 2, 1, 0}, 0.2, 2, 7, 8, ""},
		{"0..19 at 5%", seq(0, 20), 0.05, 1, 18, 19, ""},
		// fewer negatives than 1/fpr: none may be at or above.
		{"0..49 at 1%", seq(0, 50), 0.01, 0, 49, math.Inf(1), ""},
		// ties: letting one of the tied 1s through lets them all through.
		{"ties", []float64{1, 1, 1, 1, 2}, 0.4, 1, 1, 2, ""},
		{"all tied", []float64{3, 3, 3, 3}, 0.5, 0, 3, math.Inf(1), ""},
		// 0.29*100 is 28.999999999999996 in floating point.
		{"0..99 at 29%", seq(0, 100), 0.29, 29, 70, 71,
			"ThresholdAtFPR floors fpr*len(neg) without tolerance: fpr=0.29 on 100 negatives allows 28, not 29, so the threshold is not the lowest one"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.bug != "" && countAtOrAbove(tc.neg, ThresholdAtFPR(tc.neg, tc.fpr)) != tc.above {
				t.Errorf("regression: %s", tc.bug)
			}
			in := append([]float64(nil), tc.neg...)
			th := ThresholdAtFPR(tc.neg, tc.fpr)
			if got := countAtOrAbove(tc.neg, th); got != tc.above {
				t.Errorf("threshold %v leaves %d negatives at or above it, want %d", th, got, tc.above)
			}
			if !(th > tc.lower && th <= tc.upper) {
				t.Errorf("threshold %v not in (%v, %v]", th, tc.lower, tc.upper)
			}
			if n := countAtOrAbove(tc.neg, th); float64(n) > tc.fpr*float64(len(tc.neg))+1e-9 {
				t.Errorf("%d of %d negatives at or above threshold: more than fpr %v", n, len(tc.neg), tc.fpr)
			}
			for i := range in {
				if in[i] != tc.neg[i] {
					t.Fatalf("input changed: %v, was %v", tc.neg, in)
				}
			}
		})
	}
}

func TestThresholdAtFPREdges(t *testing.T) {
	if th := ThresholdAtFPR(nil, 0.05); !math.IsInf(th, 1) {
		t.Errorf("no negatives: threshold %v, want +Inf", th)
	}
	if th := ThresholdAtFPR(seq(0, 10), 1); !math.IsInf(th, -1) {
		t.Errorf("fpr 1: threshold %v, want -Inf", th)
	}
}

func TestTPRAtFPR(t *testing.T) {
	neg := seq(0, 100)
	tests := []struct {
		name     string
		pos, neg []float64
		fpr      float64
		want     float64 // NaN for undefined
	}{
		// threshold just above 98: 98.5, 99 and 100 are caught, 50 is not.
		{"1% on 0..99", []float64{50, 98.5, 99, 100}, neg, 0.01, 0.75},
		{"exactly at 98 is not caught", []float64{98, 98, 99, 120}, neg, 0.01, 0.5},
		// threshold just above 94: 95..99 and 200 caught out of 6.
		{"5% on 0..99", []float64{10, 94, 95, 97, 99, 200}, neg, 0.05, 4.0 / 6},
		{"all above", []float64{100, 101}, neg, 0.01, 1},
		{"none above", []float64{-1, 0, 50}, neg, 0.01, 0},
		{"no negatives", []float64{1, 2}, nil, 0.01, math.NaN()},
		{"no positives", nil, neg, 0.01, math.NaN()},
		{"neither", nil, nil, 0.05, math.NaN()},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := TPRAtFPR(tc.pos, tc.neg, tc.fpr)
			if math.IsNaN(tc.want) {
				if !math.IsNaN(got) {
					t.Fatalf("TPRAtFPR = %v, want NaN", got)
				}
				return
			}
			if !near(got, tc.want, 1e-12) {
				t.Fatalf("TPRAtFPR = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestEvaluate(t *testing.T) {
	s := []Scored{
		// machine: 3 flagged, 1 suspect, 1 clean
		{99, Flagged, true},
		{97, Flagged, true},
		{96.5, Flagged, true},
		{90, Suspect, true},
		{10, Clean, true},
		// human: 1 flagged, 1 suspect, 3 clean
		{98, Flagged, false},
		{88, Suspect, false},
		{40, Clean, false},
		{20, Clean, false},
		{5, Clean, false},
	}
	m := Evaluate(s)
	if m.Documents != 10 || m.Machine != 5 || m.Human != 5 {
		t.Fatalf("counts: documents %d machine %d human %d, want 10 5 5", m.Documents, m.Machine, m.Human)
	}
	wantConf := []struct {
		class   string
		got     map[Verdict]int
		verdict Verdict
		n       int
	}{
		{"machine", m.Confusion.Machine, Flagged, 3},
		{"machine", m.Confusion.Machine, Suspect, 1},
		{"machine", m.Confusion.Machine, Clean, 1},
		{"human", m.Confusion.Human, Flagged, 1},
		{"human", m.Confusion.Human, Suspect, 1},
		{"human", m.Confusion.Human, Clean, 3},
	}
	for _, c := range wantConf {
		if c.got[c.verdict] != c.n {
			t.Errorf("confusion %s/%s = %d, want %d", c.class, c.verdict, c.got[c.verdict], c.n)
		}
	}
	// tp 3, fp 1, fn 2, tn 4
	checks := []struct {
		name      string
		got, want float64
	}{
		{"precision", m.Precision, 0.75},
		{"recall", m.Recall, 0.6},
		{"f1", m.F1, 2 * 0.75 * 0.6 / (0.75 + 0.6)},
		{"fpr", m.FPR, 0.2},
		// pairs machine>human: 99 beats 5; 97, 96.5 and 90 beat 4 each
		// (not 98); 10 beats 5 (1) → 18/25
		{"auroc", m.AUROC, 18.0 / 25},
		{"auroc vs AUROC", m.AUROC, AUROC([]float64{99, 97, 96.5, 90, 10}, []float64{98, 88, 40, 20, 5})},
		// 5 negatives: 1% and 5% allow none, threshold just above 98.
		{"tpr@1", m.TPRAt1, 0.2},
		{"tpr@5", m.TPRAt5, 0.2},
	}
	for _, c := range checks {
		if !near(c.got, c.want, 1e-12) {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
}

func TestEvaluateDegenerate(t *testing.T) {
	tests := []struct {
		name string
		s    []Scored
		// want precision, recall, f1, fpr
		p, r, f1, fpr float64
		// AUROC and the catch rates need both classes
		undefined bool
	}{
		{"empty", nil, 0, 0, 0, 0, true},
		{"only machine, none flagged", []Scored{{10, Clean, true}, {50, Suspect, true}}, 0, 0, 0, 0, true},
		{"only human, one flagged", []Scored{{99, Flagged, false}, {1, Clean, false}}, 0, 0, 0, 0.5, true},
		{"perfect", []Scored{{99, Flagged, true}, {1, Clean, false}}, 1, 1, 1, 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := Evaluate(tc.s)
			for _, c := range []struct {
				name      string
				got, want float64
			}{{"precision", m.Precision, tc.p}, {"recall", m.Recall, tc.r}, {"f1", m.F1, tc.f1}, {"fpr", m.FPR, tc.fpr}} {
				if math.IsNaN(c.got) || !near(c.got, c.want, 1e-12) {
					t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
				}
			}
			for _, c := range []struct {
				name string
				got  float64
			}{{"AUROC", m.AUROC}, {"tpr@1", m.TPRAt1}, {"tpr@5", m.TPRAt5}} {
				if math.IsNaN(c.got) != tc.undefined {
					t.Errorf("%s = %v, NaN wanted: %v", c.name, c.got, tc.undefined)
				}
			}
			if m.Confusion.Machine == nil || m.Confusion.Human == nil {
				t.Errorf("confusion maps must not be nil")
			}
		})
	}
}

// An undefined figure is null in JSON and NaN again when read back; defined
// ones are written as the plain struct writes them, so an eval report or a
// model's dev_metrics reads as before.
func TestMetricsJSON(t *testing.T) {
	defined := Metrics{Documents: 10, Machine: 6, Human: 4, AUROC: 0.875, TPRAt1: 0.5, TPRAt5: 2.0 / 3,
		Precision: 0.75, Recall: 0.5, F1: 0.6, FPR: 0.25, TooShort: 2, Unsupported: 1,
		Confusion: Confusion{Machine: map[Verdict]int{Flagged: 4, Clean: 2}, Human: map[Verdict]int{Flagged: 1, Clean: 3}}}
	figures := []string{"auroc", "tpr_at_1pct_fpr", "tpr_at_5pct_fpr", "precision", "recall", "f1", "fpr"}
	for _, tc := range []struct {
		name  string
		m     Metrics
		nulls map[string]bool
	}{
		{"defined", defined, nil},
		{"only machine", Evaluate([]Scored{{99, Flagged, true}, {50, Clean, true}}),
			map[string]bool{"auroc": true, "tpr_at_1pct_fpr": true, "tpr_at_5pct_fpr": true}},
		{"only human", Evaluate([]Scored{{99, Flagged, false}, {50, Clean, false}}),
			map[string]bool{"auroc": true, "tpr_at_1pct_fpr": true, "tpr_at_5pct_fpr": true}},
		{"every figure undefined", Metrics{AUROC: math.NaN(), TPRAt1: math.NaN(), TPRAt5: math.NaN(),
			Precision: math.NaN(), Recall: math.NaN(), F1: math.NaN(), FPR: math.NaN()},
			map[string]bool{"auroc": true, "tpr_at_1pct_fpr": true, "tpr_at_5pct_fpr": true, "precision": true, "recall": true, "f1": true, "fpr": true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// as a model carries it (Dev *Metrics) and as eval's rows do
			b, err := json.Marshal(struct {
				Dev *Metrics
				Row Metrics
			}{&tc.m, tc.m})
			if err != nil {
				t.Fatal(err)
			}
			var raw struct{ Dev, Row map[string]any }
			if err := json.Unmarshal(b, &raw); err != nil {
				t.Fatal(err)
			}
			for _, o := range []map[string]any{raw.Dev, raw.Row} {
				for _, k := range figures {
					if v, ok := o[k]; !ok || (v == nil) != tc.nulls[k] {
						t.Errorf("%s: %v (present: %v), null wanted: %v", k, v, ok, tc.nulls[k])
					}
				}
			}
			if tc.nulls == nil {
				type plain Metrics
				want, _ := json.Marshal(plain(tc.m))
				if got, _ := json.Marshal(tc.m); !bytes.Equal(got, want) {
					t.Errorf("got  %s\nwant %s", got, want)
				}
			}
			var back struct {
				Dev *Metrics
				Row Metrics
			}
			if err := json.Unmarshal(b, &back); err != nil || back.Dev == nil {
				t.Fatalf("read back: %v, %v", back.Dev, err)
			}
			for _, m := range []Metrics{*back.Dev, back.Row} {
				for i, x := range []float64{m.AUROC, m.TPRAt1, m.TPRAt5, m.Precision, m.Recall, m.F1, m.FPR} {
					if math.IsNaN(x) != tc.nulls[figures[i]] {
						t.Errorf("read back: %s = %v", figures[i], x)
					}
				}
			}
			if again, _ := json.Marshal(back); !bytes.Equal(again, b) {
				t.Errorf("read back and written again: %s, want %s", again, b)
			}
		})
	}
}

// A stratum of at least MinStratum negatives that scores higher than the
// pool raises the threshold to its own; a smaller one, or texts without a
// stratum, count only in the pool.
func TestStratifiedThreshold(t *testing.T) {
	pool := func(n int, score float64) []float64 {
		s := make([]float64, n)
		for i := range s {
			s[i] = score + float64(i)/1000
		}
		return s
	}
	strata := func(n int, name string) []string {
		s := make([]string, n)
		for i := range s {
			s[i] = name
		}
		return s
	}
	// 900 low person texts of one source; 100 or 50 high of another
	low, high, small := pool(900, 10), pool(100, 80), pool(50, 80)
	for _, c := range []struct {
		name      string
		neg       []float64
		strata    []string
		wantAbove bool // the threshold is above the pooled one
	}{
		{"large high stratum", append(low, high...), append(strata(900, "a"), strata(100, "b")...), true},
		{"small high stratum", append(low, small...), append(strata(900, "a"), strata(50, "b")...), false},
		{"no strata", append(low, high...), make([]string, 1000), false},
	} {
		pooled := ThresholdAtFPR(c.neg, 0.01)
		got := StratifiedThreshold(c.neg, c.strata, 0.01)
		if (got > pooled) != c.wantAbove || got < pooled {
			t.Errorf("%s: %v against pooled %v", c.name, got, pooled)
		}
		by := map[string][]float64{}
		for i, s := range c.strata {
			by[s] = append(by[s], c.neg[i])
		}
		for s, v := range by {
			if len(v) >= MinStratum && s != "" && countAtOrAbove(v, got) > len(v)/100 {
				t.Errorf("%s: stratum %s: %d of %d reach %v", c.name, s, countAtOrAbove(v, got), len(v), got)
			}
		}
	}
}
