package check

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"flag"
	"path/filepath"
	"strings"
	"testing"

	goldenfile "github.com/chaff-dev/chaff/cmd/internal/golden"
	"github.com/chaff-dev/chaff/features"
)

var update = flag.Bool("update", false, "rewrite the golden files")

const goldenDir = "../../testdata/golden/check"

// rules is a fixed slice of the catalogue, so that the golden files do not
// change whenever a catalogue description does.
func rules() []*features.Feature {
	return []*features.Feature{
		{ID: "leak.chatbot", Category: features.Leak, Hard: true, Description: `chatbot voice: "As an AI language model", "Certainly! Here's", "I hope this helps", knowledge-cutoff talk`},
		{ID: "residue.comment-counter", Category: features.Residue, Suspect: true, Description: `comment-count widget lines: "0 Comments", "Comments (3)", "Post a Comment (0)"`},
		{ID: "residue.share", Category: features.Residue, Suspect: true, Description: `share and follow widgets: "Share this article", "Tweet", "Copy link", runs of network names`},
		{ID: "style.hedges", Category: features.Style, Description: "hedging words per 100 words"},
		{ID: "template.llm-phrases", Category: features.Template, Description: "Stock LLM phrasing: weight per 100 words of mined phrases that machine-written articles use more than people"},
	}
}

func finding(rule string, cat features.Category, sev Severity, line, col int, match string, weight float64) Finding {
	desc := ""
	for _, r := range rules() {
		if r.ID == rule {
			desc = r.Description
		}
	}
	return Finding{
		Finding:  features.Finding{Rule: rule, Category: cat, Line: line, Column: col, Match: match, Weight: weight},
		Severity: sev,
		Message:  desc,
	}
}

// files are built by hand: a flagged file with an error, warnings, info
// findings and a suppressed one, whose matches hold quotes, <, &, commas,
// colons, a newline and non-ASCII text; a clean file; and a file that could
// not be checked.
func files() []File {
	score, clean := 97.5, 2.04
	suppressed := finding("residue.share", features.Residue, Warning, 9, 5, "Share this article", 0.2)
	suppressed.Suppressed = true
	return []File{
		{
			Path: "docs/posts/Q&A, part 1.md", Score: &score, Verdict: "flagged", Failed: true,
			Findings: []Finding{
				finding("leak.chatbot", features.Leak, Error, 1, 1, `Certainly! Here's your article: "Q&A, <part 1>"`, 2.9444),
				finding("template.llm-phrases", features.Template, Info, 3, 12, "delve into the café’s", 0.75),
				finding("residue.comment-counter", features.Residue, Warning, 7, 1, "Comments (3)\nLeave a Reply", 0.3),
				suppressed,
				finding("template.llm-phrases", features.Template, Info, 11, 3, "it is important to note that, in today's fast-paced digital landscape, every", 0.5),
				finding("template.llm-phrases", features.Template, Info, 14, 1, "delve into the café’s", 0.75),
			},
		},
		{Path: "docs/clean.md", Score: &clean, Verdict: "clean"},
		{Path: "drafts/missing.md", Error: "open drafts/missing.md: no such file or directory", Failed: true},
	}
}

func options() Options { return Options{Version: "1.2.3", Rules: rules()} }

