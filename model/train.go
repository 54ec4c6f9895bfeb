package model

import (
	"fmt"
	"hash/fnv"
	"math"
	"runtime"
	"sort"
	"sync"

	"github.com/chaff-dev/chaff/features"
	"github.com/sajari/regression"
)

// Sample is one training document. Label is the regression target: 1 for
// machine-written, 0 for person-written; values in between are allowed for
// documents that are low-quality without being machine-made (a person's
// article under page residue). Only samples labelled exactly 0 or 1 are used
// to mine the lexicon, calibrate and set thresholds.
type Sample struct {
	Doc   *features.Document
	Label float64
	Group string // samples of one group stay in one fold
}

func (s Sample) pure() bool { return s.Label == 0 || s.Label == 1 }

// TrainOptions control fitting.
type TrainOptions struct {
	Folds int     // cross-fitting and calibration folds
	Ridge float64 // L2 penalty on the standardised coefficients
	Mine  features.MineOptions
	// Lexicon is the shipped lexicon's own mining: when set, the template
	// features of each fold are recomputed with a lexicon mined without that
	// fold, so the fit sees them as they behave on unseen text.
	CrossFitLexicon bool
	// Exclude names features that get no weight (their values in the
	// training data are artefacts of how it was built).
	Exclude []string
	Workers int
}

// TrainReport is what training measured on the way.
type TrainReport struct {
	R2       float64
	OOF      []float64 // out-of-fold linear outputs, one per sample
	Excluded []string  // features given no weight, with the reason
}

// lexiconFeatures are the catalogue entries computed from the lexicon.
var lexiconFeatures = [2]string{"template.llm-phrases", "template.human-phrases"}

