package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chaff-dev/chaff/model"
)

// A source's machine texts are measured against that source's people; a
// generator's (people are "human") against every person.
func TestBreakdownHumansOfTheSameValue(t *testing.T) {
	doc := func(label int, source, generator string) labelled {
		return labelled{Label: label, Fields: map[string]any{"source": source, "generator": generator}}
	}
	docs := []labelled{
		doc(1, "a", "g1"), doc(1, "a", "g2"), doc(1, "b", "g1"),
		doc(0, "a", "human"), doc(0, "b", "human"), doc(0, "b", "human"),
	}
	// source a's machine texts outscore a's person but not b's people
	scores := []float64{60, 70, 10, 50, 80, 90}
	scored := make([]model.Scored, len(docs))
	for i, d := range docs {
		scored[i] = model.Scored{Score: scores[i], Verdict: model.Clean, Machine: d.Label == 1}
	}
	for _, c := range []struct {
		by    string
		name  string
		human int
		auroc float64
	}{
		{"source", "source=a", 1, 1},
		{"source", "source=b", 2, 0},
		{"generator", "generator=g1", 3, 1.0 / 6},
		{"generator", "generator=g2", 3, 1.0 / 3},
	} {
		var got *evalRow
		for _, r := range breakdown(docs, scored, c.by) {
			if r.Name == c.name {
				got = &r
			}
		}
		if got == nil {
			t.Errorf("--by %s: no row %s", c.by, c.name)
			continue
		}
		if got.Metrics.Human != c.human || got.Metrics.AUROC != c.auroc {
			t.Errorf("%s: %d person-written, AUROC %v; want %d, %v", c.name, got.Metrics.Human, got.Metrics.AUROC, c.human, c.auroc)
		}
	}
}

