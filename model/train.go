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
	// Stratum is the sample's part of the data (its source, say) for the
	// thresholds: flagged must stay rare on every part's person-written
	// texts, not just on all of them together (see StratifiedThreshold).
	Stratum string
	// Weight is how many times the sample counts in the least-squares fits
	// (0 counts as 1): a source under-represented in the training data can
	// be given the weight of the others (chaff train --balance).
	Weight int
	// Profile names the profile (TrainOptions.Profiles) whose machine
	// texts this sample is one of; empty for none.
	Profile string
	// Part names the share of the machine texts this one belongs to (its
	// generator): with CrossFitLexicon, its lexicon features come from a
	// lexicon mined without that share, as a generator the shipped lexicon
	// never saw would meet it. Empty for none.
	Part string
}

func (s Sample) weight() int { return max(s.Weight, 1) }

func (s Sample) pure() bool { return s.Label == 0 || s.Label == 1 }

// TrainOptions control fitting.
type TrainOptions struct {
	Folds int     // cross-fitting and calibration folds
	Ridge float64 // L2 penalty on the standardised coefficients
	Mine  features.MineOptions
	// ShapeMine is the sentence-shape lexicon's mining, cross-fitted too.
	ShapeMine features.MineOptions
	// Fit is the discriminative lexicon's fit, cross-fitted too.
	Fit features.FitOptions
	// Lexicon is the shipped lexicon's own mining: when set, the template
	// features of each fold are recomputed with a lexicon mined without that
	// fold, so the fit sees them as they behave on unseen text.
	CrossFitLexicon bool
	// Exclude names features that get no weight (their values in the
	// training data are artefacts of how it was built).
	Exclude []string
	// Profiles to fit besides the model's own weights (see Profile): each
	// on the person-written samples and the machine samples that name it.
	Profiles []ProfileSpec
	Workers  int
}

// ProfileSpec is a profile to fit: its name and, for the model file, a
// description of its machine texts.
type ProfileSpec struct {
	Name, Machine string
}

// TrainReport is what training measured on the way.
type TrainReport struct {
	R2       float64
	OOF      []float64 // out-of-fold linear outputs, one per sample
	Excluded []string  // features given no weight, with the reason
	// Score is each sample's out-of-fold score (0-100): the highest
	// calibrated probability of the model's own weights and its profiles'.
	Score []float64
}

