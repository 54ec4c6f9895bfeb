package model

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/chaff-dev/chaff/features"
)

// leakedPromptText is an article that carries the SEO brief it was written
// from.
const leakedPromptText = `Ten Ways to Save Money on Your Weekly Food Shop

Rising prices have made the weekly food shop a source of worry for many families. Fortunately, there are simple steps anyone can take to keep costs under control without sacrificing quality.

Plan your meals before you go. Writing a list and sticking to it is one of the most effective ways to avoid impulse purchases.

Buy own-brand products. Supermarket own brands are often made in the same factories as the big names and cost far less.

### SEO Considerations

The article should focus on keywords such as "save money on food shopping", "cheap weekly shop" and "budget meal planning". Make sure to incorporate these keywords naturally in the headings and the first paragraph.

In conclusion, with a little planning and a willingness to try new brands, every household can cut its grocery bill.
`

// plainNewsText is a short person-written news report.
const plainNewsText = `Flooding closed the A38 near Bodmin for six hours on Tuesday after 42mm of rain fell overnight, police said.

Two cars were stranded in water up to 60cm deep and their drivers were helped out by firefighters shortly after 5am. Nobody was hurt.

"We had three crews out from 4.30 and the water just kept coming," said station manager Paul Tregear. "People should not drive into floodwater, full stop."

Cornwall Council said it had cleared 14 blocked drains along the road since January. A spokeswoman said a further £120,000 had been set aside for work on the Dunmere stretch this summer.

Resident Sue Hocking, 67, said her garden had flooded for the third time in two years. "I've lived here since 1981 and it was never like this," she said.

The road reopened at 11.15am.
`

// residueText ends with comment widgets scraped along with the article.
const residueText = `The parish council has agreed to spend £8,500 on new benches for the village green after a vote on Monday night.

Councillor Jim Avery said the old benches had been there since 1994. "They were falling apart, and people had stopped using them," he said.

Work is due to start in April and should take two weeks.

Post a Comment
0 Comments`

func mustDefault(t *testing.T) *Model {
	t.Helper()
	m, err := Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	return m
}

func explainText(t *testing.T, s string) *Explanation {
	t.Helper()
	return mustDefault(t).Explain(features.NewDocumentString(s))
}

func TestDefaultLoads(t *testing.T) {
	m := mustDefault(t)
	if m.Version != Version {
		t.Errorf("version %d, want %d", m.Version, Version)
	}
	if len(m.Features) == 0 {
		t.Fatalf("default model has no features")
	}
	if len(m.index) != len(m.Features) {
		t.Fatalf("default model not bound: %d indexes for %d features", len(m.index), len(m.Features))
	}
	th := m.Thresholds
	if !(th.Suspect > 0 && th.Suspect <= th.Flagged && th.Flagged <= 100) {
		t.Errorf("thresholds %+v", th)
	}
	m2, err := Default()
	if err != nil || m2 != m {
		t.Errorf("Default is not memoised: %p %p %v", m, m2, err)
	}
}

// validModel is a minimal well-formed model file.
func validModel() map[string]any {
	return map[string]any{
		"version": Version,
		"features": []any{
			map[string]any{"id": "style.mattr", "mean": 0.5, "scale": 0.1, "coef": 1.0},
			map[string]any{"id": "leak.chatbot", "mean": 0, "scale": 1, "coef": 0.5},
		},
		"intercept":   0.1,
		"calibration": map[string]any{"a": 1, "b": 0},
		"thresholds":  map[string]any{"suspect": 50, "flagged": 90},
		"trained_on":  map[string]any{"command": "test", "documents": 0},
	}
}

