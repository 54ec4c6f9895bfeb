package model

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/chaff-dev/chaff/features"
)

var topics = []string{"education", "healthcare", "renewable energy", "local business", "public transport", "the arts", "agriculture", "tourism"}

var machineSentences = []string{
	"Moreover, this underscores the pivotal importance of fostering innovation in %s.",
	"In today's fast-paced world, it is essential to navigate the complexities of %s.",
	"Furthermore, it is crucial to recognize the transformative potential of %s.",
	"This comprehensive approach plays a vital role in shaping a brighter future for %s.",
	"Additionally, stakeholders must leverage synergies to unlock new opportunities in %s.",
	"Ultimately, embracing change is key to achieving sustainable growth in %s.",
	"It is important to note that these insights offer valuable guidance for navigating the ever-evolving landscape of %s.",
	"By harnessing the power of technology, organizations can foster a culture of continuous improvement in %s.",
	"This highlights the significance of a holistic strategy for %s.",
	"As we move forward, collaboration will remain a cornerstone of progress in %s.",
	"In essence, the initiative serves as a testament to the resilience of %s.",
	"Overall, these developments pave the way for a more inclusive and dynamic future in %s.",
}

var names = []string{"Paul Tregear", "Sue Hocking", "Jim Avery", "Maria Lopes", "Tom Briggs", "Aisha Khan", "Dave Morris", "Helen Pryce"}
var places = []string{"Mill Street", "the A38", "Bodmin", "Market Square", "Station Road", "Redruth", "the harbour", "Bridge Lane"}

// personSentence makes one plain, concrete sentence with a quote or a number.
func personSentence(rng *rand.Rand) string {
	n := func(lo, hi int) int { return lo + rng.Intn(hi-lo) }
	name := names[rng.Intn(len(names))]
	place := places[rng.Intn(len(places))]
	switch rng.Intn(10) {
	case 0:
		return fmt.Sprintf("\"We lost %d sheep in the storm,\" said farmer %s.", n(2, 40), name)
	case 1:
		return fmt.Sprintf("The council voted %d to %d on Tuesday to close the library on %s.", n(5, 12), n(1, 5), place)
	case 2:
		return fmt.Sprintf("Police said a %d-year-old man was arrested near %s at 11pm.", n(18, 70), place)
	case 3:
		return fmt.Sprintf("Tickets cost £%d and the show starts at 7.30pm.", n(5, 40))
	case 4:
		return fmt.Sprintf("\"I don't know what we'll do now,\" %s told the Echo.", name)
	case 5:
		return fmt.Sprintf("The bus route past %s, which carried %d passengers a day, ends in March.", place, n(100, 900))
	case 6:
		return fmt.Sprintf("%s, %d, has run the shop on %s since %d.", name, n(30, 80), place, n(1970, 2015))
	case 7:
		return fmt.Sprintf("\"It's been a nightmare,\" said %s, adding: \"The water came up to here.\"", name)
	case 8:
		return fmt.Sprintf("Repairs to %s will cost about £%d,000, the report said.", place, n(10, 900))
	default:
		return fmt.Sprintf("The road reopened at %d.%02dam, %d hours after the crash.", n(5, 11), n(0, 59), n(2, 9))
	}
}

// paragraphs lays sentences out two or three a paragraph.
func paragraphs(ss []string, rng *rand.Rand) string {
	var b strings.Builder
	for i := 0; i < len(ss); {
		j := min(i+2+rng.Intn(2), len(ss))
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(strings.Join(ss[i:j], " "))
		i = j
	}
	return b.String()
}

func machineText(rng *rand.Rand) string {
	topic := topics[rng.Intn(len(topics))]
	k := 7 + rng.Intn(len(machineSentences)-6)
	var ss []string
	for _, i := range rng.Perm(len(machineSentences))[:k] {
		ss = append(ss, fmt.Sprintf(machineSentences[i], topic))
	}
	return paragraphs(ss, rng)
}

func personText(rng *rand.Rand) string {
	k := 8 + rng.Intn(6)
	ss := make([]string, k)
	for i := range ss {
		ss[i] = personSentence(rng)
	}
	return paragraphs(ss, rng)
}

