package features

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestShapeStream(t *testing.T) {
	cases := []struct{ text, want string }{
		{"The decision underscores the growing importance of trust.", "the X Xs the Xing X of X ."},
		{"Officials in Paris said 12 people were quickly evacuated.", "Xs in C X # X were Xly Xed ."},
		{"It rained. Then it stopped!", "it Xed . then it Xed !"},
	}
	for _, c := range cases {
		if got := NewDocumentString(c.text).ShapeStream(); got != c.want {
			t.Errorf("ShapeStream(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestLexiconMatchesWholeTokensLongestFirst(t *testing.T) {
	lx := NewLexicon([]LexEntry{
		{Phrase: "intricate web", Weight: 1},
		{Phrase: "the intricate web of", Weight: 2},
		{Phrase: "web", Weight: 0.5},
		{Phrase: "said", Weight: -1},
	})
	d := NewDocumentString("It shows the intricate web of ties, he said. Webbing is not a web.")
	var got []string
	for _, m := range lx.Match(d) {
		got = append(got, d.Text[m.Start:m.End])
	}
	if strings.Join(got, "|") != "the intricate web of|said|web" {
		t.Errorf("Match = %q", got)
	}
	// MatchAll counts overlaps: "the intricate web of", "intricate web", two "web"s, "said".
	if n := len(lx.MatchAll(d)); n != 5 {
		t.Errorf("MatchAll found %d matches, want 5", n)
	}
	m, h := lx.Scores(d)
	if len(m.Findings) != 1 || m.Findings[0].Match != "the intricate web of" {
		t.Errorf("findings %+v: want only the strong phrase", m.Findings)
	}
	if h.Value <= 0 || m.Value <= 0 {
		t.Errorf("values %v %v", m.Value, h.Value)
	}
}

func TestReadLexiconErrors(t *testing.T) {
	for _, in := range []string{"a\t1\t2\n", "a\tx\t1\t2\n"} {
		if _, err := ReadLexicon(strings.NewReader(in)); err == nil || !strings.Contains(err.Error(), "line 1") {
			t.Errorf("ReadLexicon(%q) error %v, want one naming line 1", in, err)
		}
	}
}

func TestMineLexicon(t *testing.T) {
	var docs []LabelledText
	for i := 0; i < 30; i++ {
		docs = append(docs,
			LabelledText{Doc: NewDocumentString("Moreover, the plan underscores a pivotal shift. The town voted."), Machine: true},
			LabelledText{Doc: NewDocumentString("The town voted. \"We lost,\" she said."), Machine: false})
	}
	o := MineOptions{MinDocs: 5, MinZ: 2, Prior: 1, MaxEach: 100, MaxN: 3, MaxAbsLO: 3, Drop: []string{"pivotal"}}
	w := map[string]float64{}
	for _, e := range MineLexicon(docs, o) {
		w[e.Phrase] = e.Weight
	}
	if w["underscores"] <= 0 || w["moreover ,"] <= 0 {
		t.Errorf("machine phrases missing or not positive: %v", w)
	}
	if w["she said"] >= 0 {
		t.Errorf("person phrase not negative: %v", w["she said"])
	}
	if _, ok := w["the town voted"]; ok {
		t.Error("a phrase both sides use equally was kept")
	}
	for p := range w {
		if strings.Contains(p, "pivotal") {
			t.Errorf("dropped substring kept in %q", p)
		}
	}
	o.Stream = Shapes
	shapes := MineLexicon(docs, o)
	if len(shapes) == 0 || strings.Contains(shapes[0].Phrase, "underscores") {
		t.Errorf("shape mining should mask content words: %v", shapes[:min(3, len(shapes))])
	}
}

// A lexicon mined without one part of the machine texts must be the lexicon
// of the documents without them: the counts are kept per part so that
// leaving a generator out costs no second pass, and must subtract exactly.
func TestLexiconWithoutPart(t *testing.T) {
	all := repeatLabelled(12, []labelled{
		{"Moreover, the plan underscores a pivotal shift. The town voted.", true, "a"},
		{"The initiative underscores a broader commitment to the town.", true, "a"},
		{"In a bold move, the council delved into the budget. Moreover, it voted.", true, "b"},
		{"The council met on Tuesday. Moreover, the plan was approved.", true, ""},
		{"The town voted. \"We lost,\" she said.", false, ""},
		{"The council met on Tuesday and the mayor said little.", false, ""},
	})
	o := MineOptions{MinDocs: 5, MinZ: 1, Prior: 1, MaxEach: 100, MaxN: 3, MaxAbsLO: 3}
	counts := CountPhrases(all, o)
	for _, part := range []string{"", "a", "b", "missing"} {
		var kept []LabelledText
		for _, lt := range all {
			if !lt.Machine || part == "" || lt.Part != part {
				kept = append(kept, lt)
			}
		}
		got, want := counts.Lexicon(o, part), MineLexicon(kept, o)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("without %q: %d entries, want %d (those of the documents without it)", part, len(got), len(want))
		}
		if len(got) == 0 {
			t.Errorf("without %q: empty lexicon", part)
		}
	}
	without := map[string]bool{}
	for _, e := range counts.Lexicon(o, "a") {
		without[e.Phrase] = true
	}
	if without["underscores"] {
		t.Error(`"underscores", written only by part a, stayed in the lexicon without a`)
	}
}

// A lexicon whose words the vocabulary all knows matches through vocabulary
// ids; one with a word the vocabulary lacks (a lexicon mined in training)
// falls back to its own map. Both must find the same.
func TestLexiconVocabularyPaths(t *testing.T) {
	known := []LexEntry{{Phrase: "the rich tapestry of", Weight: 2}, {Phrase: "said", Weight: -1}}
	withUnknown := append([]LexEntry{{Phrase: "zqxjvw blorft", Weight: 1}}, known...)
	d := NewDocumentString("Menu\nIt shows the rich tapestry of ties, he said. Zqxjvw blorft, they said.")
	for _, c := range []struct {
		name     string
		entries  []LexEntry
		byID     bool
		want     int
		findings string
	}{
		{"vocabulary ids", known, true, 3, "the rich tapestry of"},
		{"own map", withUnknown, false, 4, "the rich tapestry of"},
	} {
		lx := NewLexicon(c.entries)
		if got := lx.index.local() != nil; got != c.byID {
			t.Errorf("%s: matched through vocabulary ids: %v, want %v", c.name, got, c.byID)
		}
		if n := len(lx.MatchAll(d.Prose())); n != c.want {
			t.Errorf("%s: %d matches, want %d", c.name, n, c.want)
		}
		if m, _ := lx.Scores(d.Prose()); len(m.Findings) == 0 || m.Findings[0].Match != c.findings {
			t.Errorf("%s: findings %+v", c.name, m.Findings)
		}
	}
	// a view's ids come from its parent's: they must be what a lookup gives
	p := d.Prose()
	if p == d {
		t.Fatal("want a prose view without the menu line")
	}
	ids, _ := vocab()
	for i, w := range p.streamWords {
		if got := p.wordIDs()[i]; got != ids[w] {
			t.Errorf("view word %q: id %d, want %d", w, got, ids[w])
		}
	}
}

// The dense table of two-token n-grams (a small vocabulary's) must lead to
// the same nodes as the edge table it stands in for.
func TestPairTableMatchesEdges(t *testing.T) {
	if shapeLexicon.index.pairs == nil {
		t.Fatal("the shape lexicon's vocabulary should get a pair table")
	}
	var noPairs ngramIndex
	noPairs.build(shapeLexicon.Entries)
	noPairs.pairs = nil
	texts, _ := exampleTexts(t)
	for k, text := range texts {
		d := NewDocument(text).Prose()
		d.shapeStream()
		var a, b []int
		shapeLexicon.index.each(d.shapeWords, d.shapeIDs, func(i, n, e int) { a = append(a, i, n, e) })
		noPairs.each(d.shapeWords, d.shapeIDs, func(i, n, e int) { b = append(b, i, n, e) })
		if len(a) == 0 || !slices.Equal(a, b) {
			t.Errorf("example %d: %d matches through the pair table, %d through the edges", k, len(a)/3, len(b)/3)
		}
	}
}

// labelled is a text of a test set: machine-written or not, and its part
// (the generator a lexicon may be mined without).
type labelled struct {
	text    string
	machine bool
	part    string
}

// repeatLabelled makes documents of texts, the whole list n times over, so
// that tiny sets clear the miners' minimum document counts.
func repeatLabelled(n int, texts []labelled) []LabelledText {
	var all []LabelledText
	for i := 0; i < n; i++ {
		for _, x := range texts {
			all = append(all, LabelledText{Doc: NewDocumentString(x.text), Machine: x.machine, Part: x.part})
		}
	}
	return all
}
