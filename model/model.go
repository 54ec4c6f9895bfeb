// Package model holds chaff's linear model: how it is stored, how it scores a
// document and explains the score, and how it is trained and evaluated.
package model

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"sync"

	"github.com/chaff-dev/chaff/features"
)

// Version is the model file format; a file of another version is refused.
const Version = 1

// zClip bounds a standardised value: one freak statistic on messy text must
// not outvote everything else.
const zClip = 4.0

// hardProbability is what one piece of hard evidence alone is worth: the
// score becomes at least this probability, and more evidence adds to it.
const hardProbability = 0.95

// Model is a standardised linear model with a logistic calibration. It is
// stored as JSON; every number that scores a document is in the file.
type Model struct {
	Version     int         `json:"version"`
	Features    []Weight    `json:"features"`
	Intercept   float64     `json:"intercept"`
	Calibration Calibration `json:"calibration"`
	// Profiles are further weightings of the same features; a document's
	// score is the highest of the model's and theirs (see Profile).
	Profiles   []Profile  `json:"profiles,omitempty"`
	Thresholds Thresholds `json:"thresholds"`
	Limits     Limits     `json:"limits"`
	Trained    TrainedOn  `json:"trained_on"`
	Dev        *Metrics   `json:"dev_metrics,omitempty"`

	index      []int       // catalogue position of each Features entry
	weightings []weighting // the model's own weights, then each profile's
}

// Weight is one feature's standardisation and coefficient.
type Weight struct {
	ID    string  `json:"id"`
	Mean  float64 `json:"mean"`
	Scale float64 `json:"scale"`
	Coef  float64 `json:"coef"`
}

// Profile is a second set of weights over the model's standardised
// features, fitted on the person-written texts against one kind of machine
// text only. A training corpus may hold machine text of opposite habits:
// chat models write longer, rarer words and fewer function words than the
// GPT-2-era models whose continuations fill half of the shipped corpus,
// and one linear fit over both averages those features away. Each profile
// keeps one kind's habits; a document's score is the highest calibrated
// probability of the model and its profiles, and it is explained by the one
// that gave it (Explanation.Profile). The thresholds are set on that
// highest score, so person-written text is held to the same
// false-positive rates.
type Profile struct {
	Name string `json:"name"`
	// Machine says which machine-written texts the profile was fitted on.
	Machine     string             `json:"machine"`
	Intercept   float64            `json:"intercept"`
	Coefs       map[string]float64 `json:"coefs"` // feature ID -> coefficient; a feature not named has none
	Calibration Calibration        `json:"calibration"`
}

// Calibration maps the linear output x to a probability 1/(1+e^-(A*x+B)).
type Calibration struct {
	A float64 `json:"a"`
	B float64 `json:"b"`
}

// Thresholds on the 0-100 score.
type Thresholds struct {
	Suspect float64 `json:"suspect"`
	Flagged float64 `json:"flagged"`
}

// Limits are the texts a model can judge. Below MinWords words of prose
// (the running text its statistics read: no headings, menus or widget
// lines, and only an HTML page's main text) its scores fall apart (AUROC
// and false positives by length band: chaff eval --by-length), so such a
// text gets the verdict too-short and no score.
type Limits struct {
	MinWords int `json:"min_words"`
	// Languages the model was trained on (ISO 639-3). A text reliably
	// detected to be in another gets the verdict unsupported. Empty: any.
	Languages []string `json:"languages"`
}

// TrainedOn records where the model came from, so it can be reproduced.
type TrainedOn struct {
	Command   string         `json:"command"`
	Data      []string       `json:"data"`
	Documents int            `json:"documents"`
	Positives int            `json:"positives"`
	Words     [2]int         `json:"words"` // fewest and most words of a training text
	Notes     []string       `json:"notes,omitempty"`
	R2        float64        `json:"r2"`
	Extra     map[string]int `json:"augmented,omitempty"`
}

//go:embed default.json
var defaultJSON []byte

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the embedded model that ships with chaff.
func Default() (*Model, error) {
	defaultOnce.Do(func() { defaultModel, defaultErr = Parse(defaultJSON, "embedded default model") })
	return defaultModel, defaultErr
}