// syntheticSamples builds n labelled samples, half of each class, each its
// own group.
func syntheticSamples(n int, seed int64) []Sample {
	rng := rand.New(rand.NewSource(seed))
	out := make([]Sample, n)
	for i := range out {
		machine := i%2 == 0
		text := personText(rng)
		label := 0.0
		if machine {
			text = machineText(rng)
			label = 1
		}
		out[i] = Sample{Doc: features.NewDocumentString(text), Label: label, Group: fmt.Sprintf("doc-%03d", i)}
	}
	return out
}

var trainOpts = TrainOptions{
	Folds:           3,
	Ridge:           1,
	Mine:            features.MineOptions{MinDocs: 3, MinZ: 1, Prior: 1, MaxEach: 500, MaxN: 3, MaxAbsLO: 3},
	CrossFitLexicon: true,
	Exclude:         []string{"style.em-dash-rate"},
}

// trained is the model trained once on the synthetic set and shared by the
// tests that inspect it.
var trained struct {
	once    sync.Once
	samples []Sample
	m       *Model
	rep     *TrainReport
	err     error
}

func trainedModel(t *testing.T) ([]Sample, *Model, *TrainReport) {
	t.Helper()
	trained.once.Do(func() {
		trained.samples = syntheticSamples(120, 1)
		trained.m, trained.rep, trained.err = Train(trained.samples, trainOpts)
	})
	if trained.err != nil {
		t.Fatalf("Train: %v", trained.err)
	}
	return trained.samples, trained.m, trained.rep
}

func TestTrainSynthetic(t *testing.T) {
	samples, m, rep := trainedModel(t)

	if len(m.Features) != len(features.IDs()) {
		t.Errorf("%d features, catalogue has %d", len(m.Features), len(features.IDs()))
	}
	for _, w := range m.Features {
		if !(w.Scale > 0) || math.IsNaN(w.Coef) || math.IsInf(w.Coef, 0) || math.IsNaN(w.Mean) {
			t.Errorf("feature %s: bad weight %+v", w.ID, w)
		}
	}
	if math.IsNaN(m.Intercept) || math.IsNaN(m.Calibration.A) || math.IsNaN(m.Calibration.B) {
		t.Errorf("intercept %v calibration %+v", m.Intercept, m.Calibration)
	}

	// thresholds
	th := m.Thresholds
	if !(th.Suspect > 0 && th.Suspect <= th.Flagged && th.Flagged <= 100) {
		t.Errorf("thresholds %+v do not satisfy 0 < suspect <= flagged <= 100", th)
	}

	// out-of-fold separation
	if len(rep.OOF) != len(samples) {
		t.Fatalf("%d out-of-fold outputs for %d samples", len(rep.OOF), len(samples))
	}
	var pos, neg []float64
	for i, s := range samples {
		if s.Label == 1 {
			pos = append(pos, rep.OOF[i])
		} else {
			neg = append(neg, rep.OOF[i])
		}
	}
	if a := AUROC(pos, neg); !(a > 0.9) {
		t.Errorf("out-of-fold AUROC %v, want > 0.9", a)
	}
	if math.IsNaN(rep.R2) {
		t.Errorf("R2 is NaN")
	}

	// exclusions are reported, and the excluded feature has no weight
	if !slices.Contains(rep.Excluded, "style.em-dash-rate (excluded)") {
		t.Errorf("explicit exclusion not reported: %v", rep.Excluded)
	}
	constant := false
	for _, e := range rep.Excluded {
		constant = constant || strings.HasSuffix(e, "(constant in the training data)")
	}
	if !constant {
		// the synthetic set has no residue, leaks or disclosures at all.
		t.Errorf("no feature reported constant: %v", rep.Excluded)
	}
	if !slices.IsSorted(rep.Excluded) {
		t.Errorf("exclusions not sorted: %v", rep.Excluded)
	}
	for _, w := range m.Features {
		if w.ID == "style.em-dash-rate" && w.Coef != 0 {
			t.Errorf("excluded feature has weight %v", w.Coef)
		}
	}
	// signed features never fit against their sign
	cat := features.Catalogue()
	for i, w := range m.Features {
		if s := float64(cat[m.index[i]].Sign); s*w.Coef < 0 {
			t.Errorf("feature %s (sign %v) has coefficient %v", w.ID, s, w.Coef)
		}
	}
}