// lexiconFeatures are the catalogue entries computed from the lexicon.
var lexiconFeatures = [4]string{"template.llm-phrases", "template.human-phrases", "template.sentence-shapes", "template.phrase-regression"}

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
		if id == "" {
			continue // --exclude '' clears the default list
		}
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

	// Two stages. Style and template features decide machine against
	// person, fitted on the documents labelled exactly 0 or 1. Evidence
	// features (residue, leaks, structure, SEO) are then fitted to what the
	// first stage leaves unexplained over all documents, the residue copies
	// included, so that a widget line adds to a score instead of competing
	// with style for the same variance.
	cat := features.Catalogue()
	var styleCols, evidenceCols []int
	for _, j := range active {
		if cat[j].Sign > 0 && cat[j].Category != features.Template {
			evidenceCols = append(evidenceCols, j)
		} else {
			styleCols = append(styleCols, j)
		}
	}
	isPure := func(i int) bool { return samples[i].pure() }
	styleCols0 := append([]int(nil), styleCols...)
	twoStage := func(keep func(i int) bool, rep *TrainReport) (stage, stage, error) {
		s1, err := fitSigned(samples, z, ids, &styleCols, func(i int) bool { return keep(i) && isPure(i) }, func(i int) float64 { return samples[i].Label }, o.Ridge, rep)
		if err != nil {
			return stage{}, stage{}, err
		}
		s2, err := fitSigned(samples, z, ids, &evidenceCols, keep, func(i int) float64 { return samples[i].Label - s1.predict(i, z) }, o.Ridge, rep)
		return s1, s2, err
	}
	s1, s2, err := twoStage(func(int) bool { return true }, rep)
	if err != nil {
		return nil, nil, fmt.Errorf("train: %w", err)
	}
	rep.R2 = s1.r2
	for _, st := range []stage{s1, s2} {
		for k, j := range st.cols {
			weights[j].Coef = st.coef[k]
		}
	}
	b0 := s1.intercept + s2.intercept

	// Out-of-fold predictions for calibration and thresholds.
	rep.OOF = make([]float64, len(samples))
	foldEvidence := make([]stage, o.Folds) // each fold's evidence stage, for the profiles
	for f := 0; f < o.Folds; f++ {
		// each fold may drop features of its own; the full fit's choice
		// stays as it is.
		sc, ec := styleCols, evidenceCols
		styleCols, evidenceCols = append([]int(nil), sc...), append([]int(nil), ec...)
		f1, f2, err := twoStage(func(i int) bool { return fold[i] != f }, nil)
		styleCols, evidenceCols = sc, ec
		if err != nil {
			return nil, nil, fmt.Errorf("train: fold %d: %w", f, err)
		}
		foldEvidence[f] = f2
		for i := range samples {
			if fold[i] == f {
				rep.OOF[i] = f1.predict(i, z) + f2.predict(i, z)
			}
		}
	}
	m := &Model{Version: Version, Features: weights, Intercept: b0, Calibration: calibrate(samples, rep.OOF, isPure)}
	rep.Score = make([]float64, len(samples))
	for i := range samples {
		rep.Score[i] = 100 * m.Probability(rep.OOF[i])
	}
	for _, ps := range o.Profiles {
		pr, score, err := fitProfile(samples, z, ids, styleCols0, s2, foldEvidence, fold, o, ps, rep)
		if err != nil {
			return nil, nil, fmt.Errorf("train: profile %s: %w", ps.Name, err)
		}
		m.Profiles = append(m.Profiles, pr)
		for i := range samples {
			rep.Score[i] = math.Max(rep.Score[i], score[i])
		}
	}
	// Thresholds are set on every person-written sample, however short:
	// the scores of texts too short to get one (under Limits.MinWords) run
	// higher and wider, and thresholds that hold on them hold on person-
	// written text unlike the corpus's (README, model card: set on dev's
	// scored texts alone they would fall from about 96 and 99 to 88 and 91,
	// where 21% of scraped web articles and 47% of man pages score).
	var human []float64
	var strata []string
	for i, s := range samples {
		if s.Label == 0 {
			human = append(human, rep.Score[i])
			strata = append(strata, s.Stratum)
		}
	}
	m.Thresholds = thresholdsFor(human, strata)
	if err := m.bind(); err != nil {
		return nil, nil, err
	}
	sort.Strings(rep.Excluded)
	return m, rep, nil
}

// fitProfile fits a profile's style stage on the person-written samples
// and the machine samples of the profile, as the model's own first stage
// is fitted on all of them; the evidence stage is the model's own (page
// residue does not depend on who wrote the article). It returns the
// profile and every sample's out-of-fold score under it.
func fitProfile(samples []Sample, z func(i, j int) float64, ids []string, cols []int, evidence stage, foldEvidence []stage, fold []int, o TrainOptions, ps ProfileSpec, rep *TrainReport) (Profile, []float64, error) {
	member := func(i int) bool {
		s := samples[i]
		return s.pure() && (s.Label == 0 || s.Profile == ps.Name)
	}
	n := 0
	for i := range samples {
		if member(i) && samples[i].Label == 1 {
			n++
		}
	}
	if n == 0 {
		return Profile{}, nil, fmt.Errorf("no machine-written documents")
	}
	sub := &TrainReport{}
	cols = append([]int(nil), cols...)
	s1, err := fitSigned(samples, z, ids, &cols, member, func(i int) float64 { return samples[i].Label }, o.Ridge, sub)
	if err != nil {
		return Profile{}, nil, err
	}
	for _, e := range sub.Excluded {
		rep.Excluded = append(rep.Excluded, "profile "+ps.Name+": "+e)
	}
	pr := Profile{Name: ps.Name, Machine: ps.Machine, Intercept: s1.intercept + evidence.intercept, Coefs: map[string]float64{}}
	for _, st := range []stage{s1, evidence} {
		for k, j := range st.cols {
			pr.Coefs[ids[j]] = st.coef[k]
		}
	}
	oof := make([]float64, len(samples))
	for f := 0; f < o.Folds; f++ {
		fc := append([]int(nil), cols...)
		f1, err := fitSigned(samples, z, ids, &fc, func(i int) bool { return fold[i] != f && member(i) }, func(i int) float64 { return samples[i].Label }, o.Ridge, nil)
		if err != nil {
			return Profile{}, nil, fmt.Errorf("fold %d: %w", f, err)
		}
		for i := range samples {
			if fold[i] == f {
				oof[i] = f1.predict(i, z) + foldEvidence[f].predict(i, z)
			}
		}
	}
	pr.Calibration = calibrate(samples, oof, member)
	score := make([]float64, len(samples))
	for i := range samples {
		score[i] = 100 * sigmoid(pr.Calibration.A*oof[i]+pr.Calibration.B)
	}
	return pr, score, nil
}

