package htmlreport

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/chaff-dev/chaff/features"
	"github.com/chaff-dev/chaff/model"
)

func finding(line, col int, match string) features.Finding {
	return features.Finding{Rule: "leak.chatbot", Category: features.Leak, Line: line, Column: col, Match: match, Weight: 1}
}

// marked renders text with the findings highlighted, marks as [k ... ].
func marked(text string, cut bool, fs []features.Finding) (string, []int) {
	var b bytes.Buffer
	bw := bufio.NewWriter(&b)
	spans, unplaced := place(text, cut, fs)
	writeMarked(bw, text, spans, "d1", newRuleIndex(), fs)
	bw.Flush()
	out := regexp.MustCompile(`<mark class="[^"]*" tabindex="0" id="d1f(\d+)"[^>]*>`).ReplaceAllString(b.String(), "[$1 ")
	return strings.ReplaceAll(out, "</mark>", "]"), unplaced
}

func TestHighlight(t *testing.T) {
	for _, tc := range []struct {
		name     string
		text     string
		fs       []features.Finding
		want     string
		unplaced []int
	}{
		{"one", "ab cd\nef gh", []features.Finding{finding(2, 4, "gh")}, "ab cd\nef [1 gh]", nil},
		{"escaped", "<b>x</b> & y", []features.Finding{finding(1, 4, "x")}, "&lt;b&gt;[1 x]&lt;/b&gt; &amp; y", nil},
		{"characters, not bytes", "é ü ok", []features.Finding{finding(1, 5, "ok")}, "é ü [1 ok]", nil},
		{"nested", "one two three", []features.Finding{finding(1, 1, "one two three"), finding(1, 5, "two")}, "[1 one [2 two] three]", nil},
		{"crossing is cut at the outer end", "one two three", []features.Finding{finding(1, 1, "one two"), finding(1, 5, "two three")}, "[1 one [2 two]] three", nil},
		{"same place", "one two", []features.Finding{finding(1, 1, "one"), finding(1, 1, "one")}, "[1 [2 one]] two", nil},
		{"across lines", "a\n\n\n", []features.Finding{finding(2, 1, "\n\n")}, "a\n[1 \n\n]", nil},
		{"match differs: as many characters, within the line", "abcdef\nxyz", []features.Finding{finding(1, 5, "Q Q Q Q")}, "abcd[1 ef]\nxyz", nil},
		{"empty match", "abc", []features.Finding{finding(1, 2, "")}, "a[1 ]bc", nil},
		{"no such line", "abc", []features.Finding{finding(3, 1, "x"), finding(0, 0, "y")}, "abc", []int{0, 1}},
		{"past the line's end", "abc\ndef", []features.Finding{finding(1, 9, "x")}, "abc\ndef", []int{0}},
		{"past the cut", "abc", []features.Finding{finding(1, 4, "d")}, "abc", []int{0}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cut := tc.name == "past the cut"
			got, unplaced := marked(tc.text, cut, tc.fs)
			if got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
			if fmt.Sprint(unplaced) != fmt.Sprint(tc.unplaced) {
				t.Errorf("unplaced %v, want %v", unplaced, tc.unplaced)
			}
		})
	}
}

func TestViewText(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
		cut            bool
		total          int
	}{
		{"BOM and CRLF", "\ufeffab\r\ncd\r\n", "ab\ncd\n", false, 6},
		{"a lone CR ends a line, as for the findings", "ab\rcd\r\nef", "ab\ncd\nef", false, 8},
		{"invalid bytes count one each", "x\xff\xfey", "x\ufffd\ufffdy", false, 4},
		{"cut", strings.Repeat("é", MaxViewChars+5), strings.Repeat("é", MaxViewChars), true, MaxViewChars + 5},
	} {
		text, cut, total := viewText([]byte(tc.in))
		if text != tc.want || cut != tc.cut || total != tc.total {
			t.Errorf("%s: got %q… %v %d, want %q… %v %d", tc.name, clip(text, 20), cut, total, clip(tc.want, 20), tc.cut, tc.total)
		}
	}
}

func explained(score float64, v model.Verdict, fs ...features.Finding) *model.Explanation {
	return &model.Explanation{Score: score, Verdict: v, Language: "eng", LanguageConfidence: 1,
		Categories: map[features.Category]float64{features.Leak: 1, features.Style: -0.5}, Findings: fs}
}