func marshal(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestParse(t *testing.T) {
	valid := marshal(t, validModel())
	with := func(edit func(m map[string]any)) []byte {
		m := validModel()
		edit(m)
		return marshal(t, m)
	}
	feature := func(k string, v any) func(m map[string]any) {
		return func(m map[string]any) { m["features"].([]any)[0].(map[string]any)[k] = v }
	}
	thresholds := func(s, f float64) func(m map[string]any) {
		return func(m map[string]any) { m["thresholds"] = map[string]any{"suspect": s, "flagged": f} }
	}
	tests := []struct {
		name string
		data []byte
		want []string // substrings of the error; nil for success
	}{
		{"valid", valid, nil},
		{"thresholds equal", with(thresholds(70, 70)), nil},
		{"flagged 100", with(thresholds(70, 100)), nil},
		{"truncated", valid[:len(valid)/2], []string{"not a valid model file"}},
		{"empty", nil, []string{"not a valid model file"}},
		{"not an object", []byte(`[1,2,3]`), []string{"not a valid model file"}},
		{"wrong version", with(func(m map[string]any) { m["version"] = 2 }), []string{"version 2", "version 1"}},
		{"missing version", with(func(m map[string]any) { delete(m, "version") }), []string{"version 0"}},
		{"unknown feature", with(feature("id", "style.no-such-thing")), []string{"unknown feature", "style.no-such-thing"}},
		{"zero scale", with(feature("scale", 0)), []string{"style.mattr", "scale"}},
		{"negative scale", with(feature("scale", -1)), []string{"style.mattr", "scale"}},
		{"suspect zero", with(thresholds(0, 90)), []string{"thresholds"}},
		{"suspect negative", with(thresholds(-5, 90)), []string{"thresholds"}},
		{"flagged below suspect", with(thresholds(80, 60)), []string{"thresholds"}},
		{"flagged above 100", with(thresholds(50, 101)), []string{"thresholds"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := Parse(tc.data, "test-model.json")
			if tc.want == nil {
				if err != nil {
					t.Fatalf("Parse: %v", err)
				}
				if len(m.index) != len(m.Features) {
					t.Fatalf("model not bound")
				}
				return
			}
			if err == nil {
				t.Fatalf("Parse accepted a bad model")
			}
			if m != nil {
				t.Errorf("Parse returned a model with its error")
			}
			msg := err.Error()
			for _, w := range append(tc.want, "test-model.json") {
				if !strings.Contains(msg, w) {
					t.Errorf("error %q does not mention %q", msg, w)
				}
			}
		})
	}
}

func TestParseRoundTripsDefault(t *testing.T) {
	m := mustDefault(t)
	b := marshal(t, m)
	m2, err := Parse(b, "re-encoded default")
	if err != nil {
		t.Fatalf("Parse of re-encoded default: %v", err)
	}
	if len(m2.Features) != len(m.Features) || m2.Thresholds != m.Thresholds || m2.Calibration != m.Calibration || m2.Intercept != m.Intercept {
		t.Fatalf("round trip changed the model")
	}
	for _, s := range []string{plainNewsText, leakedPromptText} {
		d := features.NewDocumentString(s)
		if a, b := m.Explain(d).Score, m2.Explain(d).Score; a != b {
			t.Errorf("scores differ after round trip: %v vs %v", a, b)
		}
	}
}

func TestExplainLeakedPrompt(t *testing.T) {
	e := explainText(t, leakedPromptText)
	if e.Verdict != Flagged {
		t.Errorf("verdict %s (score %v), want flagged", e.Verdict, e.Score)
	}
	if !e.Hard {
		t.Errorf("Hard not set")
	}
	leak := 0
	for _, f := range e.Findings {
		if strings.HasPrefix(f.Rule, "leak.") {
			leak++
			if f.Category != features.Leak {
				t.Errorf("finding %+v: rule leak.* in category %s", f, f.Category)
			}
		}
	}
	if leak == 0 {
		t.Errorf("no finding from a leak rule: %+v", e.Findings)
	}
	var seoHeading, seoPhrase bool
	for _, f := range e.Findings {
		if f.Rule == "leak.seo-instructions" {
			seoHeading = seoHeading || strings.Contains(f.Match, "SEO Considerations")
			seoPhrase = seoPhrase || strings.Contains(strings.ToLower(f.Match), "incorporate these keywords naturally")
		}
	}
	if !seoHeading || !seoPhrase {
		t.Errorf("leak.seo-instructions should point at the heading (%v) and the instruction (%v): %+v", seoHeading, seoPhrase, e.Findings)
	}
	if e.Categories[features.Leak] <= 0 {
		t.Errorf("leak category %v, want > 0", e.Categories[features.Leak])
	}
	if e.Score < 95 {
		t.Errorf("score %v: hard evidence alone is worth at least 95", e.Score)
	}
}

func TestExplainPlainNews(t *testing.T) {
	e := explainText(t, plainNewsText)
	if e.Verdict == Flagged {
		t.Errorf("plain news flagged (score %v): %+v", e.Score, e.Findings)
	}
	if e.Hard {
		t.Errorf("Hard set on plain news: %+v", e.Findings)
	}
	if e.Residue {
		t.Errorf("Residue set on plain news: %+v", e.Findings)
	}
	if e.Score < 0 || e.Score > 100 {
		t.Errorf("score %v out of 0-100", e.Score)
	}
}

func TestExplainResidue(t *testing.T) {
	m := mustDefault(t)
	e := explainText(t, residueText)
	if !e.Residue {
		t.Fatalf("Residue not set: %+v", e.Findings)
	}
	if e.Verdict == Clean {
		t.Errorf("verdict clean (score %v), want at least suspect", e.Verdict)
	}
	if e.Score < m.Thresholds.Suspect {
		t.Errorf("score %v below the suspect threshold %v", e.Score, m.Thresholds.Suspect)
	}
	lines := strings.Split(residueText, "\n")
	var res bool
	for _, f := range e.Findings {
		if f.Category == features.Residue {
			res = true
			if f.Line < len(lines)-1 {
				t.Errorf("residue finding on line %d, want one of the last two: %+v", f.Line, f)
			}
		}
	}
	if !res {
		t.Errorf("no residue finding: %+v", e.Findings)
	}
}

func TestExplainFindingsSorted(t *testing.T) {
	for name, s := range map[string]string{"leak": leakedPromptText, "residue": residueText, "news": plainNewsText} {
		e := explainText(t, s)
		if name == "leak" && len(e.Findings) < 3 {
			t.Fatalf("leak: only %d findings; the order check needs several", len(e.Findings))
		}
		for i := 1; i < len(e.Findings); i++ {
			a, b := e.Findings[i-1], e.Findings[i]
			if a.Line > b.Line || a.Line == b.Line && a.Column > b.Column {
				t.Errorf("%s: findings out of order at %d: %d:%d before %d:%d", name, i, a.Line, a.Column, b.Line, b.Column)
			}
			if a.Line == b.Line && a.Column == b.Column && a.Rule > b.Rule {
				t.Errorf("%s: findings at %d:%d not ordered by rule: %s before %s", name, a.Line, a.Column, a.Rule, b.Rule)
			}
		}
		for _, f := range e.Findings {
			if f.Line < 1 || f.Column < 1 {
				t.Errorf("%s: finding %+v has no position", name, f)
			}
			if f.Rule == "" {
				t.Errorf("%s: finding %+v has no rule", name, f)
			}
		}
	}
}

func TestExplainCategories(t *testing.T) {
	for name, s := range map[string]string{"leak": leakedPromptText, "residue": residueText, "news": plainNewsText, "empty": ""} {
		e := explainText(t, s)
		if len(e.Categories) != len(features.Categories) {
			t.Errorf("%s: %d categories, want %d: %v", name, len(e.Categories), len(features.Categories), e.Categories)
		}
		for _, c := range features.Categories {
			v, ok := e.Categories[c]
			if !ok {
				t.Errorf("%s: category %s missing", name, c)
			}
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Errorf("%s: category %s = %v", name, c, v)
			}
		}
	}
}

