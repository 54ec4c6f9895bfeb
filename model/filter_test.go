package model

import (
	"testing"

	"github.com/chaff-dev/chaff/features"
)

func TestExplainFilteredLeavesDroppedFindingsOut(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "The harbour ferry ran again on Saturday after four months of repairs, the operator said.\n" +
		"\"We had a queue of bikes down to the chandlery,\" skipper Ona Reyes said.\n" +
		"As an AI language model, I cannot browse the internet.\n" +
		"0 Comments\n"
	d := func() *features.Document { return features.NewDocumentString(text) }
	all := m.Explain(d())
	if !all.Hard || !all.Residue {
		t.Fatalf("unfiltered: want hard evidence and residue, got %+v", all)
	}
	cases := []struct {
		name          string
		drop          func(features.Finding) bool
		hard, residue bool
	}{
		{"drop the leak", func(f features.Finding) bool { return f.Category == features.Leak }, false, true},
		{"drop the residue", func(f features.Finding) bool { return f.Category == features.Residue }, true, false},
		{"drop both", func(f features.Finding) bool { return f.Category == features.Residue || f.Category == features.Leak }, false, false},
	}
	for _, c := range cases {
		e := m.ExplainFiltered(d(), c.drop)
		if e.Hard != c.hard || e.Residue != c.residue {
			t.Errorf("%s: hard %v residue %v, want %v %v", c.name, e.Hard, e.Residue, c.hard, c.residue)
		}
		if len(e.Suppressed) == 0 {
			t.Errorf("%s: dropped findings not listed", c.name)
		}
		for _, f := range e.Findings {
			if c.drop(f) {
				t.Errorf("%s: dropped finding still reported: %+v", c.name, f)
			}
		}
		if e.Score > all.Score {
			t.Errorf("%s: score rose from %v to %v", c.name, all.Score, e.Score)
		}
	}
	if e := m.ExplainFiltered(d(), func(f features.Finding) bool { return f.Category == features.Leak || f.Category == features.Residue }); e.Verdict == Flagged {
		t.Errorf("with the evidence suppressed a plain story should not be flagged: %v", e.Score)
	}
}

func TestWithThresholds(t *testing.T) {
	m, _ := Default()
	c, err := m.WithThresholds(Thresholds{Suspect: 10, Flagged: 20})
	if err != nil || c.Verdict(15) != Suspect || m.Verdict(15) != Clean {
		t.Errorf("WithThresholds: %v, %v %v", err, c.Verdict(15), m.Verdict(15))
	}
	if _, err := m.WithThresholds(Thresholds{Suspect: 30, Flagged: 20}); err == nil {
		t.Error("suspect above flagged accepted")
	}
}