// maxModelBytes bounds what Load reads: a model file is a few KB (the
// shipped one 9 KB); a larger file is not one, and --model /dev/zero must
// not fill the memory.
const maxModelBytes = 16 << 20

// maxMagnitude bounds every coefficient, the intercept and the calibration:
// a trained model's are below 100, and far larger ones would overflow the
// sum to infinity (and the score to NaN).
const maxMagnitude = 1e6

// Load reads a model file.
func Load(path string) (*Model, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("model %s: %w", path, err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxModelBytes+1))
	if err != nil {
		return nil, fmt.Errorf("model %s: %w", path, err)
	}
	if len(b) > maxModelBytes {
		return nil, fmt.Errorf("model %s: larger than %d MB: not a model file", path, maxModelBytes>>20)
	}
	return Parse(b, path)
}

// Parse decodes and checks a model; name is used in errors, which say what
// is wrong: JSON that is truncated or invalid (and where), a version this
// chaff does not read, a feature it does not know or that appears twice, a
// number out of range.
func Parse(b []byte, name string) (*Model, error) {
	var m Model
	if err := json.Unmarshal(b, &m); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case len(bytes.TrimSpace(b)) == 0:
			return nil, fmt.Errorf("model %s: not a valid model file: empty", name)
		case errors.Is(err, io.ErrUnexpectedEOF) || err.Error() == "unexpected end of JSON input":
			return nil, fmt.Errorf("model %s: not a valid model file: truncated JSON (ends at byte %d)", name, len(b))
		case errors.As(err, &se):
			return nil, fmt.Errorf("model %s: not a valid model file: invalid JSON at byte %d: %v", name, se.Offset, err)
		case errors.As(err, &te):
			field := te.Field
			if field == "" {
				field = "the file"
			}
			return nil, fmt.Errorf("model %s: not a valid model file: %s is a JSON %s, want %s (byte %d)", name, field, te.Value, te.Type, te.Offset)
		}
		return nil, fmt.Errorf("model %s: not a valid model file: %w", name, err)
	}
	if m.Version == 0 {
		return nil, fmt.Errorf("model %s: not a valid model file: no version (format version 0; this chaff reads version %d)", name, Version)
	}
	if m.Version != Version {
		return nil, fmt.Errorf("model %s: format version %d, this chaff reads version %d", name, m.Version, Version)
	}
	if err := m.bind(); err != nil {
		return nil, fmt.Errorf("model %s: %w", name, err)
	}
	return &m, nil
}

