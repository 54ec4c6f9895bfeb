package features

import (
	"bytes"
	"math"
	"reflect"
	"strings"
	"testing"
)

// fitTexts is a small labelled set: the machine texts share "moreover" and
// "in conclusion ,", the person-written ones "said", both "the council".
func fitTexts() []LabelledText {
	return repeatLabelled(8, []labelled{
		{"Moreover, the council underscores a pivotal shift. In conclusion, the town voted.", true, "a"},
		{"The council unveiled a plan. Moreover, it aims to foster growth. In conclusion, change is near.", true, "a"},
		{"In conclusion, the council delved into the budget. Moreover, it voted.", true, "b"},
		{"The council met on Tuesday. Moreover, the plan was approved.", true, ""},
		{"The town voted. \"We lost,\" she said. The council said nothing.", false, ""},
		{"The council met on Tuesday and the mayor said little. <br> It rained.", false, ""},
		{"\"No,\" he said, and the council moved on to the bins.", false, ""},
	})
}

var testFit = FitOptions{Mine: MineOptions{MinDocs: 3, MaxN: 3}, Lambda: 1e-3, Iterations: 200, DropWords: []string{"br"}}

func weights(entries []LexEntry) map[string]float64 {
	w := map[string]float64{}
	for _, e := range entries {
		w[e.Phrase] = e.Weight
	}
	return w
}

func TestFitLexiconLearnsEachSide(t *testing.T) {
	entries := FitLexicon(fitTexts(), testFit)
	w := weights(entries)
	if w["moreover"] <= 0 || w["in conclusion"] <= 0 {
		t.Errorf("machine phrases: moreover %.4f, in conclusion %.4f; want both > 0", w["moreover"], w["in conclusion"])
	}
	if w["said"] >= 0 {
		t.Errorf("said: %.4f, want < 0", w["said"])
	}
	// used by both sides alike: no evidence either way
	if math.Abs(w["the council"]) >= w["moreover"]/2 {
		t.Errorf("the council: %.4f, want near 0 beside moreover's %.4f", w["the council"], w["moreover"])
	}
	if _, ok := w["br"]; ok {
		t.Error("br is a dropped word, but it got a weight")
	}
	lx := NewLexicon(entries)
	m := NewDocumentString("Moreover, the budget grew. In conclusion, the region thrives.")
	p := NewDocumentString("The budget grew, the mayor said. Nobody said much else.")
	if mv, pv := lx.RootPer100(m.streamWords), lx.RootPer100(p.streamWords); mv <= 0 || pv >= 0 {
		t.Errorf("unseen texts: machine-style %.2f, person-style %.2f; want > 0 and < 0", mv, pv)
	}
}

func TestFitLexiconDeterministicAndPruned(t *testing.T) {
	a, b := FitLexicon(fitTexts(), testFit), FitLexicon(fitTexts(), testFit)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two fits of the same data differ")
	}
	o := testFit
	o.Keep = 3
	top := FitLexicon(fitTexts(), o)
	if len(top) != 3 {
		t.Fatalf("Keep 3: %d entries", len(top))
	}
	least := math.Inf(1)
	for _, e := range top {
		least = math.Min(least, math.Abs(e.Weight))
	}
	for _, e := range a {
		if math.Abs(e.Weight) > least && weights(top)[e.Phrase] == 0 {
			t.Errorf("%q (%.4f) outweighs the kept entries but was pruned", e.Phrase, e.Weight)
		}
	}
}

func TestFitLexiconWithoutPart(t *testing.T) {
	all := fitTexts()
	var kept []LabelledText
	for _, lt := range all {
		if !lt.Machine || lt.Part != "a" {
			kept = append(kept, lt)
		}
	}
	got := weights(CountPhrases(all, testFit.Mine).Fit(all, testFit, "a"))
	want := weights(FitLexicon(kept, testFit))
	if len(got) != len(want) || len(got) == 0 {
		t.Fatalf("without a: %d entries, want %d (those of the documents without it)", len(got), len(want))
	}
	for p, w := range want {
		// the vocabulary's order differs, so sums run in another order
		if math.Abs(got[p]-w) > 1e-6 {
			t.Errorf("without a: %q weighs %.6f, want %.6f", p, got[p], w)
		}
	}
	if _, ok := got["underscores"]; ok {
		t.Error("underscores occurs in part a only, yet it is in the lexicon fitted without a")
	}
}

func TestFittedLexiconRoundTrip(t *testing.T) {
	entries := []LexEntry{{Phrase: "moreover ,", Weight: 0.012345678, Machine: 9, Human: 1}, {Phrase: "said", Weight: -0.0001234, Machine: 1, Human: 9}}
	var buf bytes.Buffer
	if err := WriteFittedLexicon(&buf, entries, []string{"test"}); err != nil {
		t.Fatal(err)
	}
	lx, err := ReadLexicon(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if got := lx.Entries; len(got) != 2 || got[0].Weight != 0.012346 || got[1].Weight != -0.000123 {
		t.Errorf("read back %+v: want weights to six decimals", got)
	}
}

// The regression weighs the root of a phrase's count per 100 tokens, so a
// phrase said four times counts twice, not four times, what it does once.
func TestRootPer100(t *testing.T) {
	lx := NewLexicon([]LexEntry{{Phrase: "moreover", Weight: 0.5}, {Phrase: "said", Weight: -0.25}, {Phrase: "moreover ,", Weight: 1}})
	filler := func(n int) []string { return strings.Fields(strings.Repeat("x ", n)) }
	with := func(n int, words ...string) []string { return append(filler(n-len(words)), words...) }
	for _, c := range []struct {
		name  string
		words []string
		want  float64
	}{
		{"nothing found", filler(100), 0},
		{"once in 100 tokens", with(100, "moreover"), 0.5},
		{"four times in 100 tokens", with(100, "moreover", "moreover", "moreover", "moreover"), 0.5 * 2},
		{"once in 25 tokens", with(25, "moreover"), 0.5 * 2},
		{"overlapping entries each count", with(100, "moreover", ","), 0.5 + 1},
		{"signs add", with(100, "moreover", "said", "said", "said", "said"), 0.5 - 0.25*2},
		{"empty stream", nil, 0},
	} {
		if got := lx.RootPer100(c.words); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}
