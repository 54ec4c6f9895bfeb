package check

import (
	"encoding/json"
	"io"

	"github.com/chaff-dev/chaff/features"
)

// jsonReporter writes a JSON array, one object a file, in the given order:
//
//	[{"path": ..., "score": 97.5 (null when the file could not be checked),
//	  "verdict": ..., "failed": true,
//	  "findings": [{"rule", "category", "severity", "message", "line",
//	                "column", "match", "weight"[, "suppressed": true]}],
//	  "error": ""}]
type jsonReporter struct{ o Options }

type jsonFile struct {
	Path     string        `json:"path"`
	Score    *float64      `json:"score"`
	Verdict  string        `json:"verdict"`
	Language string        `json:"language"`
	LangConf float64       `json:"language_confidence"`
	Failed   bool          `json:"failed"`
	Findings []jsonFinding `json:"findings"`
	Error    string        `json:"error"`
}

type jsonFinding struct {
	Rule       string            `json:"rule"`
	Category   features.Category `json:"category"`
	Severity   string            `json:"severity"`
	Message    string            `json:"message"`
	Line       int               `json:"line"`
	Column     int               `json:"column"`
	Match      string            `json:"match"`
	Weight     float64           `json:"weight"`
	Suppressed bool              `json:"suppressed,omitempty"`
}

func (r jsonReporter) Report(w io.Writer, files []File) error {
	out := make([]jsonFile, 0, len(files))
	for _, f := range files {
		jf := jsonFile{Path: f.Path, Score: f.Score, Verdict: f.Verdict, Language: f.Language, LangConf: f.LanguageConfidence, Failed: f.Failed, Error: f.Error, Findings: []jsonFinding{}}
		if f.Error != "" {
			jf.Score = nil
		}
		for _, x := range r.o.shown(f) {
			jf.Findings = append(jf.Findings, jsonFinding{
				Rule: x.Rule, Category: x.Category, Severity: x.Severity.String(), Message: x.Message,
				Line: x.Line, Column: x.Column, Match: x.Match, Weight: x.Weight, Suppressed: x.Suppressed,
			})
		}
		out = append(out, jf)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
