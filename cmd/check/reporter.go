package check

import (
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/chaff-dev/chaff/features"
)

// Reporter writes the results of a check in one format. Files are written in
// the order given; findings in the order of each File (line, column, rule).
type Reporter interface {
	Report(w io.Writer, files []File) error
}

// Formats are the formats NewReporter accepts, the default first.
var Formats = []string{"text", "json", "sarif", "github", "checkstyle"}

// Options shape a report.
type Options struct {
	// Version is chaff's version, written as the tool's version in SARIF.
	Version string
	// Rules is the rule catalogue (features.Catalogue()), for SARIF's rule
	// metadata. Rules a finding names that are not in it are added to the
	// SARIF rules after the catalogue.
	Rules []*features.Feature
	// ShowSuppressed lists the findings a chaff-disable comment silenced,
	// marked as suppressed; by default they are left out.
	ShowSuppressed bool
}

// NewReporter returns the Reporter for format.
func NewReporter(format string, o Options) (Reporter, error) {
	switch format {
	case "text":
		return textReporter{o}, nil
	case "json":
		return jsonReporter{o}, nil
	case "sarif":
		return sarifReporter{o}, nil
	case "github":
		return githubReporter{o}, nil
	case "checkstyle":
		return checkstyleReporter{o}, nil
	}
	return nil, fmt.Errorf("unknown format %q (want one of %s)", format, strings.Join(Formats, ", "))
}

// shown returns the findings of f that a report lists.
func (o Options) shown(f File) []Finding {
	if o.ShowSuppressed {
		return f.Findings
	}
	out := make([]Finding, 0, len(f.Findings))
	for _, x := range f.Findings {
		if !x.Suppressed {
			out = append(out, x)
		}
	}
	return out
}

// message is a finding's message, never empty: the rule's description, or
// the rule's ID when there is none.
func message(x Finding) string {
	if m := strings.TrimSpace(x.Message); m != "" {
		return m
	}
	if x.Rule != "" {
		return x.Rule
	}
	return "finding"
}

// messageWithMatch is the message followed by the quoted match, if any.
func messageWithMatch(x Finding) string {
	if x.Match == "" {
		return message(x)
	}
	return message(x) + ` "` + x.Match + `"`
}

// firstLine is s up to its first line break.
func firstLine(s string) string {
	if i := strings.IndexAny(s, "\r\n"); i >= 0 {
		return s[:i]
	}
	return s
}

// camelCase turns a rule ID such as "template.llm-phrases" into
// "TemplateLlmPhrases".
func camelCase(id string) string {
	var b strings.Builder
	up := true
	for _, r := range id {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			up = true
			continue
		}
		if up {
			r = unicode.ToUpper(r)
			up = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// sentence capitalises s and ends it with a period.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	r := []rune(s)
	r[0] = unicode.ToUpper(r[0])
	s = string(r)
	if !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "!") && !strings.HasSuffix(s, "?") {
		s += "."
	}
	return s
}

// period ends s with a period, as SARIF wants of its messages.
func period(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasSuffix(s, ".") {
		return s
	}
	return s + "."
}

// plural writes "1 error", "2 errors".
func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}
