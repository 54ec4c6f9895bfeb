package model

import (
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
