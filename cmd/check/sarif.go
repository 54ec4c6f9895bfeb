package check

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/chaff-dev/chaff/features"
)

// sarifReporter writes a SARIF 2.1.0 log with one run, as GitHub code
// scanning and other SARIF viewers read it.
//
// Every catalogue rule is listed in tool.driver.rules, and each result points
// at its rule by ruleId and ruleIndex. Columns count Unicode code points
// (run.columnKind). Relative paths stay relative to %SRCROOT% (the repository
// root for GitHub); absolute ones become file: URIs. partialFingerprints
// hash the rule, the path and the match text (plus the occurrence number of
// that same text in the file), not the line, so that an alert survives edits
// above it. Files that could not be checked become toolExecutionNotifications.
type sarifReporter struct{ o Options }

const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	chaffURI     = "https://github.com/chaff-dev/chaff"
	rulesURI     = chaffURI + "#rule-catalogue"
	srcRoot      = "%SRCROOT%"
	// fingerprintKey names the partial fingerprint; bump the version when
	// the way it is computed changes.
	fingerprintKey = "chaff/v1"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool            `json:"tool"`
	Invocations []sarifInvocation    `json:"invocations"`
	Artifacts   []sarifArtifactEntry `json:"artifacts,omitempty"`
	Results     []sarifResult        `json:"results"`
	ColumnKind  string               `json:"columnKind"`
}

// sarifArtifactEntry is a checked file, with chaff's word on it in properties:
// its score (absent when it has none), verdict and language.
type sarifArtifactEntry struct {
	Location   sarifArtifact      `json:"location"`
	Properties sarifArtifactProps `json:"properties"`
}

