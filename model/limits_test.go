package model

import (
	"strings"
	"testing"

	"github.com/chaff-dev/chaff/features"
)

func TestTooShort(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	c := *m
	c.Limits.MinWords = 50
	cases := []struct {
		name, text string
		want       Verdict
	}{
		{"a teaser is too short", "Council votes to close the quarry pond for the summer after two rescues.", TooShort},
		{"hard evidence still flags", "As an AI language model, I cannot write about the quarry pond.", Flagged},
		// 60 words of menu, 13 of prose: the statistics would read 13 words
		{"a long menu around a caption is too short", strings.Repeat("Home\nNews\nSport\nWeather\nBusiness\nTravel\n", 10) +
			"Council votes to close the quarry pond for the summer after two rescues.\n", TooShort},
	}
	for _, tc := range cases {
		e := c.Explain(features.NewDocumentString(tc.text))
		if e.Verdict != tc.want {
			t.Errorf("%s: verdict %s, want %s", tc.name, e.Verdict, tc.want)
		}
		if e.Scored() != (tc.want != TooShort) {
			t.Errorf("%s: Scored() = %v", tc.name, e.Scored())
		}
	}
	story := strings.Repeat("The council voted on Tuesday to close the quarry pond for the summer after two rescues. ", 5)
	if e := c.Explain(features.NewDocumentString(story)); !e.Scored() {
		t.Errorf("a 75-word story: verdict %s, want a score", e.Verdict)
	}
	c.Limits.MinWords = 0
	if e := c.Explain(features.NewDocumentString(cases[0].text)); e.Verdict == TooShort {
		t.Error("with no minimum nothing is too short")
	}
	// too-short documents are counted apart, never as clean, and left out of the figures
	met := Evaluate([]Scored{{Score: 10, Verdict: Clean}, {Score: 90, Verdict: Flagged, Machine: true}, {Score: 99, Verdict: TooShort}})
	if met.TooShort != 1 || met.Documents != 2 || met.Confusion.Human[TooShort] != 1 || met.AUROC != 1 {
		t.Errorf("Evaluate with a too-short document: %+v", met)
	}
}

func TestParseRejectsNegativeMinWords(t *testing.T) {
	m, _ := Default()
	c := *m
	c.Limits.MinWords = -1
	if err := c.bind(); err == nil {
		t.Error("negative min_words accepted")
	}
}

func TestUnsupportedLanguage(t *testing.T) {
	m, _ := Default()
	c := *m
	c.Limits.Languages = []string{"eng"}
	german := "Der Stadtrat hat am Dienstag beschlossen, den Steinbruchsee über den Sommer für Schwimmer zu sperren, " +
		"nachdem im Juni zwei Menschen aus dem Wasser gezogen wurden. Die Anwohner wollen eine Petition starten, " +
		"damit es im nächsten Jahr eine beaufsichtigte Badesaison gibt. Eine Sprecherin der Gemeinde sagte, man werde " +
		"den Vorschlag prüfen, sobald die Zäune stehen und die Rettungsringe am Ufer erneuert worden sind.\n"
	cases := []struct {
		name, text string
		want       Verdict
		rules      []string
	}{
		{"German prose", german, Unsupported, []string{"language.not-english"}},
		{"German prose with a comment counter", german + "0 Comments\n", Unsupported, []string{"language.not-english", "residue.comment-counter"}},
		{"German prose with a chat citation", german + "Quelle :contentReference[oaicite:0]{index=0}\n", Flagged, []string{"language.not-english", "leak.chat-citation"}},
	}
	for _, tc := range cases {
		e := c.Explain(features.NewDocumentString(tc.text))
		var rules []string
		for _, f := range e.Findings {
			rules = append(rules, f.Rule)
		}
		if e.Verdict != tc.want || e.Language != "deu" || strings.Join(rules, " ") != strings.Join(tc.rules, " ") {
			t.Errorf("%s: verdict %s language %s rules %v, want %s deu %v", tc.name, e.Verdict, e.Language, rules, tc.want, tc.rules)
		}
	}
	// a few words: only a sure detection names a language
	for _, tc := range []struct{ text, lang string }{
		{"hello world", ""},
		{"Council votes to close the pond.", ""},
		{"Der Stadtrat hat am Dienstag beschlossen.", "deu"},
	} {
		if e := c.Explain(features.NewDocumentString(tc.text)); e.Language != tc.lang {
			t.Errorf("%q: language %q, want %q", tc.text, e.Language, tc.lang)
		}
	}
	d := features.NewDocumentString(german)
	d.ForceLanguage("eng")
	if e := c.Explain(d); !e.Scored() {
		t.Errorf("--lang eng: want a score, got %s", e.Verdict)
	}
	c.Limits.Languages = nil
	if e := c.Explain(features.NewDocumentString(german)); !e.Scored() {
		t.Error("a model that names no language scores every language")
	}
}