// calibrate fits the logistic calibration of out-of-fold outputs on the
// kept samples' labels.
func calibrate(samples []Sample, oof []float64, keep func(i int) bool) Calibration {
	var xs, ys []float64
	for i, s := range samples {
		if keep(i) {
			xs = append(xs, oof[i])
			ys = append(ys, s.Label)
		}
	}
	a, b := fitLogistic(xs, ys)
	return Calibration{A: a, B: b}
}

// stage is one fitted linear stage over a set of columns.
type stage struct {
	intercept float64
	cols      []int
	coef      []float64
	r2        float64
}

func (s stage) predict(i int, z func(i, j int) float64) float64 {
	x := s.intercept
	for k, j := range s.cols {
		x += s.coef[k] * z(i, j)
	}
	return x
}

// fitSigned fits target on the columns *cols of the kept samples by OLS
// (sajari/regression) with a ridge penalty; while a signed feature's weight
// goes against its sign, it drops the worst offender from *cols and fits
// again.
func fitSigned(samples []Sample, z func(i, j int) float64, ids []string, cols *[]int, keep func(int) bool, target func(int) float64, ridge float64, rep *TrainReport) (stage, error) {
	cat := features.Catalogue()
	for {
		st, err := fitOLS(samples, z, ids, *cols, keep, target, ridge)
		if err != nil {
			return st, err
		}
		worst, worstK := 0.0, -1
		for k, j := range st.cols {
			if s := float64(cat[j].Sign); s != 0 && s*st.coef[k] < worst {
				worst, worstK = s*st.coef[k], k
			}
		}
		if worstK < 0 {
			return st, nil
		}
		if rep != nil {
			rep.Excluded = append(rep.Excluded, fmt.Sprintf("%s (fitted against its sign: %+.4f)", ids[st.cols[worstK]], st.coef[worstK]))
		}
		c := *cols
		*cols = append(c[:worstK:worstK], c[worstK+1:]...)
	}
}

func fitOLS(samples []Sample, z func(i, j int) float64, ids []string, cols []int, keep func(int) bool, target func(int) float64, ridge float64) (stage, error) {
	r := new(regression.Regression)
	r.SetObserved("target")
	for k, j := range cols {
		r.SetVar(k, ids[j])
	}
	n, sum := 0, 0.0
	for i := range samples {
		if keep(i) {
			w := samples[i].weight()
			n += w
			sum += float64(w) * target(i)
		}
	}
	if n == 0 {
		return stage{}, fmt.Errorf("no documents to fit")
	}
	if len(cols) == 0 {
		return stage{intercept: sum / float64(n)}, nil
	}
	for i := range samples {
		if !keep(i) {
			continue
		}
		v := make([]float64, len(cols))
		for k, j := range cols {
			v[k] = z(i, j)
		}
		// sajari/regression takes no row weights: a weight of k is k
		// copies of the row, which least squares treats the same.
		for range samples[i].weight() {
			r.Train(regression.DataPoint(target(i), v))
		}
	}
	// Ridge as data: one pseudo-row per feature, sqrt(lambda) in its column
	// and the mean target, which shrinks the coefficients towards zero and
	// leaves the intercept alone.
	for k := range cols {
		v := make([]float64, len(cols))
		v[k] = math.Sqrt(ridge)
		r.Train(regression.DataPoint(sum/float64(n), v))
	}
	if err := r.Run(); err != nil {
		return stage{}, err
	}
	c := r.GetCoeffs()
	return stage{intercept: c[0], cols: cols, coef: c[1:], r2: r.R2}, nil
}