func TestExplainContributionsAddUp(t *testing.T) {
	m := mustDefault(t)
	d := features.NewDocumentString(plainNewsText)
	e := m.Explain(d)
	if len(e.Contributions) != len(m.Features) {
		t.Fatalf("%d contributions for %d features", len(e.Contributions), len(m.Features))
	}
	// without hard evidence, the calibrated logit is A*intercept + B plus
	// the contributions.
	sum := m.Calibration.A*m.Intercept + m.Calibration.B
	for _, c := range e.Contributions {
		sum += c.Contribution
	}
	if got := 100 * sigmoid(sum); math.Abs(got-e.Score) > 0.051 {
		t.Errorf("contributions give %v, score is %v", got, e.Score)
	}
}

func TestVerdictBoundaries(t *testing.T) {
	m := &Model{Thresholds: Thresholds{Suspect: 60, Flagged: 90}}
	tests := []struct {
		score float64
		want  Verdict
	}{
		{0, Clean},
		{59.9, Clean},
		{math.Nextafter(60, 0), Clean},
		{60, Suspect},
		{75, Suspect},
		{math.Nextafter(90, 0), Suspect},
		{90, Flagged},
		{100, Flagged},
	}
	for _, tc := range tests {
		if got := m.Verdict(tc.score); got != tc.want {
			t.Errorf("Verdict(%v) = %s, want %s", tc.score, got, tc.want)
		}
	}
	// equal thresholds: nothing is suspect.
	eq := &Model{Thresholds: Thresholds{Suspect: 80, Flagged: 80}}
	for _, tc := range []struct {
		score float64
		want  Verdict
	}{{79.9, Clean}, {80, Flagged}} {
		if got := eq.Verdict(tc.score); got != tc.want {
			t.Errorf("equal thresholds: Verdict(%v) = %s, want %s", tc.score, got, tc.want)
		}
	}
	// the default model's own thresholds.
	dm := mustDefault(t)
	for _, tc := range []struct {
		score float64
		want  Verdict
	}{
		{dm.Thresholds.Suspect, Suspect},
		{dm.Thresholds.Suspect - 0.1, Clean},
		{dm.Thresholds.Flagged, Flagged},
		{dm.Thresholds.Flagged - 0.1, Suspect},
	} {
		if got := dm.Verdict(tc.score); got != tc.want {
			t.Errorf("default: Verdict(%v) = %s, want %s", tc.score, got, tc.want)
		}
	}
}