func render(t *testing.T, format string, o Options) string {
	t.Helper()
	r, err := NewReporter(format, o)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := r.Report(&b, files()); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestGolden(t *testing.T) {
	for _, format := range Formats {
		t.Run(format, func(t *testing.T) {
			got := render(t, format, options())
			goldenfile.Check(t, filepath.Join(goldenDir, format+".golden"), got, *update)
		})
	}
}

func TestUnknownFormat(t *testing.T) {
	if _, err := NewReporter("xml", options()); err == nil {
		t.Fatal("NewReporter(xml) succeeded")
	}
}

func TestJSONParses(t *testing.T) {
	var got []struct {
		Path     string   `json:"path"`
		Score    *float64 `json:"score"`
		Verdict  string   `json:"verdict"`
		Failed   bool     `json:"failed"`
		Error    string   `json:"error"`
		Findings []struct {
			Rule, Category, Severity, Message, Match string
			Line, Column                             int
			Weight                                   float64
			Suppressed                               bool
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(render(t, "json", options())), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Fatalf("got %d files, want 3", len(got))
	}
	if got[0].Score == nil || *got[0].Score != 97.5 || !got[0].Failed || len(got[0].Findings) != 5 {
		t.Errorf("first file: %+v", got[0])
	}
	if f := got[0].Findings[0]; f.Rule != "leak.chatbot" || f.Severity != "error" || f.Match != `Certainly! Here's your article: "Q&A, <part 1>"` || f.Line != 1 || f.Column != 1 {
		t.Errorf("first finding: %+v", f)
	}
	if got[1].Findings == nil {
		t.Error("a file without findings has findings null, want []")
	}
	if got[2].Score != nil || got[2].Error == "" {
		t.Errorf("unchecked file: score %v, error %q", got[2].Score, got[2].Error)
	}
}

type sarifDoc struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name    string `json:"name"`
				Version string `json:"version"`
				Rules   []struct {
					ID                   string `json:"id"`
					Name                 string `json:"name"`
					DefaultConfiguration struct {
						Level string `json:"level"`
					} `json:"defaultConfiguration"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Invocations []struct {
			ExecutionSuccessful        bool `json:"executionSuccessful"`
			ToolExecutionNotifications []struct {
				Level   string `json:"level"`
				Message struct {
					Text string `json:"text"`
				} `json:"message"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"toolExecutionNotifications"`
		} `json:"invocations"`
		Results []struct {
			RuleID    string `json:"ruleId"`
			RuleIndex int    `json:"ruleIndex"`
			Level     string `json:"level"`
			Message   struct {
				Text string `json:"text"`
			} `json:"message"`
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI       string `json:"uri"`
						URIBaseID string `json:"uriBaseId"`
					} `json:"artifactLocation"`
					Region struct {
						StartLine, StartColumn, EndLine, EndColumn int
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
			PartialFingerprints map[string]string `json:"partialFingerprints"`
			Suppressions        []struct {
				Kind string `json:"kind"`
			} `json:"suppressions"`
		} `json:"results"`
	} `json:"runs"`
}

func parseSARIF(t *testing.T, o Options) sarifDoc {
	t.Helper()
	var d sarifDoc
	if err := json.Unmarshal([]byte(render(t, "sarif", o)), &d); err != nil {
		t.Fatal(err)
	}
	if d.Version != "2.1.0" || d.Schema != sarifSchema || len(d.Runs) != 1 {
		t.Fatalf("version %q, schema %q, %d runs", d.Version, d.Schema, len(d.Runs))
	}
	return d
}

func TestSARIF(t *testing.T) {
	for _, o := range []Options{options(), {Version: "1.2.3", Rules: features.Catalogue()}, {}} {
		d := parseSARIF(t, o)
		run := d.Runs[0]
		rules := run.Tool.Driver.Rules
		if len(rules) < len(o.Rules) {
			t.Errorf("%d rules, want at least the %d of the catalogue", len(rules), len(o.Rules))
		}
		for _, r := range rules {
			if r.ID == "" || r.Name == "" || strings.ContainsAny(r.Name, ".-") {
				t.Errorf("rule %+v", r)
			}
		}
		if len(run.Results) != 5 {
			t.Errorf("%d results, want 5", len(run.Results))
		}
		for _, res := range run.Results {
			if res.RuleIndex < 0 || res.RuleIndex >= len(rules) || rules[res.RuleIndex].ID != res.RuleID {
				t.Errorf("result for %s has ruleIndex %d", res.RuleID, res.RuleIndex)
			}
			switch res.Level {
			case "error", "warning", "note":
			default:
				t.Errorf("level %q", res.Level)
			}
			if res.Message.Text == "" {
				t.Errorf("empty message for %s", res.RuleID)
			}
			loc := res.Locations[0].PhysicalLocation
			if loc.ArtifactLocation.URI != "docs/posts/Q&A,%20part%201.md" || loc.ArtifactLocation.URIBaseID != "%SRCROOT%" {
				t.Errorf("artifact location %+v", loc.ArtifactLocation)
			}
			if r := loc.Region; r.StartLine < 1 || r.StartColumn < 1 || r.EndLine != r.StartLine || r.EndColumn <= r.StartColumn {
				t.Errorf("region %+v", r)
			}
			if res.PartialFingerprints["chaff/v1"] == "" {
				t.Errorf("no fingerprint for %s", res.RuleID)
			}
			if len(res.Suppressions) != 0 {
				t.Errorf("suppressed result listed without ShowSuppressed")
			}
		}
		// The newline match ends its region at the end of its first line;
		// "café’s" counts its characters, not its bytes.
		if r := run.Results[2].Locations[0].PhysicalLocation.Region; r.EndColumn != 1+len("Comments (3)") {
			t.Errorf("multi-line match region %+v", r)
		}
		if r := run.Results[1].Locations[0].PhysicalLocation.Region; r.EndColumn != 12+len([]rune("delve into the café’s")) {
			t.Errorf("non-ASCII match region %+v", r)
		}
		// The same text twice in a file: two fingerprints.
		if a, b := run.Results[1].PartialFingerprints["chaff/v1"], run.Results[4].PartialFingerprints["chaff/v1"]; a == b {
			t.Errorf("repeated match shares fingerprint %s", a)
		}
		inv := run.Invocations[0]
		if inv.ExecutionSuccessful || len(inv.ToolExecutionNotifications) != 1 {
			t.Fatalf("invocation %+v", inv)
		}
		if n := inv.ToolExecutionNotifications[0]; n.Level != "error" || n.Message.Text == "" || n.Locations[0].PhysicalLocation.ArtifactLocation.URI != "drafts/missing.md" {
			t.Errorf("notification %+v", n)
		}
	}
}

func TestSARIFSuccessfulRun(t *testing.T) {
	r, _ := NewReporter("sarif", options())
	var b bytes.Buffer
	if err := r.Report(&b, files()[:2]); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `"executionSuccessful": true`) {
		t.Errorf("run without unchecked files is not successful:\n%s", b.String())
	}
}

func TestFingerprintIgnoresLine(t *testing.T) {
	fp := func(line int) string {
		f := files()[0]
		f.Findings = []Finding{finding("leak.chatbot", features.Leak, Error, line, 1, "As an AI language model", 1)}
		r, _ := NewReporter("sarif", options())
		var b bytes.Buffer
		if err := r.Report(&b, []File{f}); err != nil {
			t.Fatal(err)
		}
		var d sarifDoc
		if err := json.Unmarshal(b.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		return d.Runs[0].Results[0].PartialFingerprints["chaff/v1"]
	}
	if a, b := fp(3), fp(30); a != b {
		t.Errorf("fingerprint moves with the line: %s, %s", a, b)
	}
}

func TestSARIFURIs(t *testing.T) {
	for _, c := range []struct{ path, uri, base string }{
		{"a.md", "a.md", "%SRCROOT%"},
		{"./docs/a b.md", "docs/a%20b.md", "%SRCROOT%"},
		{"docs/100%.md", "docs/100%25.md", "%SRCROOT%"},
		{"c:d.md", "./c:d.md", "%SRCROOT%"},
		{"../up.md", "../up.md", "%SRCROOT%"},
		{"/srv/site/a.md", "file:///srv/site/a.md", ""},
	} {
		got := sarifArtifactLocation(c.path)
		if got.URI != c.uri || got.URIBaseID != c.base {
			t.Errorf("%q: got %+v, want %s against %q", c.path, got, c.uri, c.base)
		}
	}
}

func TestCamelCase(t *testing.T) {
	for id, want := range map[string]string{"template.llm-phrases": "TemplateLlmPhrases", "leak.chatbot": "LeakChatbot", "style.mattr": "StyleMattr"} {
		if got := camelCase(id); got != want {
			t.Errorf("camelCase(%q) = %q, want %q", id, got, want)
		}
	}
}

func TestGitHubEscaping(t *testing.T) {
	for _, c := range []struct{ in, data, prop string }{
		{"plain", "plain", "plain"},
		{"100%", "100%25", "100%25"},
		{"a\nb", "a%0Ab", "a%0Ab"},
		{"a\r\nb", "a%0D%0Ab", "a%0D%0Ab"},
		{"k: v, w", "k: v, w", "k%3A v%2C w"},
		{"%0A", "%250A", "%250A"},
		{"café “quoted”", "café “quoted”", "café “quoted”"},
		{"::error::x", "::error::x", "%3A%3Aerror%3A%3Ax"},
	} {
		if got := escapeData(c.in); got != c.data {
			t.Errorf("escapeData(%q) = %q, want %q", c.in, got, c.data)
		}
		if got := escapeProperty(c.in); got != c.prop {
			t.Errorf("escapeProperty(%q) = %q, want %q", c.in, got, c.prop)
		}
	}
}

func TestGitHubOneCommandPerLine(t *testing.T) {
	for _, line := range strings.Split(strings.TrimSuffix(render(t, "github", options()), "\n"), "\n") {
		if !strings.HasPrefix(line, "::error ") && !strings.HasPrefix(line, "::warning ") && !strings.HasPrefix(line, "::notice ") {
			t.Errorf("not a workflow command: %q", line)
		}
		props := strings.TrimPrefix(line[strings.Index(line, " ")+1:], "")
		props = props[:strings.Index(props, "::")]
		for _, kv := range strings.Split(props, ",") {
			if strings.Count(kv, "=") < 1 {
				t.Errorf("property %q in %q", kv, line)
			}
		}
	}
}

func TestCheckstyleParses(t *testing.T) {
	var d struct {
		Version string `xml:"version,attr"`
		Files   []struct {
			Name   string `xml:"name,attr"`
			Errors []struct {
				Line     int    `xml:"line,attr"`
				Column   int    `xml:"column,attr"`
				Severity string `xml:"severity,attr"`
				Message  string `xml:"message,attr"`
				Source   string `xml:"source,attr"`
			} `xml:"error"`
		} `xml:"file"`
	}
	out := render(t, "checkstyle", options())
	if !strings.HasPrefix(out, `<?xml version="1.0" encoding="UTF-8"?>`+"\n") {
		t.Errorf("no XML declaration:\n%s", out)
	}
	if err := xml.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	if d.Version != "4.3" || len(d.Files) != 3 {
		t.Fatalf("version %q, %d files", d.Version, len(d.Files))
	}
	f := d.Files[0]
	if f.Name != "docs/posts/Q&A, part 1.md" || len(f.Errors) != 5 {
		t.Fatalf("first file %+v", f)
	}
	if e := f.Errors[0]; e.Source != "chaff.leak.chatbot" || e.Severity != "error" || !strings.HasSuffix(e.Message, `"Certainly! Here's your article: "Q&A, <part 1>""`) {
		t.Errorf("first error %+v", e)
	}
	if e := f.Errors[2]; !strings.HasSuffix(e.Message, "\"Comments (3)\nLeave a Reply\"") || e.Severity != "warning" {
		t.Errorf("newline match %+v", e)
	}
	if e := f.Errors[1]; e.Severity != "info" {
		t.Errorf("info finding %+v", e)
	}
	if len(d.Files[1].Errors) != 0 {
		t.Errorf("clean file has errors")
	}
	if e := d.Files[2].Errors; len(e) != 1 || e[0].Source != "chaff.input" || e[0].Severity != "error" {
		t.Errorf("unchecked file %+v", e)
	}
}

func TestShowSuppressed(t *testing.T) {
	marks := map[string]string{
		"text":       `"Share this article" (suppressed)`,
		"json":       `"suppressed": true`,
		"sarif":      `"kind": "inSource"`,
		"github":     `::notice file=docs/posts/Q&A%2C part 1.md,line=9,col=5,endColumn=23,title=residue.share::`,
		"checkstyle": `Share this article&#34; (suppressed)`,
	}
	for _, format := range Formats {
		off := render(t, format, options())
		if strings.Contains(off, "Share this article\"") || strings.Contains(off, "Share this article&#34;") || strings.Contains(off, marks[format]) {
			t.Errorf("%s: suppressed finding listed without ShowSuppressed:\n%s", format, off)
		}
		o := options()
		o.ShowSuppressed = true
		on := render(t, format, o)
		if !strings.Contains(on, marks[format]) {
			t.Errorf("%s: suppressed finding not marked with %q:\n%s", format, marks[format], on)
		}
	}
	// The summary counts suppressed findings whether they are shown or not.
	if !strings.Contains(render(t, "text", options()), ", 1 suppressed\n") {
		t.Error("text summary does not count the suppressed finding")
	}
	// Showing suppressed findings does not move the others' fingerprints.
	o := options()
	o.ShowSuppressed = true
	a, b := parseSARIFResults(t, options()), parseSARIFResults(t, o)
	for rule, fp := range a {
		if b[rule] != fp {
			t.Errorf("fingerprint of %s changes with ShowSuppressed", rule)
		}
	}
}

func parseSARIFResults(t *testing.T, o Options) map[string]string {
	d := parseSARIF(t, o)
	m := map[string]string{}
	for _, r := range d.Runs[0].Results {
		if len(r.Suppressions) == 0 {
			m[r.Message.Text] = r.PartialFingerprints["chaff/v1"]
		}
	}
	return m
}

func TestShortMatch(t *testing.T) {
	long := strings.Repeat("é", 70)
	if got := shortMatch(long); len([]rune(got)) != maxMatch || !strings.HasSuffix(got, "…") {
		t.Errorf("shortMatch(70 runes) = %q", got)
	}
	if got := shortMatch("a\r\nb\nc"); got != "a⏎b⏎c" {
		t.Errorf("shortMatch newlines = %q", got)
	}
	// blanked markup between two elements of an HTML page
	if got := shortMatch("Pill         \n\t          Dare  to\tPlay"); got != "Pill⏎Dare to Play" {
		t.Errorf("shortMatch white space runs = %q", got)
	}
	exact := strings.Repeat("x", maxMatch)
	if got := shortMatch(exact); got != exact {
		t.Errorf("shortMatch(%d runes) cut to %q", maxMatch, got)
	}
}

func TestSARIFToolVersion(t *testing.T) {
	for in, want := range map[string]string{"1.2.3": "1.2.3", "v0.4.0": "0.4.0", "": "0.0.0-devel", "(devel)": "0.0.0-devel", "dev": "0.0.0-dev", "2024.1-rc1": "2024.1-rc1"} {
		if got := sarifToolVersion(in); got != want {
			t.Errorf("sarifToolVersion(%q) = %q, want %q", in, got, want)
		}
	}
}

// A finding without a line (or a column) points at the start of the file
// (or line) in every format that needs a position, and a rule outside the
// catalogue still gets a rule entry in SARIF.
func TestFindingWithoutPosition(t *testing.T) {
	f := File{Path: "a.md", Score: new(float64), Findings: []Finding{
		{Finding: features.Finding{Rule: "style.new-rule", Category: features.Style}, Severity: Info},
		{Finding: features.Finding{Rule: "style.new-rule", Category: features.Style, Line: 4, Match: "x"}, Severity: Info},
	}}
	run := func(format string) string {
		r, _ := NewReporter(format, options())
		var b bytes.Buffer
		if err := r.Report(&b, []File{f}); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	if got := run("github"); !strings.Contains(got, "::notice file=a.md,line=1,col=1,title=style.new-rule::style.new-rule\n") ||
		!strings.Contains(got, "::notice file=a.md,line=4,col=1,endColumn=2,title=style.new-rule::style.new-rule \"x\"\n") {
		t.Errorf("github:\n%s", got)
	}
	if got := run("checkstyle"); !strings.Contains(got, `<error line="1" column="1" severity="info" message="style.new-rule" source="chaff.style.new-rule">`) {
		t.Errorf("checkstyle:\n%s", got)
	}
	var d sarifDoc
	if err := json.Unmarshal([]byte(run("sarif")), &d); err != nil {
		t.Fatal(err)
	}
	rules := d.Runs[0].Tool.Driver.Rules
	for _, res := range d.Runs[0].Results {
		if rules[res.RuleIndex].ID != "style.new-rule" || rules[res.RuleIndex].DefaultConfiguration.Level != "note" {
			t.Errorf("rule of %+v: %+v", res, rules[res.RuleIndex])
		}
		if r := res.Locations[0].PhysicalLocation.Region; r.StartLine < 1 || r.StartColumn != 1 || r.EndLine != r.StartLine || r.EndColumn < r.StartColumn {
			t.Errorf("region %+v", r)
		}
	}
	if len(rules) != len(options().Rules)+1 {
		t.Errorf("%d rules, want the %d given and one more", len(rules), len(options().Rules))
	}
}
