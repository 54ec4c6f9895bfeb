package features

import (
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
)

// ssExtract runs one feature of the catalogue on text.
func ssExtract(t *testing.T, id, text string) Result {
	t.Helper()
	f, err := Lookup(id)
	if err != nil {
		t.Fatal(err)
	}
	return f.Extract(NewDocumentString(text))
}

// ssPositions renders findings as "line:column:match".
func ssPositions(fs []Finding) []string {
	out := []string{}
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%d:%d:%s", f.Line, f.Column, f.Match))
	}
	return out
}

func ssNear(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// ssParagraphs joins words-long filler paragraphs with blank lines.
func ssParagraphs(words ...int) string {
	var ps []string
	for _, n := range words {
		ps = append(ps, strings.TrimSpace(strings.Repeat("word ", n))+".")
	}
	return strings.Join(ps, "\n\n")
}

func TestStructureNormTitle(t *testing.T) {
	cases := map[string]string{
		"Conclusion":          "conclusion",
		"5. What's Next?":     "whats next",
		"What’s Next":         "whats next",
		"**Final Thoughts:**": "final thoughts",
		"2) Key Points":       "key points",
		"  The   Road-Ahead ": "the road ahead",
		"10 11 Summary":       "summary",
		"Top 10 Tips":         "top 10 tips",
	}
	for in, want := range cases {
		if got := string(structureNormTitle(nil, in)); got != want {
			t.Errorf("structureNormTitle(%q) = %q, want %q", in, got, want)
		}
	}
	stock := map[string]bool{
		"Conclusion: A New Era for Trams":  true,
		"Part 4: Conclusion":               true,
		"Implications for Local Retailers": true,
		"Implications":                     false,
		"The Conclusion of the Talks":      false,
		"Summary Judgment Denied":          false,
	}
	for in, want := range stock {
		if got := structureIsStockTitle(in, true); got != want {
			t.Errorf("structureIsStockTitle(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestFormulaicHeadingFindings(t *testing.T) {
	text := "Trams Return to Veltmoor\n\nThe line opened on Monday.\n\n### Background and Context\n\nIt took six years.\n\nConclusion\n\nRiders were pleased.\n\n  Looking Ahead:  \n\nMore lines are planned."
	r := ssExtract(t, "structure.formulaic-heading", text)
	want := []string{"5:1:### Background and Context", "9:1:Conclusion", "13:3:Looking Ahead:"}
	if got := ssPositions(r.Findings); !reflect.DeepEqual(got, want) {
		t.Errorf("findings %q, want %q", got, want)
	}
	if !ssNear(r.Value, math.Log1p(3)) {
		t.Errorf("value %v", r.Value)
	}
	// a short line that is not a heading must be the stock title whole.
	if r := ssExtract(t, "structure.formulaic-heading", "The trial ended.\n\nSummary: guilty.\n\nHe will appeal."); len(r.Findings) != 0 {
		t.Errorf("label line: %v", ssPositions(r.Findings))
	}
	// a lone word on one of two lines is not taken for a heading.
	if r := ssExtract(t, "structure.formulaic-heading", "Overview\nThe plan is simple."); len(r.Findings) != 0 {
		t.Errorf("two-line text: %v", ssPositions(r.Findings))
	}
}

func TestFormulaicClosingFindings(t *testing.T) {
	text := "Fares stay low. In conclusion, riders win.\n“Ultimately, it is about time,” she said, and ultimately, it was.\nWhether it lasts remains to be seen."
	r := ssExtract(t, "structure.formulaic-closing", text)
	want := []string{"1:17:In conclusion,", "2:2:Ultimately,", "3:18:remains to be seen"}
	if got := ssPositions(r.Findings); !reflect.DeepEqual(got, want) {
		t.Errorf("findings %q, want %q", got, want)
	}
	if !ssNear(r.Value, math.Log1p(3)) {
		t.Errorf("value %v", r.Value)
	}
}

func TestMarkdownLeakFindings(t *testing.T) {
	cases := []struct {
		text string
		want []string
	}{
		{"A **bold** claim and __another__ one.", []string{"1:3:**bold**", "1:22:__another__"}},
		{"Intro line.\n## Next Steps\nBody.", []string{"2:1:## Next Steps"}},
		{"See [the report](http://x.org/a) and [b](ftp://y).", []string{"1:5:[the report](http://x.org/a)"}},
		{"Points:\n  * **Fares:** low\n- plain item", []string{"2:3:* **Fares:** low"}},
		{"Use `go test` here, but ``quoted'' there.", []string{"1:5:`go test`"}},
		{"```\ncode\n```", []string{"1:1:```", "3:1:```"}},
		{"Unclosed **bold and 2 ** 3 and #tag and No. 1", nil},
		{"A ** spaced ** pair and a lone ` tick.", nil},
	}
	for _, c := range cases {
		r := ssExtract(t, "structure.markdown-leak", c.text)
		got := ssPositions(r.Findings)
		if len(got) == 0 && len(c.want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q: findings %q, want %q", c.text, got, c.want)
		}
		if !ssNear(r.Value, math.Log1p(float64(len(c.want)))) {
			t.Errorf("%q: value %v", c.text, r.Value)
		}
	}
}

func TestTitleCaseHeadings(t *testing.T) {
	body := "The council met on Tuesday night.\n\n"
	text := "## A Long Night at City Hall\n\n" + body + "## What happens next\n\n" + body + "## Money and Votes\n\n" + body
	r := ssExtract(t, "structure.title-case-headings", text)
	if want := 2.0 / 3 * math.Log1p(3); !ssNear(r.Value, want) {
		t.Errorf("value %v, want %v", r.Value, want)
	}
	want := []string{"1:1:## A Long Night at City Hall", "9:1:## Money and Votes"}
	if got := ssPositions(r.Findings); !reflect.DeepEqual(got, want) {
		t.Errorf("findings %q, want %q", got, want)
	}
	// one heading, or too few paragraphs: neutral.
	for _, text := range []string{
		"## A Long Night at City Hall\n\n" + body + body + body,
		"## A Long Night\nThe council met.\n## Money and Votes",
	} {
		if r := ssExtract(t, "structure.title-case-headings", text); r.Value != 0 || len(r.Findings) != 0 {
			t.Errorf("%q: %+v", text, r)
		}
	}
}

func TestParagraphUniformity(t *testing.T) {
	cases := []struct {
		text string
		want float64
	}{
		{ssParagraphs(20, 20, 20, 20), 1},
		{ssParagraphs(20, 20, 20), 0},                                      // too few paragraphs
		{ssParagraphs(20, 20, 20, 5, 5), 0},                                // short ones do not count
		{ssParagraphs(20, 20, 20, 20, 5), 1},                               // ... nor lower the score
		{ssParagraphs(15, 45, 15, 45), 0.5},                                // mean 30, sd 15
		{ssParagraphs(15, 15, 15, 150), 0},                                 // clipped at 0
		{strings.ReplaceAll(ssParagraphs(20, 20, 20, 20), "\n\n", " "), 0}, // one paragraph
	}
	for _, c := range cases {
		if r := ssExtract(t, "structure.paragraph-uniformity", c.text); !ssNear(r.Value, c.want) {
			t.Errorf("%.40q...: value %v, want %v", c.text, r.Value, c.want)
		}
	}
}
