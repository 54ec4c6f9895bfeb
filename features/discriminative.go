package features

import (
	_ "embed"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/chaff-dev/chaff/features/logistic"
)

// The discriminative lexicon: the weights of a logistic regression of
// machine against person-written articles on the root frequencies (see
// phraseValue) of their words and 2-4-grams, fitted by `chaff lexicon
// --discriminative` (see FitLexicon) and embedded here. The log-odds
// lexicon weighs each phrase on its own, so the many phrases that travel
// together ("in conclusion", "conclusion ,", "in conclusion ,") are counted
// once each; a regression shares their weight between them and leaves
// phrases that only echo a stronger one near zero. It is matched in one
// trie with the phrase lexicon (templateLexicon).
//
//go:embed discriminative.tsv
var discriminativeTSV []byte

// FitOptions control a discriminative lexicon's fit.
type FitOptions struct {
	// Mine gives the vocabulary: the stream, n-grams up to MaxN in at
	// least MinDocs of the fitted documents, minus Drop.
	Mine MineOptions
	// Lambda is the L2 penalty on the weights (the loss is the mean over
	// documents). On a group-disjoint fifth of train.jsonl the feature
	// alone did best at 1e-2, but whole models did better at 1e-3, most of
	// all on news rewritten by a chat model the fit never saw (GPT-4o held
	// out of every fit, against the news source's people: AUROC 0.788 at
	// 1e-2, 0.810 at 1e-3, on plain frequencies): a weaker penalty keeps
	// the many small weights of news prose. On root frequencies 1e-4 was
	// level with 1e-3 (0.798 against 0.797).
	Lambda float64
	// MinWords: shorter documents are not fitted, their frequencies are
	// too coarse to say anything.
	MinWords int
	// Keep is how many entries, heaviest first, are kept: on dev, the top
	// 20,000 of 231,225 weights lost 0.003 AUROC.
	Keep int
	// Iterations caps L-BFGS's iterations.
	Iterations int
	// DropWords are tokens that disqualify a phrase, beside Mine.Drop's
	// substrings: review of the fit's heaviest weights found them to be
	// marks of how the corpus was made.
	DropWords []string
}

// DefaultFitOptions are those the shipped discriminative lexicon was fitted
// with.
var DefaultFitOptions = FitOptions{Mine: DefaultMineOptions, Lambda: 1e-3, MinWords: 50, Keep: 30000, Iterations: 400,
	DropWords: []string{
		"br",                              // HTML line breaks left as text in person-written texts only
		"question", "answer", "yes", "no", // the medical subset's question-answer prompts and answers
	}}

// FitLexicon fits the discriminative lexicon of docs: L2-regularised
// logistic regression of machine use on each n-gram's phraseValue. A
// lexicon's RootPer100 is then the regression's linear score (without its
// intercept), so it drops into the catalogue as one feature.
func FitLexicon(docs []LabelledText, o FitOptions) []LexEntry {
	return CountPhrases(docs, o.Mine).Fit(docs, o, "")
}

// phraseValue is what the regression weighs of a phrase found c times in
// n tokens: the square root of its count per 100 tokens. A root, not the
// count itself: on frequencies, the fit leaned on the rates of a few common
// words and punctuation, which move with genre and topic; the root damps
// them against the many rarer phrases. With the phrase regression alone,
// GPT-4o's rewrites held out of the fit against the people whose articles
// they rewrote: AUROC 0.724 -> 0.760 at the same penalty.
func phraseValue(c, n int) float64 { return math.Sqrt(100 * float64(c) / float64(n)) }

// Fit fits the discriminative lexicon on the counted documents, docs being
// those they were counted from, without the machine texts of part when it
// is not empty (see Lexicon).
func (c *PhraseCounts) Fit(docs []LabelledText, o FitOptions, without string) []LexEntry {
	// the vocabulary: phrases in enough of the documents fitted
	pc := c.part[without]
	vocab := map[string]int32{}
	var phrases []string
	var counts [][2]int
	for k, phrase := range c.phrases {
		cm, ch := int(c.m[k]), int(c.h[k])
		if without != "" && k < len(pc) {
			cm -= int(pc[k])
		}
		if cm+ch < o.Mine.MinDocs || dropped(phrase, o.Mine.Drop) || hasToken(phrase, o.DropWords) {
			continue
		}
		vocab[phrase] = int32(len(phrases))
		phrases = append(phrases, phrase)
		counts = append(counts, [2]int{cm, ch})
	}

	var data []logistic.Sample
	var key []byte
	freq := map[int32]int{}
	for _, lt := range docs {
		if lt.Machine && without != "" && lt.Part == without || lt.Doc.Prose().WordCount < o.MinWords {
			continue
		}
		toks := o.Mine.Stream.Words(lt.Doc)
		clear(freq)
		for i := range toks {
			key = key[:0]
			for n := 1; n <= o.Mine.MaxN && i+n <= len(toks); n++ {
				if n > 1 {
					key = append(key, ' ')
				}
				key = append(key, toks[i+n-1]...)
				if id, ok := vocab[string(key)]; ok {
					freq[id]++
				}
			}
		}
		sd := logistic.Sample{IDs: make([]int32, 0, len(freq)), Y: lt.Machine}
		for id := range freq {
			sd.IDs = append(sd.IDs, id)
		}
		slices.Sort(sd.IDs)
		sd.Vals = make([]float32, len(sd.IDs))
		for j, id := range sd.IDs {
			sd.Vals[j] = float32(phraseValue(freq[id], len(toks)))
		}
		data = append(data, sd)
	}
	w, _ := logistic.Fit(data, len(phrases), o.Lambda, o.Iterations)

	order := make([]int, len(phrases))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool {
		wa, wb := math.Abs(w[order[a]]), math.Abs(w[order[b]])
		if wa != wb {
			return wa > wb
		}
		return phrases[order[a]] < phrases[order[b]]
	})
	if o.Keep > 0 && len(order) > o.Keep {
		order = order[:o.Keep]
	}
	out := make([]LexEntry, 0, len(order))
	for _, i := range order {
		if w[i] != 0 {
			out = append(out, LexEntry{Phrase: phrases[i], Weight: w[i], Machine: counts[i][0], Human: counts[i][1]})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Weight != out[j].Weight {
			return out[i].Weight > out[j].Weight
		}
		return out[i].Phrase < out[j].Phrase
	})
	return out
}

func init() {
	register(&Feature{
		ID:       "template.phrase-regression",
		Category: Template,
		Description: "How the wording as a whole leans: the score of a logistic regression of machine against person-written " +
			"articles on the root frequencies of their words and 2-4-grams (fitted, not counted: phrases that travel together share their weight)",
		Fires:     []string{exampleStockProse},
		Quiet:     []string{exampleNewsProse},
		FireAbove: 0,
		Sign:      1,
		Extract:   func(d *Document) Result { return lexiconScores(d).regression },
	})
}

// hasToken reports whether one of phrase's space-separated tokens is in
// words.
func hasToken(phrase string, words []string) bool {
	for _, t := range strings.Fields(phrase) {
		if slices.Contains(words, t) {
			return true
		}
	}
	return false
}