func TestResidueFloor(t *testing.T) {
	type kl struct{ kinds, lines int }
	tests := []struct {
		name             string
		suspect, flagged float64
		want             map[kl]float64 // exact floors
		bug              string
	}{
		{"shipped", 98.0, 99.7, map[kl]float64{{1, 1}: 98.0, {1, 2}: 98.3, {1, 3}: 98.5, {2, 2}: 98.6, {3, 3}: 99.0, {5, 40}: 99.6}, ""},
		{"round", 50, 90, map[kl]float64{{1, 1}: 50, {1, 2}: 55.4, {2, 2}: 63.9}, ""},
		{"equal", 70, 70, map[kl]float64{{1, 1}: 70, {5, 9}: 70}, ""},
		// thresholds less than a point apart: rounding the floor up to a
		// tenth reaches the flagged line.
		{"close", 96.0, 96.1, map[kl]float64{{1, 1}: 96.0}, "suspectFloor rounds up to a tenth, so with thresholds less than 1 point apart (here 96.0/96.1) residue alone reaches the flagged threshold, against its doc comment (\"rising towards (never reaching) the flagged threshold\")"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := &Model{Thresholds: Thresholds{Suspect: tc.suspect, Flagged: tc.flagged}}
			for x, want := range tc.want {
				if got := m.suspectFloor(x.kinds, x.lines); !near(got, want, 1e-9) {
					t.Errorf("suspectFloor(%d kinds, %d lines) = %v, want %v", x.kinds, x.lines, got, want)
				}
			}
			for k := 1; k <= 6; k++ {
				prev := 0.0
				for n := k; n <= 30; n++ {
					f := m.suspectFloor(k, n)
					if f < prev || k > 1 && f < m.suspectFloor(k-1, n) {
						t.Errorf("suspectFloor(%d, %d) = %v falls with more residue", k, n, f)
					}
					prev = f
					if f < tc.suspect {
						t.Errorf("suspectFloor(%d, %d) = %v below suspect %v", k, n, f, tc.suspect)
					}
					if tc.suspect < tc.flagged && m.Verdict(f) == Flagged {
						if tc.bug != "" {
							t.Fatalf("regression: %s: suspectFloor(%d, %d) = %v", tc.bug, k, n, f)
						}
						t.Errorf("suspectFloor(%d, %d) = %v reaches flagged %v", k, n, f, tc.flagged)
					}
				}
			}
			// while the rise is more than a tenth, each line shows
			if tc.flagged-tc.suspect > 1 {
				for n := 1; n < 6; n++ {
					if m.suspectFloor(1, n+1) <= m.suspectFloor(1, n) {
						t.Errorf("suspectFloor(1, %d) = suspectFloor(1, %d) = %v", n+1, n, m.suspectFloor(1, n))
					}
				}
			}
		})
	}
}