// thresholdsFor sets the suspect and flagged thresholds at the scores 5%
// and 1% of the person-written scores reach, overall and in each stratum.
// Each score is taken as Explain shows it, to a tenth: a text just under a
// threshold must not show at it, and be called what it is not.
func thresholdsFor(human []float64, strata []string) Thresholds {
	shown := make([]float64, len(human))
	for i, h := range human {
		shown[i] = math.Round(h*10) / 10
	}
	return Thresholds{Suspect: roundUp(StratifiedThreshold(shown, strata, 0.05)), Flagged: roundUp(StratifiedThreshold(shown, strata, 0.01))}
}

// roundUp keeps thresholds readable without lowering them.
func roundUp(t float64) float64 {
	t = math.Ceil(t*10) / 10
	return math.Max(1, math.Min(100, t))
}

// crossFitLexicon replaces the lexicon columns of each fold with values
// from lexicons (phrases and sentence shapes) mined on the other folds, so
// the fit sees them as they behave on text they were not mined from. A
// machine text with a Part is scored by lexicons mined without its part as
// well: otherwise the fit learns how far the lexicon carries on the
// generators it was mined from, and trusts it too much on any other.
func crossFitLexicon(samples []Sample, X [][]float64, fold []int, o TrainOptions, col map[string]int) {
	folds := 0
	for _, f := range fold {
		folds = max(folds, f+1)
	}
	for f := 0; f < folds; f++ {
		var mine []features.LabelledText
		for i, s := range samples {
			if fold[i] != f && s.pure() {
				// CountPhrases reads a Part on machine texts only
				mine = append(mine, features.LabelledText{Doc: s.Doc, Machine: s.Label == 1, Part: s.Part})
			}
		}
		pc := features.CountPhrases(mine, o.Mine)
		sc := features.CountPhrases(mine, o.ShapeMine)
		fc := pc // the counts depend only on the stream and the n-gram length
		if o.Fit.Mine.Stream != o.Mine.Stream || o.Fit.Mine.MaxN != o.Mine.MaxN {
			fc = features.CountPhrases(mine, o.Fit.Mine)
		}
		type set struct{ phrases, shapes, fitted *features.Lexicon }
		lexicons := map[string]set{}
		lexiconsWithout := func(part string) set {
			p, ok := lexicons[part]
			if !ok {
				p = set{
					features.NewLexicon(pc.Lexicon(o.Mine, part)),
					features.NewLexicon(sc.Lexicon(o.ShapeMine, part)),
					features.NewLexicon(fc.Fit(mine, o.Fit, part)),
				}
				lexicons[part] = p
			}
			return p
		}
		for i, s := range samples {
			if fold[i] != f {
				continue
			}
			part := ""
			if s.Label == 1 {
				part = s.Part
			}
			lx := lexiconsWithout(part)
			m, h := lx.phrases.Scores(s.Doc.Prose())
			X[i][col[lexiconFeatures[0]]] = m.Value
			X[i][col[lexiconFeatures[1]]] = h.Value
			X[i][col[lexiconFeatures[2]]] = lx.shapes.NetPer100(features.Shapes.Words(s.Doc))
			X[i][col[lexiconFeatures[3]]] = lx.fitted.RootPer100(features.Phrases.Words(s.Doc))
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

// fitLogistic fits p = sigmoid(a*x + b) by Newton's method (Platt
// scaling), halving a step until the log-loss goes down, so that a start far
// from the answer cannot throw it off.
func fitLogistic(x, y []float64) (a, b float64) {
	loss := func(a, b float64) float64 {
		l := 0.0
		for i := range x {
			z := a*x[i] + b
			// log(1+e^z) - y*z, computed without overflow
			l += math.Max(z, 0) + math.Log1p(math.Exp(-math.Abs(z))) - y[i]*z
		}
		return l
	}
	a, b = 1, 0
	cur := loss(a, b)
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
		step := 1.0
		for ; step > 1e-6; step /= 2 {
			if l := loss(a-step*da, b-step*db); l <= cur {
				cur = l
				break
			}
		}
		if step <= 1e-6 {
			break
		}
		a -= step * da
		b -= step * db
		if math.Abs(step*da) < 1e-9 && math.Abs(step*db) < 1e-9 {
			break
		}
	}
	return a, b
}
