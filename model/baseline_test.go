package model

import (
	"fmt"
	"strings"
	"testing"
)

// baselineTexts: machine texts favour "delve" and "tapestry", person texts
// "said" and "yesterday"; the rest is shared. With lineBreaks the machine
// texts alone break their lines, as the shared corpus's do.
func baselineTexts(lineBreaks bool) ([]string, []bool) {
	var texts []string
	var machine []bool
	for i := 0; i < 60; i++ {
		m := i%2 == 0
		var words []string
		if m {
			words = []string{"delve", "tapestry"}
		} else {
			words = []string{"said", "yesterday"}
		}
		// a sixth carry the other side's words: the fit is not perfect
		if i%6 == 1 {
			words[0] = "delve"
		}
		sep := " "
		if lineBreaks && m {
			sep = "\n"
		}
		texts = append(texts, fmt.Sprintf("The council met %d times.%sOfficials %s the plans.%sThe %s of the town grew.", i, sep, words[0], sep, words[1]))
		machine = append(machine, m)
	}
	return texts, machine
}

func TestBaselineLearnsWords(t *testing.T) {
	texts, machine := baselineTexts(false)
	for _, o := range []BaselineOptions{{}, {Chars: true}} {
		b := FitBaseline(texts, machine, o)
		m := b.Probability("Residents will delve into the rich tapestry of the town.")
		h := b.Probability("Residents said yesterday that the town grew.")
		if m <= 0.5 || h >= 0.5 {
			t.Errorf("%+v: machine-like text %.3f, person-like %.3f: want above and below 0.5", o, m, h)
		}
	}
}

// The default view collapses white space, so line breaks that only one
// class has cannot decide; the raw view learns them.
func TestBaselineViewOfLayout(t *testing.T) {
	texts, machine := baselineTexts(true)
	one := "The council met 7 times. Officials met the plans. The size of the town grew."
	broken := strings.ReplaceAll(one, ". ", ".\n")
	folded := FitBaseline(texts, machine, BaselineOptions{Chars: true})
	if a, b := folded.Probability(one), folded.Probability(broken); a != b {
		t.Errorf("folded view: %.4f one line, %.4f with line breaks: want the same", a, b)
	}
	raw := FitBaseline(texts, machine, BaselineOptions{Chars: true, Raw: true})
	if a, b := raw.Probability(one), raw.Probability(broken); b-a < 0.2 {
		t.Errorf("raw view: %.4f one line, %.4f with line breaks: want the line breaks to read as machine", a, b)
	}
}

func TestBaselineDeterministic(t *testing.T) {
	texts, machine := baselineTexts(false)
	a := FitBaseline(texts, machine, BaselineOptions{}).Probability(texts[3])
	b := FitBaseline(texts, machine, BaselineOptions{}).Probability(texts[3])
	if a != b {
		t.Errorf("two fits score a text %v and %v", a, b)
	}
}