func render(t *testing.T, o Options, docs ...Doc) string {
	t.Helper()
	var b bytes.Buffer
	w := New(&b, o)
	for _, d := range docs {
		if err := w.Add(d); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// data decodes the page's data island.
func data(t *testing.T, page string) (rows [][]any) {
	t.Helper()
	m := regexp.MustCompile(`(?s)<script type="application/json" id="data">(.*?)</script>`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no data island")
	}
	var d struct{ Rows [][]any }
	if err := json.Unmarshal([]byte(m[1]), &d); err != nil {
		t.Fatal(err)
	}
	return d.Rows
}

func TestViewsAreCappedByRank(t *testing.T) {
	th := model.Thresholds{Suspect: 80, Flagged: 95}
	docs := []Doc{
		{ID: "clean-high", Path: "a", Text: []byte("a"), Explanation: explained(79, model.Clean)},
		{ID: "flagged-hard-low", Path: "b", Text: []byte("b"), Explanation: explained(40, model.Flagged)},
		{ID: "suspect", Path: "c", Text: []byte("c"), Explanation: explained(85, model.Suspect)},
		{ID: "flagged", Path: "d", Text: []byte("d"), Explanation: explained(99, model.Flagged)},
		{ID: "broken", Path: "e", Error: "e: binary file"},
		{ID: "short", Path: "f", Text: []byte("f"), Explanation: explained(0, model.TooShort)},
	}
	page := render(t, Options{Thresholds: th, Views: 2}, docs...)
	views := regexp.MustCompile(`<section class="doc" id="d(\d+)"`).FindAllStringSubmatch(page, -1)
	var got []string
	for _, v := range views {
		got = append(got, v[1])
	}
	// flagged first (by score), then suspect: d4 (99), d2 (hard, 40)
	if strings.Join(got, ",") != "4,2" {
		t.Errorf("views %v, want 4,2", got)
	}
	if !strings.Contains(page, "2 of 5 documents have a view") {
		t.Error("the cap is not said")
	}
	rows := data(t, page)
	var order []string
	for _, r := range rows {
		order = append(order, fmt.Sprint(r[0]))
	}
	// the table holds every document, sorted by score, unscored then errors last
	if strings.Join(order, ",") != "4,3,1,2,6,5" {
		t.Errorf("table order %v", order)
	}
	if all := render(t, Options{Thresholds: th, Views: -1}, docs...); strings.Contains(all, `class="doc"`) {
		t.Error("Views < 0 still wrote views")
	}
	top := data(t, render(t, Options{Thresholds: th, Top: 1, Sort: "input"}, docs...))
	if len(top) != 2 || top[0][0] != 1.0 || top[1][4] != "error" {
		t.Errorf("top 1 in input order: %v", top)
	}
}

func TestEscaping(t *testing.T) {
	evil := `</script><script>alert(1)</script><img src=x onerror=alert(1)>`
	page := render(t, Options{Thresholds: model.Thresholds{Suspect: 80, Flagged: 95}},
		Doc{ID: evil, Path: evil + ".txt", Text: []byte(evil + " As an AI language model"),
			Explanation: explained(99, model.Flagged, finding(1, len([]rune(evil))+2, "As an AI language model"))})
	if n := strings.Count(page, "<script"); n != 2 {
		t.Errorf("%d <script in the page, want 2 (data and code)", n)
	}
	if strings.Contains(page, "<img") || strings.Contains(page, "onerror=alert") && !strings.Contains(page, "onerror=alert(1)&gt;") {
		t.Error("document text became markup")
	}
	if rows := data(t, page); rows[0][1] != evil+".txt" || rows[0][2] != evil {
		t.Errorf("the data island does not round-trip: %v", rows[0])
	}
	if !strings.Contains(page, "script-src 'sha256-") || strings.Contains(page, "unsafe-inline'; script-src 'unsafe") {
		t.Error("the policy does not pin the script")
	}
}

func TestDeterministic(t *testing.T) {
	docs := []Doc{
		{ID: "x", Path: "x", Text: []byte("As an AI language model"), Explanation: explained(99, model.Flagged, finding(1, 1, "As an AI"))},
		{ID: "y", Path: "y", Text: []byte("fine"), Explanation: explained(10, model.Clean)},
	}
	a := render(t, Options{}, docs...)
	for i := 0; i < 5; i++ {
		if b := render(t, Options{}, docs...); a != b {
			t.Fatal("two renderings of the same documents differ")
		}
	}
}