// Vectors extracts the catalogue feature vector of each document, in
// parallel.
func Vectors(docs []*features.Document, workers int) [][]float64 {
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	out := make([][]float64, len(docs))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				rs := features.Extract(docs[i])
				v := make([]float64, len(rs))
				for k, r := range rs {
					v[k] = r.Value
				}
				out[i] = v
			}
		}()
	}
	for i := range docs {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

func foldOf(group string, folds int) int {
	h := fnv.New32a()
	h.Write([]byte(group))
	return int(h.Sum32() % uint32(folds))
}

// Train fits a model: standardised OLS (sajari/regression) with a ridge
// penalty, out-of-fold predictions for a logistic calibration, and
// thresholds from the out-of-fold scores of person-written samples.
func Train(samples []Sample, o TrainOptions) (*Model, *TrainReport, error) {
	if len(samples) < 10 {
		return nil, nil, fmt.Errorf("train: %d documents is too few", len(samples))
	}
	if o.Folds < 2 {
		o.Folds = 5
	}
	docs := make([]*features.Document, len(samples))
	fold := make([]int, len(samples))
	for i, s := range samples {
		docs[i] = s.Doc
		fold[i] = foldOf(s.Group, o.Folds)
	}
	X := Vectors(docs, o.Workers)
	ids := features.IDs()
	col := map[string]int{}
	for i, id := range ids {
		col[id] = i
	}
	if o.CrossFitLexicon {
		crossFitLexicon(samples, X, fold, o, col)
	}

	rep := &TrainReport{}
	excluded := map[string]bool{}
	for _, id := range o.Exclude {
		if _, ok := col[id]; !ok {
			return nil, nil, fmt.Errorf("train: unknown feature %q in exclusions", id)
		}
		excluded[id] = true
		rep.Excluded = append(rep.Excluded, id+" (excluded)")
	}
	// Standardise; a feature that never varies cannot be fitted.
	weights := make([]Weight, len(ids))
	var active []int
	for j, id := range ids {
		mean, sd := meanSD(X, j)
		weights[j] = Weight{ID: id, Mean: mean, Scale: sd}
		if sd < 1e-9 {
			weights[j].Scale = 1
			if !excluded[id] {
				rep.Excluded = append(rep.Excluded, id+" (constant in the training data)")
			}
			continue
		}
		if !excluded[id] {
			active = append(active, j)
		}
	}
	z := func(i, j int) float64 {
		v := (X[i][j] - weights[j].Mean) / weights[j].Scale
		return math.Max(-zClip, math.Min(zClip, v))
	}

	fit := func(keep func(i int) bool) (float64, []float64, float64, error) {
		r := new(regression.Regression)
		r.SetObserved("label")
		for k, j := range active {
			r.SetVar(k, ids[j])
		}
		n := 0
		sum := 0.0
		for i := range samples {
			if keep(i) {
				n++
				sum += samples[i].Label
			}
		}
		mean := sum / float64(n)
		for i := range samples {
			if !keep(i) {
				continue
			}
			v := make([]float64, len(active))
			for k, j := range active {
				v[k] = z(i, j)
			}
			r.Train(regression.DataPoint(samples[i].Label, v))
		}
		// Ridge as data: one pseudo-row per feature, sqrt(lambda) in its
		// column and the mean label as target, which shrinks coefficients
		// towards zero and leaves the intercept alone.
		if o.Ridge > 0 {
			for k := range active {
				v := make([]float64, len(active))
				v[k] = math.Sqrt(o.Ridge)
				r.Train(regression.DataPoint(mean, v))
			}
		}
		if err := r.Run(); err != nil {
			return 0, nil, 0, err
		}
		c := r.GetCoeffs()
		return c[0], c[1:], r.R2, nil
	}

	// Out-of-fold predictions for calibration and thresholds.
	rep.OOF = make([]float64, len(samples))
	for f := 0; f < o.Folds; f++ {
		b0, b, _, err := fit(func(i int) bool { return fold[i] != f })
		if err != nil {
			return nil, nil, fmt.Errorf("train: fold %d: %w", f, err)
		}
		for i := range samples {
			if fold[i] != f {
				continue
			}
			x := b0
			for k, j := range active {
				x += b[k] * z(i, j)
			}
			rep.OOF[i] = x
		}
	}
	b0, b, r2, err := fit(func(int) bool { return true })
	if err != nil {
		return nil, nil, fmt.Errorf("train: %w", err)
	}
	rep.R2 = r2
	for k, j := range active {
		weights[j].Coef = b[k]
	}

	var xs, ys []float64
	for i, s := range samples {
		if s.pure() {
			xs = append(xs, rep.OOF[i])
			ys = append(ys, s.Label)
		}
	}
	a, c := fitLogistic(xs, ys)
	m := &Model{Version: Version, Features: weights, Intercept: b0, Calibration: Calibration{A: a, B: c}}
	var human []float64
	for i, s := range samples {
		if s.Label == 0 {
			human = append(human, 100*m.Probability(rep.OOF[i]))
		}
	}
	m.Thresholds = Thresholds{Suspect: roundUp(ThresholdAtFPR(human, 0.05)), Flagged: roundUp(ThresholdAtFPR(human, 0.01))}
	if err := m.bind(); err != nil {
		return nil, nil, err
	}
	sort.Strings(rep.Excluded)
	return m, rep, nil
}

// roundUp keeps thresholds readable without lowering them.
func roundUp(t float64) float64 {
	t = math.Ceil(t*10) / 10
	return math.Max(1, math.Min(100, t))
}

// crossFitLexicon replaces the lexicon columns of each fold with values
// from a lexicon mined on the other folds.
func crossFitLexicon(samples []Sample, X [][]float64, fold []int, o TrainOptions, col map[string]int) {
	folds := 0
	for _, f := range fold {
		folds = max(folds, f+1)
	}
	for f := 0; f < folds; f++ {
		var mine []features.LabelledText
		for i, s := range samples {
			if fold[i] != f && s.pure() {
				mine = append(mine, features.LabelledText{Doc: s.Doc, Machine: s.Label == 1})
			}
		}
		lx := features.NewLexicon(features.MineLexicon(mine, o.Mine))
		for i, s := range samples {
			if fold[i] != f {
				continue
			}
			m, h := lx.Scores(s.Doc)
			X[i][col[lexiconFeatures[0]]] = m.Value
			X[i][col[lexiconFeatures[1]]] = h.Value
		}
	}
}

func meanSD(X [][]float64, j int) (float64, float64) {
	n := float64(len(X))
	s := 0.0
	for _, r := range X {
		s += r[j]
	}
	mean := s / n
	v := 0.0
	for _, r := range X {
		d := r[j] - mean
		v += d * d
	}
	return mean, math.Sqrt(v / n)
}

// fitLogistic fits p = sigmoid(a*x + b) by Newton's method (Platt scaling).
func fitLogistic(x, y []float64) (a, b float64) {
	a, b = 1, 0
	for it := 0; it < 100; it++ {
		var ga, gb, haa, hab, hbb float64
		for i := range x {
			p := sigmoid(a*x[i] + b)
			d := p - y[i]
			w := math.Max(p*(1-p), 1e-12)
			ga += d * x[i]
			gb += d
			haa += w * x[i] * x[i]
			hab += w * x[i]
			hbb += w
		}
		// a tiny ridge keeps the Hessian invertible on separable data.
		haa += 1e-6
		hbb += 1e-6
		det := haa*hbb - hab*hab
		da := (hbb*ga - hab*gb) / det
		db := (haa*gb - hab*ga) / det
		a -= da
		b -= db
		if math.Abs(da) < 1e-9 && math.Abs(db) < 1e-9 {
			break
		}
	}
	return a, b
}