// bind maps the model's feature IDs onto the catalogue.
func (m *Model) bind() error {
	pos := map[string]int{}
	for i, id := range features.IDs() {
		pos[id] = i
	}
	if len(m.Features) == 0 {
		return fmt.Errorf("no features")
	}
	m.index = make([]int, len(m.Features))
	at := map[string]int{} // feature ID -> position in m.Features
	own := make([]float64, len(m.Features))
	for i, w := range m.Features {
		p, ok := pos[w.ID]
		if !ok {
			return fmt.Errorf("unknown feature %q (a model trained by another chaff version?)", w.ID)
		}
		if _, dup := at[w.ID]; dup {
			return fmt.Errorf("feature %q appears twice", w.ID)
		}
		at[w.ID] = i
		own[i] = w.Coef
		if !(w.Scale > 0) || math.IsInf(w.Scale, 0) || !finite(w.Coef) || math.Abs(w.Coef) > maxMagnitude || !finite(w.Mean) {
			return fmt.Errorf("feature %q: bad scale or coefficient", w.ID)
		}
		m.index[i] = p
	}
	for _, x := range []struct {
		name string
		v    float64
	}{{"intercept", m.Intercept}, {"calibration.a", m.Calibration.A}, {"calibration.b", m.Calibration.B}} {
		if !finite(x.v) || math.Abs(x.v) > maxMagnitude {
			return fmt.Errorf("%s %v out of range", x.name, x.v)
		}
	}
	if m.Calibration.A <= 0 {
		return fmt.Errorf("calibration.a must be positive (a higher linear output is more likely machine-written)")
	}
	m.weightings = []weighting{{"", m.Intercept, own, m.Calibration}}
	names := map[string]bool{"": true}
	for k := range m.Profiles {
		pr := &m.Profiles[k]
		if names[pr.Name] {
			return fmt.Errorf("profile %d: empty or repeated name %q", k+1, pr.Name)
		}
		names[pr.Name] = true
		if !finite(pr.Intercept) || math.Abs(pr.Intercept) > maxMagnitude || !finite(pr.Calibration.B) || math.Abs(pr.Calibration.B) > maxMagnitude ||
			!(pr.Calibration.A > 0) || pr.Calibration.A > maxMagnitude {
			return fmt.Errorf("profile %q: intercept or calibration out of range (calibration.a must be positive)", pr.Name)
		}
		coef := make([]float64, len(m.Features))
		for id, c := range pr.Coefs {
			i, ok := at[id]
			if !ok {
				return fmt.Errorf("profile %q: feature %q is not among the model's features", pr.Name, id)
			}
			if !finite(c) || math.Abs(c) > maxMagnitude {
				return fmt.Errorf("profile %q: feature %q: bad coefficient", pr.Name, id)
			}
			coef[i] = c
		}
		m.weightings = append(m.weightings, weighting{pr.Name, pr.Intercept, coef, pr.Calibration})
	}
	if !(m.Thresholds.Suspect > 0) || !(m.Thresholds.Flagged >= m.Thresholds.Suspect) || m.Thresholds.Flagged > 100 {
		return fmt.Errorf("thresholds must satisfy 0 < suspect <= flagged <= 100")
	}
	if m.Limits.MinWords < 0 {
		return fmt.Errorf("limits.min_words must not be negative")
	}
	return nil
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// standardise returns the clipped z-score of each of m.Features.
func (m *Model) standardise(values []float64) []float64 {
	z := make([]float64, len(m.Features))
	for i, w := range m.Features {
		v := (values[m.index[i]] - w.Mean) / w.Scale
		z[i] = math.Max(-zClip, math.Min(zClip, v))
	}
	return z
}

// weighting is the model's own weights or one profile's, as bind sets
// them out: coefficients by position in Model.Features.
type weighting struct {
	name        string
	intercept   float64
	coef        []float64
	calibration Calibration
}

// decide returns the weighting that gives values the highest calibrated
// probability, with each feature's contribution under it (coefficient
// times clipped z-score) and that probability.
func (m *Model) decide(values []float64) (weighting, []float64, float64) {
	z := m.standardise(values)
	var best weighting
	bestP := -1.0
	for _, w := range m.weightings {
		x := w.intercept
		for i, c := range w.coef {
			x += c * z[i]
		}
		if p := sigmoid(w.calibration.A*x + w.calibration.B); p > bestP {
			best, bestP = w, p
		}
	}
	for i, c := range best.coef {
		z[i] *= c
	}
	return best, z, bestP
}

// Probability calibrates a linear output.
func (m *Model) Probability(x float64) float64 {
	return sigmoid(m.Calibration.A*x + m.Calibration.B)
}

func sigmoid(x float64) float64 { return 1 / (1 + math.Exp(-x)) }
func logit(p float64) float64   { return math.Log(p / (1 - p)) }

// suspectFloor is the least score of a document carrying suspect evidence
// (page residue, disguised words): lines findings of kinds different rules.
// It is the suspect threshold for one line, rising towards (never reaching)
// the flagged threshold with every further line, and thrice as fast with
// every further kind, so that residue alone never accuses anyone and more
// residue always ranks higher: a page with three widget lines more than its
// clean copy outscores it even when both carry the same kinds (counting
// kinds alone, a real article with a menu above it tied with its copy with
// a menu above and below).
func (m *Model) suspectFloor(kinds, lines int) float64 {
	s, f := m.Thresholds.Suspect, m.Thresholds.Flagged
	amount := float64(3*(kinds-1) + lines - kinds)
	floor := s + 0.9*(f-s)*(1-math.Pow(0.85, amount))
	// scores are shown to a tenth: stay a tenth below flagged.
	return math.Max(s, math.Min(math.Ceil(floor*10)/10, f-0.1))
}

// Verdict for a score.
func (m *Model) Verdict(score float64) Verdict {
	switch {
	case score >= m.Thresholds.Flagged:
		return Flagged
	case score >= m.Thresholds.Suspect:
		return Suspect
	}
	return Clean
}

// Explain scores a document and says why.
func (m *Model) Explain(d *features.Document) *Explanation {
	return m.ExplainFiltered(d, nil)
}

// ExplainFiltered scores d as Explain does, but the findings drop accepts
// (suppressed by the writer, or of a rule turned off) count toward nothing:
// a feature's value shrinks by the share of its findings' weight that was
// dropped (all of it when every finding was), and dropped hard evidence or
// residue decides nothing. The dropped findings are listed in Suppressed.
func (m *Model) ExplainFiltered(d *features.Document, drop func(features.Finding) bool) *Explanation {
	results := features.Extract(d)
	values := make([]float64, len(results))
	var dropped []features.Finding
	for i, r := range results {
		values[i] = r.Value
		if drop == nil || len(r.Findings) == 0 {
			continue
		}
		var kept []features.Finding
		total, gone := 0.0, 0.0
		for _, f := range r.Findings {
			w := math.Max(math.Abs(f.Weight), 1e-9)
			total += w
			if drop(f) {
				gone += w
				dropped = append(dropped, f)
			} else {
				kept = append(kept, f)
			}
		}
		if gone > 0 {
			values[i] *= (total - gone) / total
			results[i].Findings = kept
		}
	}
	e := m.explain(values, results)
	e.Suppressed = dropped
	lang := d.Language()
	e.Language, e.LanguageConfidence = lang.Code, math.Round(lang.Confidence*100)/100
	switch {
	case !m.supports(lang):
		m.unsupported(e)
	case d.Prose().WordCount < m.Limits.MinWords && !e.Hard:
		// the words the statistics were read from, not the page's: a
		// 3,900-word page around a 15-word caption scored 100 on rates
		// over 15 words
		e.Verdict = TooShort
	}
	return e
}

// supports tells whether the model may judge text in lang: any language
// when the model names none, and any text whose language is not reliably
// detected (a list, a fragment).
func (m *Model) supports(lang features.Language) bool {
	if len(m.Limits.Languages) == 0 || lang.Code == "" || !lang.Reliable {
		return true
	}
	for _, l := range m.Limits.Languages {
		if l == lang.Code {
			return true
		}
	}
	return false
}

// unsupported turns e into the verdict for a text in a language the model
// does not know: no score, and only the findings of rules that read no
// language; hard evidence among them still flags.
func (m *Model) unsupported(e *Explanation) {
	e.Verdict = Unsupported
	e.Hard = false
	e.Residue = false
	kept := e.Findings[:0]
	for _, f := range e.Findings {
		ft, err := features.Lookup(f.Rule)
		if err != nil || !ft.AnyLanguage {
			continue
		}
		kept = append(kept, f)
		if ft.Hard {
			e.Hard = true
		}
	}
	e.Findings = kept
	if e.Hard {
		e.Verdict = Flagged
	}
}

// WithLanguages returns a copy of m that accepts text in these languages
// (ISO 639-3): a configuration may accept more than the model was trained
// on, at its own risk, or fewer.
func (m *Model) WithLanguages(codes []string) *Model {
	c := *m
	c.Limits.Languages = append([]string(nil), codes...)
	return &c
}

// WithThresholds returns a copy of m with other thresholds (a project's
// configuration may set its own).
func (m *Model) WithThresholds(t Thresholds) (*Model, error) {
	c := *m
	c.Thresholds = t
	if t.Suspect <= 0 || t.Flagged < t.Suspect || t.Flagged > 100 {
		return nil, fmt.Errorf("thresholds must satisfy 0 < suspect <= flagged <= 100")
	}
	return &c, nil
}

func (m *Model) explain(values []float64, results []features.Result) *Explanation {
	cat := features.Catalogue()
	w, contrib, p := m.decide(values)
	// Contributions are reported in log-odds of the calibrated score, the
	// unit in which hard evidence is counted too.
	for i := range contrib {
		contrib[i] *= w.calibration.A
	}

	e := &Explanation{Categories: map[features.Category]float64{}, Profile: w.name}
	for _, c := range features.Categories {
		e.Categories[c] = 0
	}
	// A finding's weight is what it adds, in log-odds: the part of its
	// feature's value it accounts for (Finding.Share when the feature says,
	// else an even split by the findings' own weights) times the model's
	// log-odds per unit of that value, plus its split of any hard-evidence
	// bonus. (A contribution is measured from the training mean, so a
	// document with fewer stock phrases than average has a negative
	// template contribution; each stock phrase it has still adds.)
	share := func(r features.Result, unit, value, bonus float64) {
		sum := 0.0
		for _, f := range r.Findings {
			sum += math.Abs(f.Weight)
		}
		n := float64(len(r.Findings))
		for _, f := range r.Findings {
			part := value / n
			switch {
			case f.Share > 0:
				part = f.Share
			case sum > 0:
				part = value * math.Abs(f.Weight) / sum
			}
			f.Weight = math.Round((unit*part+bonus/n)*1000) / 1000
			e.Findings = append(e.Findings, f)
		}
	}
	unit := make([]float64, len(cat)) // log-odds per unit of a feature's value, by catalogue index
	e.Contributions = make([]Contribution, 0, len(m.Features))
	for i, ft := range m.Features {
		f := cat[m.index[i]]
		unit[m.index[i]] = w.calibration.A * w.coef[i] / ft.Scale
		if _, shown := e.Categories[f.Category]; shown {
			e.Categories[f.Category] += contrib[i]
		}
		e.Contributions = append(e.Contributions, Contribution{Feature: ft.ID, Category: f.Category, Value: values[m.index[i]], Contribution: contrib[i]})
	}
	// Hard evidence: each firing hard feature is an independent witness
	// worth hardProbability; they combine with the model like odds do.
	hardLogit := logit(hardProbability)
	// Suspect evidence (page residue, disguised words) raises the score
	// to a floor; suspectLines counts its findings by category.
	suspectRules, suspectFindings := 0, 0
	suspectRule := map[string]bool{}
	suspectLines := map[features.Category]int{}
	for i, f := range cat {
		r := results[i]
		if f.Suspect && len(r.Findings) > 0 {
			suspectRules++
			suspectFindings += len(r.Findings)
			suspectRule[f.ID] = true
			suspectLines[f.Category] += len(r.Findings)
			e.Residue = e.Residue || f.Category == features.Residue
		}
		if f.Hard && len(r.Findings) > 0 {
			e.Hard = true
			p = 1 - (1-p)*(1-hardProbability)
			e.Categories[f.Category] += hardLogit
			share(r, unit[i], values[i], hardLogit)
			continue
		}
		// a finding of a feature the model gives no weight explains nothing
		// (unless it is residue, which lifts the score on its own).
		if len(r.Findings) > 0 && (unit[i] != 0 || f.Suspect || f.Category == features.LanguageCategory) {
			share(r, unit[i], values[i], 0)
		}
	}
	sort.SliceStable(e.Findings, func(a, b int) bool { return features.FindingLess(e.Findings[a], e.Findings[b]) })
	e.Score = math.Round(p*1000) / 10
	if suspectRules > 0 {
		// the evidence moves the score to target: the move is its doing,
		// shared out among its findings in the same log-odds unit.
		moveTo := func(target float64) {
			delta := logit(target/100) - logit(math.Min(math.Max(p, 1e-9), 1-1e-9))
			for k, f := range e.Findings {
				if suspectRule[f.Rule] {
					// every suspect finding was shared into e.Findings
					e.Findings[k].Weight = math.Round((f.Weight+delta/float64(suspectFindings))*1000) / 1000
				}
			}
			for c, n := range suspectLines {
				e.Categories[c] += delta * float64(n) / float64(suspectFindings)
			}
			e.Score = target
		}
		highestSuspect := math.Round((m.Thresholds.Flagged-0.1)*10) / 10
		withoutResidue := 100 * sigmoid(logit(math.Min(math.Max(p, 1e-9), 1-1e-9))-e.Categories[features.Residue])
		switch floor := m.suspectFloor(suspectRules, suspectFindings); {
		case floor > e.Score:
			moveTo(floor)
		case !e.Hard && e.Score >= m.Thresholds.Flagged && withoutResidue < m.Thresholds.Flagged:
			// residue never decides an accusation: a document that only
			// its residue would flag stays the highest suspect.
			moveTo(highestSuspect)
		}
	}
	e.Verdict = m.Verdict(e.Score)
	if e.Hard {
		e.Verdict = Flagged
	}
	for c, v := range e.Categories {
		e.Categories[c] = math.Round(v*1000) / 1000
	}
	return e
}