func TestExplainResidueFloorGrowsWithKinds(t *testing.T) {
	m := mustDefault(t)
	for _, s := range []string{residueText, plainNewsText + "\n0 Comments", plainNewsText + "\nShare this article\nLeave a Reply\n0 Comments\nCookie settings"} {
		e := m.Explain(features.NewDocumentString(s))
		kinds, lines := map[string]bool{}, 0
		for _, f := range e.Findings {
			if ft, err := features.Lookup(f.Rule); err == nil && ft.Suspect {
				kinds[f.Rule] = true
				lines++
			}
		}
		if len(kinds) == 0 {
			t.Errorf("no residue finding in %q", s)
			continue
		}
		if !e.Residue {
			t.Errorf("Residue not set with %d kinds of residue", len(kinds))
		}
		if floor := m.suspectFloor(len(kinds), lines); e.Score < floor {
			t.Errorf("score %v below the floor %v for %d kinds of residue", e.Score, floor, len(kinds))
		}
		if !e.Hard && e.Verdict == Flagged && e.Score < m.Thresholds.Flagged {
			t.Errorf("flagged without hard evidence at score %v", e.Score)
		}
	}
}

// Residue never decides an accusation: with the flagged threshold between
// a document's score without its residue and its score with it, the
// document is the highest suspect, not flagged; with the threshold below
// both, it is flagged as before.
func TestResidueAloneNeverFlags(t *testing.T) {
	d := func() *features.Document {
		return features.NewDocumentString(plainNewsText + "\n\nSource link") // one kind of residue: its floor is the suspect threshold
	}
	open, err := mustDefault(t).WithThresholds(Thresholds{Suspect: 0.1, Flagged: 99.9})
	if err != nil {
		t.Fatal(err)
	}
	e := open.Explain(d())
	with := e.Score
	without := 100 * sigmoid(logit(with/100)-e.Categories[features.Residue])
	if !e.Residue || with-without < 1 {
		t.Fatalf("want residue worth a point at least: %.1f with, %.1f without", with, without)
	}
	between := math.Round((with+without)/2*10) / 10
	m, err := mustDefault(t).WithThresholds(Thresholds{Suspect: 0.1, Flagged: between})
	if err != nil {
		t.Fatal(err)
	}
	e = m.Explain(d())
	if e.Verdict != Suspect || e.Score != math.Round((between-0.1)*10)/10 {
		t.Errorf("flagged threshold %.1f between %.1f and %.1f: %s at %.1f, want suspect at %.1f", between, without, with, e.Verdict, e.Score, between-0.1)
	}
	// the cut is the residue's: its findings lose what its category lost.
	if lost, cut := residueWeight(open.Explain(d()))-residueWeight(e), open.Explain(d()).Categories[features.Residue]-e.Categories[features.Residue]; cut <= 0 || math.Abs(lost-cut) > 0.01 {
		t.Errorf("residue category cut by %.3f, its findings by %.3f", cut, lost)
	}
	low, err := mustDefault(t).WithThresholds(Thresholds{Suspect: 0.1, Flagged: math.Max(without-1, 0.2)})
	if err != nil {
		t.Fatal(err)
	}
	if e := low.Explain(d()); e.Verdict != Flagged {
		t.Errorf("flagged threshold below both scores: %s at %.1f, want flagged", e.Verdict, e.Score)
	}
}

func residueWeight(e *Explanation) float64 {
	sum := 0.0
	for _, f := range e.Findings {
		if f.Category == features.Residue {
			sum += f.Weight
		}
	}
	return sum
}

// Disguised words lift a text as residue does, but it is not residue: the
// lift is the SEO category's, and the residue flag stays unset.
func TestExplainDisguisedWords(t *testing.T) {
	m := mustDefault(t)
	plain := explainText(t, plainNewsText)
	disguised := strings.NewReplacer("the ", "th\u0435 ", "council", "c\u043euncil", "said", "s\u0430id").Replace(plainNewsText)
	e := explainText(t, disguised)
	if plain.Score >= m.Thresholds.Suspect {
		t.Fatalf("plain news scores %v, at or above the suspect threshold: the check needs it below", plain.Score)
	}
	if e.Score < m.Thresholds.Suspect || e.Verdict != Suspect {
		t.Errorf("disguised news: score %v, verdict %s; want at least suspect, not flagged", e.Score, e.Verdict)
	}
	if e.Residue {
		t.Error("disguised words set the residue flag")
	}
	n := 0
	for _, f := range e.Findings {
		if f.Rule == "seo.disguised-words" {
			n++
		}
	}
	if n < 3 || e.Categories[features.SEO] <= plain.Categories[features.SEO] {
		t.Errorf("%d disguised-word findings, seo %v (plain %v); want 3 or more and a larger seo share", n, e.Categories[features.SEO], plain.Categories[features.SEO])
	}
}