type sarifArtifactProps struct {
	Score              *float64 `json:"score,omitempty"`
	Verdict            string   `json:"verdict"`
	Language           string   `json:"language,omitempty"`
	LanguageConfidence float64  `json:"languageConfidence,omitempty"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri"`
	Version        string      `json:"version,omitempty"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string             `json:"id"`
	Name                 string             `json:"name"`
	ShortDescription     sarifText          `json:"shortDescription"`
	FullDescription      sarifText          `json:"fullDescription"`
	Help                 sarifText          `json:"help"`
	HelpURI              string             `json:"helpUri"`
	DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
	Properties           sarifRuleProps     `json:"properties"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

type sarifRuleProps struct {
	Category string   `json:"category,omitempty"`
	Tags     []string `json:"tags,omitempty"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level      string           `json:"level"`
	Message    sarifText        `json:"message"`
	Descriptor *sarifDescriptor `json:"descriptor,omitempty"`
	Locations  []sarifLocation  `json:"locations,omitempty"`
}

type sarifDescriptor struct {
	ID string `json:"id"`
}

type sarifResult struct {
	RuleID              string             `json:"ruleId"`
	RuleIndex           int                `json:"ruleIndex"`
	Level               string             `json:"level"`
	Message             sarifText          `json:"message"`
	Locations           []sarifLocation    `json:"locations"`
	PartialFingerprints map[string]string  `json:"partialFingerprints"`
	Suppressions        []sarifSuppression `json:"suppressions,omitempty"`
}

type sarifSuppression struct {
	Kind string `json:"kind"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"` // none for a file-level notification
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

// sarifLevel maps a severity to a SARIF level.
func sarifLevel(s Severity) string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return "note"
}

// sarifArtifactLocation turns a path as given on the command line into an
// artifact location: a relative URI reference with forward slashes against
// %SRCROOT%, or a file: URI for an absolute path.
func sarifArtifactLocation(path string) sarifArtifact {
	p := filepath.ToSlash(path)
	abs := filepath.IsAbs(path) || strings.HasPrefix(p, "/")
	if abs {
		if !strings.HasPrefix(p, "/") {
			p = "/" + p // a Windows drive path: file:///C:/...
		}
		u := url.URL{Scheme: "file", Path: p}
		return sarifArtifact{URI: u.String()}
	}
	for strings.HasPrefix(p, "./") {
		p = strings.TrimLeft(p[2:], "/")
	}
	u := url.URL{Path: p}
	// url.URL.String adds "./" before a first segment with a colon, so that
	// it does not read as a scheme.
	return sarifArtifact{URI: u.String(), URIBaseID: srcRoot}
}

// sarifToolVersion is chaff's version as SARIF consumers compare it: starting
// with a number ("v1.2.3" becomes "1.2.3"; no version at all "0.0.0-devel").
func sarifToolVersion(v string) string {
	v = strings.TrimSpace(v)
	if len(v) > 1 && v[0] == 'v' && v[1] >= '0' && v[1] <= '9' {
		v = v[1:]
	}
	if v == "" || v[0] < '0' || v[0] > '9' {
		v = "0.0.0-" + strings.Trim(strings.NewReplacer("(", "", ")", "").Replace(v), " ")
		v = strings.TrimSuffix(v, "-")
		if v == "0.0.0" {
			v = "0.0.0-devel"
		}
	}
	return v
}

// fingerprint hashes what identifies a finding across edits: its rule, its
// file and its text, not its line; n tells apart the same text found more
// than once in a file (1 for the first).
func fingerprint(rule, uri, match string, n int) string {
	h := sha256.Sum256([]byte(rule + "\x00" + uri + "\x00" + match))
	return hex.EncodeToString(h[:16]) + ":" + strconv.Itoa(n)
}

func (r sarifReporter) Report(w io.Writer, files []File) error {
	driver := sarifDriver{Name: "chaff", InformationURI: chaffURI, Version: sarifToolVersion(r.o.Version), Rules: []sarifRule{}}
	index := map[string]int{}
	for _, f := range r.o.Rules {
		if _, dup := index[f.ID]; dup {
			continue
		}
		index[f.ID] = len(driver.Rules)
		driver.Rules = append(driver.Rules, sarifRuleFor(f))
	}
	inv := sarifInvocation{ExecutionSuccessful: true}
	results := []sarifResult{}
	var artifacts []sarifArtifactEntry
	for _, f := range files {
		loc := sarifArtifactLocation(f.Path)
		if f.Error == "" {
			artifacts = append(artifacts, sarifArtifactEntry{Location: loc, Properties: sarifArtifactProps{
				Score: f.Score, Verdict: f.Verdict, Language: f.Language, LanguageConfidence: f.LanguageConfidence}})
		}
		if f.Error != "" {
			inv.ExecutionSuccessful = false
			inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{
				Level:      "error",
				Message:    sarifText{Text: period(f.Error)},
				Descriptor: &sarifDescriptor{ID: "input"},
				Locations:  []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: loc}}},
			})
			continue
		}
		// Occurrences are counted over every finding, shown or not, so that
		// --show-suppressed does not change the fingerprints of the others.
		seen := map[[2]string]int{}
		for _, x := range f.Findings {
			key := [2]string{x.Rule, x.Match}
			seen[key]++
			if x.Suppressed && !r.o.ShowSuppressed {
				continue
			}
			i, ok := index[x.Rule]
			if !ok {
				// A rule outside the catalogue: describe it from the finding.
				i = len(driver.Rules)
				index[x.Rule] = i
				driver.Rules = append(driver.Rules, sarifRuleFor(&features.Feature{ID: x.Rule, Category: x.Category, Description: message(x)}))
				driver.Rules[i].DefaultConfiguration.Level = sarifLevel(x.Severity)
			}
			res := sarifResult{
				RuleID:              x.Rule,
				RuleIndex:           i,
				Level:               sarifLevel(x.Severity),
				Message:             sarifText{Text: messageWithMatch(x)},
				Locations:           []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: loc, Region: sarifRegionFor(x)}}},
				PartialFingerprints: map[string]string{fingerprintKey: fingerprint(x.Rule, loc.URI, x.Match, seen[key])},
			}
			if x.Suppressed {
				res.Suppressions = []sarifSuppression{{Kind: "inSource"}}
			}
			results = append(results, res)
		}
	}
	log := sarifLog{
		Schema:  sarifSchema,
		Version: sarifVersion,
		Runs: []sarifRun{{
			Tool:        sarifTool{Driver: driver},
			Invocations: []sarifInvocation{inv},
			Artifacts:   artifacts,
			Results:     results,
			ColumnKind:  "unicodeCodePoints",
		}},
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(log)
}

// sarifRuleFor describes a catalogue rule: its short description is the part
// of the description before the first colon, its full description the whole.
func sarifRuleFor(f *features.Feature) sarifRule {
	full := strings.TrimSpace(f.Description)
	if full == "" {
		full = f.ID
	}
	short := full
	if i := strings.Index(full, ": "); i > 0 {
		short = full[:i]
	}
	r := sarifRule{
		ID:                   f.ID,
		Name:                 camelCase(f.ID),
		ShortDescription:     sarifText{Text: sentence(short)},
		FullDescription:      sarifText{Text: sentence(full)},
		Help:                 sarifText{Text: sentence(full) + " Rule " + f.ID + " of chaff's rule catalogue: " + rulesURI},
		HelpURI:              rulesURI,
		DefaultConfiguration: sarifConfiguration{Level: sarifLevel(DefaultSeverity(f))},
	}
	if f.Category != "" {
		r.Properties = sarifRuleProps{Category: string(f.Category), Tags: []string{string(f.Category)}}
	}
	return r
}

// sarifRegionFor is the region of a finding: from its column to the end of
// the first line of its match. A finding without a line or a column points
// at the start of the file, or of its line.
func sarifRegionFor(x Finding) *sarifRegion {
	line, col := max(x.Line, 1), max(x.Column, 1)
	if x.Line < 1 {
		col = 1
	}
	n := utf8.RuneCountInString(firstLine(x.Match))
	return &sarifRegion{StartLine: line, StartColumn: col, EndLine: line, EndColumn: col + n}
}