// Page pairs are read by their group and class fields.
func TestReadPagePairs(t *testing.T) {
	p := filepath.Join(t.TempDir(), "pages.jsonl")
	lines := `{"group":"g1","class":"clean","text":"The article."}
{"group":"g1","class":"residue","text":"Menu\nThe article.\n0 Comments"}
{"group":"g2","class":"clean","text":"Another."}
`
	if err := os.WriteFile(p, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := readPagePairs([]string{p})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got["g1"].clean != "The article." || !strings.HasSuffix(got["g1"].residue, "0 Comments") || got["g2"].clean != "Another." {
		t.Errorf("pairs %+v", got)
	}
	if err := os.WriteFile(p, []byte(`{"group":"g1","class":"other","text":"x"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := readPagePairs([]string{p}); err == nil || !strings.Contains(err.Error(), "line 1: class must be clean or residue") {
		t.Errorf("bad class: error %v", err)
	}
}

// A light pair is the page's main text against a copy with k page lines
// around it.
func TestLightPair(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("testdata", "check", "page.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		k             int
		before, after string
	}{
		{1, "Contact\n\n", "\n\nShare this article"},
		{2, "Business\n\nContact\n\n", "\n\nShare this article\n\nFacebook Twitter LinkedIn"},
	} {
		clean, residue, ok := lightPair(string(page), c.k)
		if !ok {
			t.Fatalf("k=%d: no pair", c.k)
		}
		if !strings.HasPrefix(clean, "Quarry pond closes for the summer\n\nThe old quarry pond") || strings.Contains(clean, "Contact") || strings.Contains(clean, "Share") {
			t.Errorf("k=%d: clean copy %q", c.k, clean)
		}
		if residue != c.before+clean+c.after {
			t.Errorf("k=%d: residue copy %q, want %q + the clean copy + %q", c.k, residue, c.before, c.after)
		}
	}
	if _, _, ok := lightPair("<html><body><article><p>Only the article, and nothing around it at all.</p></article></body></html>", 3); ok {
		t.Error("a page with nothing around its main text made a pair")
	}
}

// --pairs --page-lines builds its pairs from the html field.
func TestEvalPagePairs(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("testdata", "check", "page.html"))
	if err != nil {
		t.Fatal(err)
	}
	rec := func(class, text string, html []byte) string {
		b, _ := json.Marshal(map[string]any{"group": "quarry", "class": class, "text": text, "html": string(html)})
		return string(b) + "\n"
	}
	p := filepath.Join(t.TempDir(), "pages.jsonl")
	if err := os.WriteFile(p, []byte(rec("clean", "The pond closes.", nil)+rec("residue", "Home\nThe pond closes.", page)), 0o644); err != nil {
		t.Fatal(err)
	}
	r := chaff(t, nil, "eval", "--pairs", "--all-pages", "--page-lines", "2", p)
	if r.code != 0 || !strings.HasPrefix(r.stdout, "1 page pairs with 2 page lines on each side: the residue copy outscores its clean article in 1 (100.0%)") ||
		!strings.Contains(r.stdout, "left out: 0 pages without an html field, 0 without a main text") {
		t.Errorf("%v", r)
	}
	if r := chaff(t, nil, "eval", "--page-lines", "2", p); r.code != 2 || !strings.Contains(r.stderr, "--page-lines takes a positive number of lines, with --pairs") {
		t.Errorf("--page-lines without --pairs: %v", r)
	}
}

// An HTML file is a page of its own: --pairs --page-lines builds its pair
// from it whether or not it could have trained the model, and without
// --page-lines it makes no pair.
func TestEvalPagePairsFromHTMLFiles(t *testing.T) {
	page := filepath.Join("testdata", "check", "page.html")
	r := chaff(t, nil, "eval", "--pairs", "--page-lines", "1", "--format", "json", page)
	var got struct {
		Pairs int `json:"pairs"`
		Wins  int `json:"residue_outscores_clean"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); r.code != 0 || err != nil || got.Pairs != 1 || got.Wins != 1 {
		t.Errorf("%v", r)
	}
	if r := chaff(t, nil, "eval", "--pairs", page); r.code != 2 || !strings.Contains(r.stderr, "page.html: an HTML page makes a pair only with --page-lines N") {
		t.Errorf("an HTML page without --page-lines: %v", r)
	}
}

// --baseline fits the n-gram baseline on --train and measures it on the
// documents the model would score.
func TestEvalBaseline(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, from, n int) string {
		var b strings.Builder
		for i := from; i < from+n; i++ {
			label, words := 0, "said yesterday that"
			if i%2 == 0 {
				label, words = 1, "delve into the tapestry of"
			}
			text := strings.Repeat(fmt.Sprintf("Officials %s plan %d for the town centre. ", words, i), 8)
			rec, _ := json.Marshal(map[string]any{"text": text, "label": label, "source": "s"})
			b.Write(append(rec, '\n'))
		}
		// too short for the model: left out of both
		b.WriteString(`{"text":"Officials said so.","label":0,"source":"s"}` + "\n")
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	train, dev := write("train.jsonl", 0, 40), write("dev.jsonl", 100, 20)
	for _, kind := range []string{"words", "chars"} {
		r := chaff(t, nil, "eval", "--baseline", kind, "--train", train, "--by", "source", "--format", "json", dev)
		var rows []evalRow
		if err := json.Unmarshal([]byte(r.stdout), &rows); r.code != 0 || err != nil || len(rows) != 2 {
			t.Fatalf("--baseline %s: %v", kind, r)
		}
		if x := rows[0].Metrics; x.AUROC != 1 || x.Machine != 10 || x.Human != 10 || x.TooShort != 1 {
			t.Errorf("--baseline %s: %+v: want AUROC 1 on 10 + 10 documents, 1 too short", kind, x)
		}
	}
	r := chaff(t, nil, "eval", "--baseline", "words", "--train", train, dev)
	if r.code != 0 || !strings.Contains(r.stdout, "caught@1%FPR") || !strings.Contains(r.stdout, "baseline: TF-IDF of word 1-3-grams, logistic regression (C 10), fitted on 41 texts (typography folded, white space collapsed)") {
		t.Errorf("table: %v", r)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--baseline", "bigrams", "--train", train}, "--baseline takes words or chars, not bigrams"},
		{[]string{"--baseline", "words"}, "give the labelled texts to fit it on with --train PATH"},
		{[]string{"--train", train}, "--train and --baseline-raw go with --baseline"},
		{[]string{"--baseline", "words", "--train", filepath.Join(dir, "missing.jsonl")}, "missing.jsonl"},
	} {
		if r := chaff(t, nil, append(append([]string{"eval"}, c.args...), dev)...); r.code != 2 || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v: %v, want exit 2 and %q", c.args, r, c.want)
		}
	}
}

// A whole-page pair counts only when both copies get a score: a page in a
// language the model does not know has none (`chaff score` prints null).
func TestEvalPagePairsLeaveOutUnscored(t *testing.T) {
	en := "The council met on Tuesday to discuss the new budget for the coming year, and several members raised concerns about spending on roads and schools. The mayor said the vote would take place next month after further consultation with residents, and officials expect a long debate about the parks. Several residents spoke at the meeting, and most of them asked for the roads to be repaired before the winter."
	fr := "Le conseil municipal s'est réuni mardi pour discuter du nouveau budget de l'année prochaine, et plusieurs membres ont exprimé leurs inquiétudes au sujet des dépenses pour les routes et les écoles. Le maire a déclaré que le vote aurait lieu le mois prochain après une nouvelle consultation des habitants."
	rec := func(group, class, text string) string {
		b, _ := json.Marshal(map[string]any{"group": group, "class": class, "text": text})
		return string(b) + "\n"
	}
	p := filepath.Join(t.TempDir(), "pages.jsonl")
	data := rec("en", "clean", en) + rec("en", "residue", "Home\nNews\nSport\n\n"+en+"\n\n0 Comments\nLeave a Reply") +
		rec("fr", "clean", fr) + rec("fr", "residue", "Accueil\n\n"+fr+"\n\nPartager")
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	r := chaff(t, nil, "eval", "--pairs", "--all-pages", p)
	if r.code != 0 || !strings.HasPrefix(r.stdout, "1 page pairs: the residue copy outscores its clean article in 1 (100.0%)") ||
		!strings.Contains(r.stdout, "left out: 1 pairs too short or in a language the model does not know") {
		t.Errorf("%v", r)
	}
}

// --perturb rewrites the machine texts only: disguised, they still rank
// above the people (the disguise is read through and reported); an unknown
// kind is a usage error.
func TestEvalPerturb(t *testing.T) {
	p := filepath.Join(t.TempDir(), "set.jsonl")
	var b strings.Builder
	for _, name := range []string{"machine-rewrite.txt", "machine-leaked-prompt.txt", "human-council-budget.txt", "human-match-report.txt"} {
		text, err := os.ReadFile(filepath.Join("testdata", "articles", name))
		if err != nil {
			t.Fatal(err)
		}
		rec, _ := json.Marshal(map[string]any{"text": string(text), "label": map[bool]int{true: 1, false: 0}[strings.HasPrefix(name, "machine-")]})
		b.Write(append(rec, '\n'))
	}
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	r := chaff(t, nil, "eval", "--perturb", "zero-width", "--format", "json", p)
	var rows []evalRow
	if err := json.Unmarshal([]byte(r.stdout), &rows); r.code != 0 || err != nil || len(rows) != 1 {
		t.Fatalf("--perturb zero-width: %v", r)
	}
	if x := rows[0].Metrics; x.Machine != 2 || x.Human != 2 || x.AUROC != 1 {
		t.Errorf("--perturb zero-width: %+v, want the 2 machine texts above the 2 people", x)
	}
	if r := chaff(t, nil, "eval", "--perturb", "typo", p); r.code != 2 || !strings.Contains(r.stderr, `unknown perturbation "typo" (known: zero-width, homoglyph`) {
		t.Errorf("unknown kind: %v", r)
	}
}

// A set without person-written texts has no AUROC and no catch rate at a
// false-positive rate: JSON says null and the tables "-", for the whole set
// and for every --by group, rather than failing on NaN or claiming 0%.
func TestEvalUndefinedFigures(t *testing.T) {
	p := filepath.Join(t.TempDir(), "machine.jsonl")
	var b strings.Builder
	for _, f := range []struct{ name, source string }{{"machine-rewrite.txt", "a"}, {"machine-leaked-prompt.txt", "a"}, {"machine-chatbot-leak.txt", "b"}} {
		text, err := os.ReadFile(filepath.Join("testdata", "articles", f.name))
		if err != nil {
			t.Fatal(err)
		}
		rec, _ := json.Marshal(map[string]any{"text": string(text), "label": 1, "source": f.source})
		b.Write(append(rec, '\n'))
	}
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		rows int // JSON rows; 0 for a table
		// a table's first data row, as its cells read
		row string
	}{
		{[]string{"--format", "json"}, 1, ""},
		{[]string{"--format", "json", "--by", "source"}, 3, ""},
		{[]string{"--format", "json", "--by-length"}, 6, ""},
		{nil, 0, "│ all │ 3 │ 3 │ 0 │ - │ - │ - │ 1.000 │ 1.000 │ 1.000 │ 0.0% │"},
		{[]string{"--by", "source"}, 0, "│ all │ 3 │ 3 │ 0 │ - │ - │ - │ 1.000 │ 1.000 │ 1.000 │ 0.0% │"},
		{[]string{"--by-length"}, 0, "│ 15 words │ 3 │ 3 │ 0 │ - │ - │"},
	} {
		r := chaff(t, nil, append(append([]string{"eval"}, c.args...), p)...)
		if r.code != 0 || r.stderr != "" {
			t.Errorf("%v: %v", c.args, r)
			continue
		}
		if c.rows == 0 {
			cells := regexp.MustCompile(` +`).ReplaceAllString(r.stdout, " ")
			if !strings.Contains(cells, c.row) || strings.Contains(r.stdout, "NaN") {
				t.Errorf("%v: want the row %q and no NaN:\n%s", c.args, c.row, r.stdout)
			}
			continue
		}
		var rows []struct {
			Name    string         `json:"name"`
			Metrics map[string]any `json:"metrics"`
		}
		if err := json.Unmarshal([]byte(r.stdout), &rows); err != nil || len(rows) != c.rows {
			t.Errorf("%v: %d rows, want %d (%v):\n%s", c.args, len(rows), c.rows, err, r.stdout)
			continue
		}
		for _, row := range rows {
			for _, k := range []string{"auroc", "tpr_at_1pct_fpr", "tpr_at_5pct_fpr"} {
				if v, ok := row.Metrics[k]; !ok || v != nil {
					t.Errorf("%v: %s: %s = %v, want null", c.args, row.Name, k, v)
				}
			}
		}
	}
	// records without the --by field form a group of their own, named so
	r := chaff(t, nil, "eval", "--format", "json", "--by", "domain", p)
	if !strings.Contains(r.stdout, `"domain=(none)"`) || strings.Contains(r.stdout, "nil") {
		t.Errorf("--by a field no record has: want a row domain=(none):\n%s", r.stdout)
	}
}