func TestTrainedModelRoundTrips(t *testing.T) {
	samples, m, _ := trainedModel(t)
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	m2, err := Parse(b, "trained")
	if err != nil {
		t.Fatalf("Parse of the trained model: %v", err)
	}
	b2, err := json.Marshal(m2)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != string(b2) {
		t.Errorf("JSON changed on a round trip")
	}
	for _, s := range samples[:6] {
		if a, b := m.Explain(s.Doc), m2.Explain(s.Doc); a.Score != b.Score || a.Verdict != b.Verdict {
			t.Errorf("round trip changed a score: %v/%s vs %v/%s", a.Score, a.Verdict, b.Score, b.Verdict)
		}
	}
}

func TestTrainedModelSeparatesFreshText(t *testing.T) {
	_, m, _ := trainedModel(t)
	fresh := syntheticSamples(40, 99)
	var pos, neg []float64
	for _, s := range fresh {
		e := m.Explain(s.Doc)
		if s.Label == 1 {
			pos = append(pos, e.Score)
		} else {
			neg = append(neg, e.Score)
		}
	}
	if a := AUROC(pos, neg); !(a > 0.9) {
		t.Errorf("AUROC on fresh synthetic text %v, want > 0.9", a)
	}
}

func TestTrainErrors(t *testing.T) {
	small := syntheticSamples(12, 3)
	tests := []struct {
		name    string
		samples []Sample
		opts    TrainOptions
		want    []string
	}{
		{"no documents", nil, TrainOptions{Folds: 3, Ridge: 1}, []string{"too few"}},
		{"nine documents", small[:9], TrainOptions{Folds: 3, Ridge: 1}, []string{"9 documents", "too few"}},
		{"unknown exclusion", small, TrainOptions{Folds: 3, Ridge: 1, Exclude: []string{"style.mattr", "style.no-such-feature"}}, []string{"unknown feature", "style.no-such-feature"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, rep, err := Train(tc.samples, tc.opts)
			if err == nil {
				t.Fatalf("Train succeeded")
			}
			if m != nil || rep != nil {
				t.Errorf("Train returned a model or report with its error")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

func TestFitLogistic(t *testing.T) {
	tests := []struct {
		a, b   float64
		lo, hi float64 // range of x
		n      int
		seed   int64
		bug    string
	}{
		{2, -1, -3, 3, 5000, 1, ""},
		{2, -1, -3, 3, 5000, 2, ""},
		{2, -1, -1, 2, 5000, 3, ""},
		{0.5, 1, -3, 3, 8000, 4, ""},
		{8, -4, -0.5, 1.5, 5000, 5, ""}, // the shape of Train's calibration data
		{-1.5, 0, -2, 2, 5000, 6, ""},
		{-1.5, 0, -3, 3, 5000, 7, fitLogisticBug},
		{0.1, 0, -20, 20, 5000, 8, fitLogisticBug},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("a=%v,b=%v,x=%v..%v,seed=%d", tc.a, tc.b, tc.lo, tc.hi, tc.seed), func(t *testing.T) {
			rng := rand.New(rand.NewSource(tc.seed))
			x := make([]float64, tc.n)
			y := make([]float64, tc.n)
			for i := range x {
				x[i] = tc.lo + rng.Float64()*(tc.hi-tc.lo)
				if rng.Float64() < sigmoid(tc.a*x[i]+tc.b) {
					y[i] = 1
				}
			}
			a, b := fitLogistic(x, y)
			if math.Abs(a-tc.a) > 0.3 || math.Abs(b-tc.b) > 0.3 {
				if tc.bug != "" {
					t.Fatalf("regression: %s: got (%.4g, %.4g)", tc.bug, a, b)
				}
				t.Errorf("fitLogistic = (%v, %v), want (%v, %v) within 0.3", a, b, tc.a, tc.b)
			}
		})
	}
}

// fitLogisticBug: Newton's method without step control diverges from its
// start (a=1, b=0) when that start is far from the optimum.
const fitLogisticBug = "fitLogistic runs undamped Newton from (a=1, b=0); when that start is far from the optimum (a negative slope on x in ±3, or a weak slope on a wide x range) the steps overshoot and it returns |a| ~ 1e9 without any error"

func TestFitLogisticSeparable(t *testing.T) {
	// perfectly separated data has no finite maximum likelihood; the fit
	// must still return finite numbers that order the classes.
	x := []float64{-3, -2, -1, 1, 2, 3}
	y := []float64{0, 0, 0, 1, 1, 1}
	a, b := fitLogistic(x, y)
	if math.IsNaN(a) || math.IsNaN(b) || math.IsInf(a, 0) || math.IsInf(b, 0) {
		t.Fatalf("fitLogistic on separable data = (%v, %v)", a, b)
	}
	if !(a > 0) {
		t.Errorf("slope %v, want > 0", a)
	}
	if p0, p1 := sigmoid(a*-1+b), sigmoid(a*1+b); !(p0 < 0.5 && p1 > 0.5) {
		t.Errorf("p(-1) = %v, p(1) = %v", p0, p1)
	}
}

const relayoutText = `Flooding closed the A38 near Bodmin for six hours on Tuesday after 42mm of rain fell overnight, police said. Two cars were stranded.

Station manager Paul Tregear said: "We had three crews out from 4.30 and the water just kept coming," adding: "People should not drive into floodwater, full stop."
Mr. Smith, of St. Austell, said it was the worst since Jan. 2014! Was it? Nobody knows… The U.S. firm paid $3.5m — about £2.7m.
Cornwall Council said it had cleared 14 blocked drains.   A spokeswoman said a further £120,000 had been set aside

   trailing words without a full stop`

// relayoutSplitsWordsBug: Relayout cuts the flattened text at sentence
// span ends; when the sentence splitter ends a sentence where there is no
// space, the cut falls inside a whitespace-delimited word.
const relayoutSplitsWordsBug = "Relayout cuts at Sentence.Span.End, which need not be at a space: splitSentences (features/document.go) absorbs a straight opening quote of the next sentence as a closing quote of this one (`Tregear. \"People` -> `\"` + newline + `People`), a full stop without a following space (`Monday.It`) also ends a sentence, and an ASCII ellipsis ends one after its first dot (`knows.` + newline + `..`), so a line break is inserted inside a word"

func TestRelayoutKeepsWords(t *testing.T) {
	tests := []struct {
		name, text string
		bug        string
	}{
		{"news", relayoutText, ""},
		{"one sentence", "Just one sentence here.", ""},
		{"no punctuation", "words and more words with no stop at all", ""},
		{"empty", "", ""},
		{"only spaces", " \n\n\t ", ""},
		{"leading punct", "*** Breaking. The bridge is shut. (More soon.)", ""},
		{"curly quotes", "“It’s over,” she said. ‘Fine.’ He left — quickly. “Go,” I said.", ""},
		{"closing quotes", "\"Stop.\" He did, and 'Wait!' came next. (It rained.) Then sun.", ""},
		{"lower after stop", "The rate rose to 3.5 per cent. e.g. this is fine. And so on.", ""},
		{"machine", machineText(rand.New(rand.NewSource(5))), ""},
		// generated person text has quotes opening sentences, as news does.
		{"person", personText(rand.New(rand.NewSource(6))), relayoutSplitsWordsBug},
		{"straight opening quote after stop", `"It was awful," said Paul Tregear. "People should not drive into floodwater." Nobody was hurt. "Never again," he said.`, relayoutSplitsWordsBug},
		{"missing space after stop", "The council met on Monday.It voted to close the pool. Work starts in May. Nobody objected.", relayoutSplitsWordsBug},
		{"ASCII ellipsis", "Nobody knows... The firm paid $3m. Then it left... Staff were told on Friday. It rained.", relayoutSplitsWordsBug},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			want := strings.Fields(tc.text)
			layouts := map[string]bool{}
			for seed := int64(0); seed < 40; seed++ {
				out := Relayout(tc.text, rand.New(rand.NewSource(seed)))
				if got := strings.Fields(out); !slices.Equal(got, want) {
					if tc.bug != "" {
						t.Fatalf("regression: %s (seed %d: %q)", tc.bug, seed, out)
					}
					t.Fatalf("seed %d: words changed\n got %q\nwant %q", seed, got, want)
				}
				switch {
				case strings.Contains(out, "\n\n"):
					layouts["blank lines"] = true
				case strings.Contains(out, "\n"):
					layouts["one a line"] = true
				default:
					layouts["one block"] = true
				}
				if strings.Contains(out, "\n\n\n") || strings.HasPrefix(out, "\n") || strings.HasSuffix(out, "\n") {
					t.Errorf("seed %d: stray line breaks in %q", seed, out)
				}
			}
			if len(want) > 20 && len(layouts) != 3 {
				t.Errorf("only layouts %v in 40 seeds", layouts)
			}
		})
	}
}

func TestRelayoutDeterministic(t *testing.T) {
	for seed := int64(0); seed < 10; seed++ {
		a := Relayout(relayoutText, rand.New(rand.NewSource(seed)))
		b := Relayout(relayoutText, rand.New(rand.NewSource(seed)))
		if a != b {
			t.Fatalf("seed %d: different layouts", seed)
		}
	}
}

func TestNormaliseTypography(t *testing.T) {
	tests := []struct{ in, want string }{
		{"\u201cHello,\u201d she said.", "\"Hello,\" she said."},
		{"\u201eGuten Tag\u201c", "\"Guten Tag\""},
		{"It\u2019s \u2018fine\u2019", "It's 'fine'"},
		{"word\u2014word", "word - word"},
		{"1990\u20132000", "1990 - 2000"},
		{"no\u00a0break", "no break"},
		{"\u00c2\u00a35", "\u00a35"},
		{"\u00a35 stays", "\u00a35 stays"},
		{"plain ASCII - text 'quoted' \"x\"", "plain ASCII - text 'quoted' \"x\""},
		{"", ""},
	}
	for _, tc := range tests {
		if got := NormaliseTypography(tc.in); got != tc.want {
			t.Errorf("NormaliseTypography(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

const residueBody = `The parish council has agreed to spend £8,500 on new benches for the village green.
Councillor Jim Avery said the old benches had been there since 1994.
Work is due to start in April and should take about two weeks to finish.`

func TestResidueAround(t *testing.T) {
	page := strings.Join([]string{
		"Home | News | Sport | Weather",
		"",
		"Local News",
		"By Jane Smith",
		"   Published 3 March   ",
		residueBody,
		"Share this article",
		"",
		"Post a Comment",
		"0 Comments",
		"Related: Library hours cut",
		"Cookie settings",
	}, "\n")
	tests := []struct {
		name          string
		page, body    string
		most          int
		before, after []string
		wantNilBoth   bool
		checkExact    bool
	}{
		{name: "three each", page: page, body: residueBody, most: 3,
			before: []string{"Local News", "By Jane Smith", "Published 3 March"},
			after:  []string{"Share this article", "Post a Comment", "0 Comments"}, checkExact: true},
		{name: "one each", page: page, body: residueBody, most: 1,
			before: []string{"Published 3 March"}, after: []string{"Share this article"}, checkExact: true},
		{name: "more than there is", page: page, body: residueBody, most: 50,
			before: []string{"Home | News | Sport | Weather", "Local News", "By Jane Smith", "Published 3 March"},
			after:  []string{"Share this article", "Post a Comment", "0 Comments", "Related: Library hours cut", "Cookie settings"}, checkExact: true},
		{name: "body alone", page: residueBody, body: residueBody, most: 3, checkExact: true},
		{name: "body with blank lines around", page: "\n\n" + residueBody + "\n\n", body: "\n" + residueBody + "\n", most: 3, checkExact: true},
		{name: "body not in page", page: page, body: "An entirely different article about a football match that ended 2-1.\nThe winning goal came in the 89th minute from a header.", most: 3, wantNilBoth: true},
		{name: "tail before head", page: "Work is due to start in April and should take about two weeks to finish.\nmenu\nThe parish council has agreed to spend £8,500 on new benches for the village green.", body: residueBody, most: 3, wantNilBoth: true},
		{name: "short first line", page: "Menu\nHi there\n" + "A long enough last line of the article body here.\nFooter", body: "Hi there\nA long enough last line of the article body here.", most: 3, wantNilBoth: true},
		{name: "empty body", page: page, body: "", most: 3, wantNilBoth: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before, after := ResidueAround(tc.page, tc.body, tc.most)
			if tc.wantNilBoth {
				if before != nil || after != nil {
					t.Fatalf("got %q / %q, want nothing", before, after)
				}
				return
			}
			if tc.checkExact {
				if !slices.Equal(before, tc.before) {
					t.Errorf("before = %q, want %q", before, tc.before)
				}
				if !slices.Equal(after, tc.after) {
					t.Errorf("after = %q, want %q", after, tc.after)
				}
			}
		})
	}
}

func TestInjectResidue(t *testing.T) {
	before := []string{"Home | News | Sport", "Local News", "By Jane Smith"}
	after := []string{"Share this article", "Post a Comment", "0 Comments", "Related: Library hours cut", "Cookie settings", "Follow us"}
	residue := map[string]bool{}
	for _, l := range append(append([]string(nil), before...), after...) {
		residue[l] = true
	}
	texts := []struct{ text, bug string }{
		{relayoutText, ""},
		{machineText(rand.New(rand.NewSource(8))), ""},
		{"One short sentence.", ""},
		{residueBody, ""},
		{personText(rand.New(rand.NewSource(9))), relayoutSplitsWordsBug},
	}
	for ti, tt := range texts {
		t.Run(fmt.Sprint("text ", ti), func(t *testing.T) {
			text := tt.text
			want := strings.Fields(text)
			for seed := int64(0); seed < 30; seed++ {
				out := InjectResidue(text, before, after, rand.New(rand.NewSource(seed)))
				var body []string
				injected := 0
				for _, l := range strings.Split(out, "\n") {
					if residue[l] {
						injected++
						continue
					}
					body = append(body, l)
				}
				if got := strings.Fields(strings.Join(body, "\n")); !slices.Equal(got, want) {
					if tt.bug != "" {
						t.Fatalf("regression: %s (seed %d: %q)", tt.bug, seed, out)
					}
					t.Fatalf("seed %d: body words changed\n got %q\nwant %q\nout %q", seed, got, want, out)
				}
				if injected == 0 {
					t.Errorf("seed %d: no residue line injected: %q", seed, out)
				}
			}
			// without residue, only the layout changes.
			out := InjectResidue(text, nil, nil, rand.New(rand.NewSource(1)))
			if got := strings.Fields(out); !slices.Equal(got, want) {
				t.Errorf("without residue: words changed: %q", out)
			}
		})
	}
}

func TestInjectResidueOneParagraphALine(t *testing.T) {
	// InjectResidue's documentation: it "lays a text out one paragraph a
	// line". It calls Relayout, which picks one of three layouts.
	after := []string{"Share this article", "0 Comments"}
	text := relayoutText
	for seed := int64(0); seed < 30; seed++ {
		out := InjectResidue(text, nil, after, rand.New(rand.NewSource(seed)))
		if strings.Contains(out, "\n\n") {
			t.Fatalf("regression: InjectResidue does not lay the text out one paragraph a line as documented: it uses Relayout, whose random layout may be blank-line separated paragraphs (blank lines stay in the output and count as body lines for the mid-text insertion) or one single block (seed %d: %q)", seed, out)
		}
	}
}

// A sample of weight 2 is fitted exactly as the same sample given twice,
// and a weight changes the fit (so --balance is not a no-op).
func TestFitOLSWeight(t *testing.T) {
	xs := []float64{-1.5, -0.7, 0.1, 0.4, 1.2, 2.0}
	ys := []float64{0, 0, 1, 0, 1, 1}
	z := func(x []float64) func(i, j int) float64 { return func(i, j int) float64 { return x[i] } }
	all := func(int) bool { return true }
	ids := []string{"x"}

	weighted := make([]Sample, len(xs))
	for i := range weighted {
		weighted[i] = Sample{Label: ys[i]}
	}
	weighted[3].Weight = 2
	w, err := fitOLS(weighted, z(xs), ids, []int{0}, all, func(i int) float64 { return ys[i] }, 1)
	if err != nil {
		t.Fatal(err)
	}

	dx, dy := append(slices.Clone(xs), xs[3]), append(slices.Clone(ys), ys[3])
	dup := make([]Sample, len(dx))
	d, err := fitOLS(dup, z(dx), ids, []int{0}, all, func(i int) float64 { return dy[i] }, 1)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := fitOLS(make([]Sample, len(xs)), z(xs), ids, []int{0}, all, func(i int) float64 { return ys[i] }, 1)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(w.coef[0]-d.coef[0]) > 1e-9 || math.Abs(w.intercept-d.intercept) > 1e-9 {
		t.Errorf("weight 2: coef %v intercept %v; duplicated: coef %v intercept %v", w.coef, w.intercept, d.coef, d.intercept)
	}
	if math.Abs(w.coef[0]-plain.coef[0]) < 1e-6 {
		t.Errorf("weight 2 fitted like weight 1: coef %v", w.coef)
	}
}

// A machine text with a Part is measured by a lexicon mined without its
// part: the stock phrases only its generator writes then count for nothing,
// as they would for a generator the shipped lexicon never saw, while the
// phrases every generator shares still count.
func TestCrossFitLexiconLeavesPartOut(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	// part a writes the first half of the stock sentences, part b the second.
	write := func(from int) string {
		var b strings.Builder
		for k := 0; k < 4; k++ {
			fmt.Fprintf(&b, machineSentences[from+rng.Intn(6)]+" ", topics[rng.Intn(len(topics))])
		}
		return b.String()
	}
	var samples []Sample
	for i := 0; i < 60; i++ {
		group := fmt.Sprintf("g%02d", i)
		samples = append(samples,
			Sample{Doc: features.NewDocumentString(personText(rng)), Label: 0, Group: group},
			Sample{Doc: features.NewDocumentString(write(0)), Label: 1, Group: group, Part: "a"},
			Sample{Doc: features.NewDocumentString(write(6)), Label: 1, Group: group, Part: "b"})
	}
	col := map[string]int{}
	for i, id := range features.IDs() {
		col[id] = i
	}
	fold := make([]int, len(samples))
	for i, s := range samples {
		fold[i] = foldOf(s.Group, 3)
	}
	llm := func(parts bool) (a, human float64) {
		ss := slices.Clone(samples)
		if !parts {
			for i := range ss {
				ss[i].Part = ""
			}
		}
		X := make([][]float64, len(ss))
		for i := range X {
			X[i] = make([]float64, len(col))
		}
		crossFitLexicon(ss, X, fold, trainOpts, col)
		var na, nh float64
		for i, s := range ss {
			v := X[i][col["template.llm-phrases"]]
			switch {
			case samples[i].Part == "a":
				a, na = a+v, na+1
			case s.Label == 0:
				human, nh = human+v, nh+1
			}
		}
		return a / na, human / nh
	}
	seenA, seenH := llm(false)
	unseenA, unseenH := llm(true)
	if seenA <= seenH {
		t.Fatalf("with its part mined, part a's stock phrases score %.1f, people %.1f: the lexicon does not see them", seenA, seenH)
	}
	if unseenA >= seenA/2 {
		t.Errorf("part a measured without its part: %.1f, with it %.1f; want far lower", unseenA, seenA)
	}
	if unseenH != seenH {
		t.Errorf("person-written texts scored %.2f with parts, %.2f without; they must not depend on parts", unseenH, seenH)
	}
}

// A person-written text just under a threshold must not show at it: with
// 100 texts, 1% may reach the flagged threshold, and the second highest,
// 96.36, shows as 96.4.
func TestThresholdsAsShown(t *testing.T) {
	human := make([]float64, 100)
	for i := range human {
		human[i] = 50 + float64(i)*0.1
	}
	human[98], human[99] = 96.36, 98.0
	th := thresholdsFor(human, make([]string, len(human)))
	shown := 0
	for _, h := range human {
		if math.Round(h*10)/10 >= th.Flagged {
			shown++
		}
	}
	if shown > 1 {
		t.Errorf("flagged threshold %.1f: %d of 100 person-written texts show at or above it, want at most 1", th.Flagged, shown)
	}
}
