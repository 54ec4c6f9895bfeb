package features

import (
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
)

// ssFiller returns n distinct words.
func ssFiller(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "w%d ", i)
	}
	return b.String()
}

func TestKeywordStuffing(t *testing.T) {
	// 100 words, "best running shoes" 4 times: 12 of 100 words.
	pad := ssFiller(85)
	text := "Best running shoes here. The best running shoes, " + pad + "best running shoes and best running shoes."
	d := NewDocumentString(text)
	if d.WordCount != 100 {
		t.Fatalf("word count %d", d.WordCount)
	}
	r := ssExtract(t, "seo.keyword-stuffing", text)
	if !ssNear(r.Value, 0.12) {
		t.Errorf("value %v, want 0.12", r.Value)
	}
	want := []string{"1:1:Best running shoes", "1:30:best running shoes", "1:380:best running shoes", "1:403:best running shoes"}
	if got := ssPositions(r.Findings); !reflect.DeepEqual(got, want) {
		t.Errorf("findings %q, want %q", got, want)
	}

	cases := []struct {
		name, text string
		want       float64
	}{
		{"twice only", "cheap flights to rome and cheap flights to paris " + ssFiller(92), 0},
		{"stopword edges", strings.Repeat("of the ", 20) + ssFiller(60), 0},
		{"names", strings.Repeat("Keir Adeyemi said so. ", 5) + ssFiller(90), 0},
		{"broken by punctuation", strings.Repeat("running, shoes. ", 5) + ssFiller(90), 0},
		// 3 × 2 words of a 40-word text: rates use at least 100 words.
		{"short text", strings.Repeat("green tea ", 3) + ssFiller(34), 0.06},
		// the longer n-gram wins: 4 × 3 > 5 × 2.
		{"longest share", strings.Repeat("red wine glass. ", 4) + "red wine. " + ssFiller(86), 0.12},
	}
	for _, c := range cases {
		if r := ssExtract(t, "seo.keyword-stuffing", c.text); !ssNear(r.Value, c.want) {
			t.Errorf("%s: value %v, want %v", c.name, r.Value, c.want)
		}
	}
	// below FireAbove: a value but no findings.
	low := strings.Repeat("green tea ", 3) + ssFiller(294)
	if r := ssExtract(t, "seo.keyword-stuffing", low); !ssNear(r.Value, 0.02) || len(r.Findings) != 0 {
		t.Errorf("low: %+v", r)
	}
}

func TestTitleRepetition(t *testing.T) {
	body := ssFiller(150)
	text := "Cheap Flights to Rome\n\nBook cheap flights to Rome today.\n\nOur cheap flights beat all.\n\nRome flights here.\n\n" + body
	r := ssExtract(t, "seo.title-repetition", text)
	// title bigrams "cheap flights"; "flights to" and "to rome" hold a stopword.
	if want := 100 * 2.0 / 200; !ssNear(r.Value, want) {
		t.Errorf("value %v, want %v", r.Value, want)
	}
	if len(r.Findings) != 0 {
		t.Errorf("findings below FireAbove: %v", ssPositions(r.Findings))
	}
	text = "How to Lose Weight Fast\n\nLose weight fast now.\n\nTo lose weight fast, eat less.\n\nWeight fast? Lose weight.\n\n" + ssFiller(10)
	r = ssExtract(t, "seo.title-repetition", text)
	// 2 + 2 + 1 + 1 hits over at least 200 words.
	if !ssNear(r.Value, 3) {
		t.Errorf("value %v, want 3", r.Value)
	}
	want := []string{"3:1:Lose weight fast", "5:4:lose weight fast", "7:1:Weight fast", "7:14:Lose weight"}
	if got := ssPositions(r.Findings); !reflect.DeepEqual(got, want) {
		t.Errorf("findings %q, want %q", got, want)
	}
	for _, text := range []string{
		"How to lose weight fast.\n\nLose weight fast.\n\nLose weight fast.\n\nLose weight fast.",         // not a title
		"How to Lose Weight Fast\nLose weight fast.\nLose weight fast.",                                   // too few paragraphs
		"Lose Weight\n\nLose weight fast.\n\nLose weight fast.\n\nLose weight fast.\n\nLose weight fast.", // no... one bigram
	} {
		r := ssExtract(t, "seo.title-repetition", text)
		if strings.HasPrefix(text, "Lose Weight\n") {
			if !ssNear(r.Value, 2) {
				t.Errorf("%q: value %v, want 2", text, r.Value)
			}
			continue
		}
		if r.Value != 0 {
			t.Errorf("%q: value %v, want 0", text, r.Value)
		}
	}
}

func TestKeywordList(t *testing.T) {
	pre := "One.\n\nTwo.\n\nThree.\n\n"
	cases := []struct {
		text string
		want []string
	}{
		{"Nice run today #running, #fitness #5k #long_run done", []string{"1:16:#running, #fitness #5k #long_run"}},
		{"#one #two\n#three", nil},
		{pre + "seo tips, seo tools, link building, site audit", []string{"7:1:seo tips, seo tools, link building, site audit"}},
		{pre + "- Running Shoes, Trail Running, Road Running, Race Day", []string{"7:1:- Running Shoes, Trail Running, Road Running, Race Day"}},
		{"seo tips, seo tools, link building, site audit", nil},                // too few paragraphs
		{pre + "seo tips, seo tools, link building", nil},                      // 3 items
		{pre + "apples, pears, plums and figs", nil},                           // prose list
		{pre + "apples, pears, plums, figs.", nil},                             // a sentence
		{pre + "Tags: apples, pears, plums, figs", nil},                        // labelled: residue
		{pre + "Paris, Lyon, Nice, Lille", nil},                                // names
		{pre + "she ran, he swam, they cycled, we walked", nil},                // clauses
		{pre + "very long item of many words, pears, plums, figs, dates", nil}, // long item
		{pre + "By Ann Lee, Bo Park, Cy Diaz, Di Wu", nil},                     // byline
		{pre + "red 1, blue 2, green, yellow", nil},                            // numbers
	}
	for _, c := range cases {
		r := ssExtract(t, "seo.keyword-list", c.text)
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

func TestDuplicateText(t *testing.T) {
	cases := []struct {
		text string
		want []string
	}{
		// a repeated sentence, case and punctuation aside.
		{"Prices will rise again next spring. Wages fell.\nPRICES will rise again, next spring!", []string{"2:1:PRICES will rise again, next spring!"}},
		// a repeated paragraph counts once, not once per sentence.
		{"Sign up now for our free weekly newsletter. It is free.\n\nBody text.\n\nSign up now for our free weekly newsletter. It is free.\n\nEnd.",
			[]string{"5:1:Sign up now for our free weekly newsletter. It is free."}},
		// numbers differ: not a repeat.
		{"The fare rose by 5 cents last year. The fare rose by 7 cents last year.", nil},
		// short sentences do not count.
		{"Read more here. Read more here. Read more here.", nil},
		// three copies: two repeats.
		{"We ship to every country in Europe. We ship to every country in Europe. We ship to every country in Europe.",
			[]string{"1:37:We ship to every country in Europe.", "1:73:We ship to every country in Europe."}},
	}
	for _, c := range cases {
		r := ssExtract(t, "seo.duplicate-text", c.text)
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
