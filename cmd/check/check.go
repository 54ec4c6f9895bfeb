// Package check holds what `chaff check` reports: findings with a severity
// and a message, per file, and one reporter per output format (text, json,
// sarif, github, checkstyle), in the manner of linters that editors and CI
// already read.
package check

import (
	"fmt"
	"strings"

	"github.com/chaff-dev/chaff/features"
)

// Severity of a finding, as linters grade them.
type Severity int

const (
	Info Severity = iota
	Warning
	Error
)

var severityNames = []string{"info", "warning", "error"}

func (s Severity) String() string {
	if s < Info || s > Error {
		return fmt.Sprintf("severity(%d)", int(s))
	}
	return severityNames[s]
}

// ParseSeverity reads "info", "warning" or "error".
func ParseSeverity(s string) (Severity, error) {
	for i, n := range severityNames {
		if strings.EqualFold(s, n) {
			return Severity(i), nil
		}
	}
	return 0, fmt.Errorf("unknown severity %q (want info, warning or error)", s)
}

// DefaultSeverity grades a rule: hard evidence is an error, page residue a
// warning, everything the model only weighs is info.
func DefaultSeverity(f *features.Feature) Severity {
	switch {
	case f.Hard:
		return Error
	case f.Suspect:
		return Warning
	}
	return Info
}

// Finding is one finding as `chaff check` reports it.
type Finding struct {
	features.Finding
	Severity   Severity
	Message    string // the rule's description
	Suppressed bool   // silenced by a chaff-disable comment; listed only with --show-suppressed
}

// File is the result of checking one file.
type File struct {
	Path    string
	Score   *float64 // nil when the file could not be checked
	Verdict string
	// Language is the detected language (ISO 639-3) and the detector's
	// confidence.
	Language           string
	LanguageConfidence float64
	Findings           []Finding // sorted by line, column, rule
	Error              string    // why the file could not be checked
	Failed             bool      // this file fails the check (--fail-above / --fail-on)
}
