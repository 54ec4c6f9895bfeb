package model

import "github.com/chaff-dev/chaff/features"

// Verdict is the model's word on a document.
type Verdict string

const (
	Clean   Verdict = "clean"
	Suspect Verdict = "suspect"
	Flagged Verdict = "flagged"
	// TooShort: the text has fewer words than the model's limits allow it
	// to judge (see Limits); it gets no score. Hard evidence still flags.
	TooShort Verdict = "too-short"
	// Unsupported: the text is in a language the model was not trained on
	// (see Limits); it gets no score. Findings of rules that do not depend
	// on language are still reported, and their hard evidence still flags.
	Unsupported Verdict = "unsupported"
)

// Contribution is one feature's share of a score: its coefficient times its
// standardised value, in log-odds of the calibrated score (the linear output
// times the calibration's slope), so contributions add up to the score's
// logit less the intercept.
type Contribution struct {
	Feature      string            `json:"feature"`
	Category     features.Category `json:"category"`
	Value        float64           `json:"value"`
	Contribution float64           `json:"contribution"`
}

// Scored tells whether the explanation carries a score (a text too short
// to judge has none, and reports must show none).
func (e *Explanation) Scored() bool { return e.Verdict != TooShort && e.Verdict != Unsupported }

// Explanation is a scored document: the score, the verdict and why.
type Explanation struct {
	Score   float64 `json:"score"` // 0-100, calibrated: reads as a probability in percent
	Verdict Verdict `json:"verdict"`
	// Language is the detected language (ISO 639-3) and the detector's
	// confidence in it.
	Language           string  `json:"language"`
	LanguageConfidence float64 `json:"language_confidence"`
	// Hard is set when hard evidence (a leaked prompt, a chatbot artefact, an
	// AI-use disclosure) decided the verdict on its own.
	Hard bool `json:"hard_evidence,omitempty"`
	// Residue is set when page-template residue made the document at least
	// suspect.
	Residue bool `json:"residue,omitempty"`
	// Profile names the model profile that gave the score (see Profile);
	// empty for the model's own weights.
	Profile       string                        `json:"profile,omitempty"`
	Categories    map[features.Category]float64 `json:"categories"`
	Contributions []Contribution                `json:"-"`
	Findings      []features.Finding            `json:"findings"`
	// Suppressed are findings left out of the score (see ExplainFiltered).
	Suppressed []features.Finding `json:"-"`
}
