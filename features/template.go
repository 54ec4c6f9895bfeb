package features

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// The template lexicon: words and 2-4-grams with the smoothed log-odds of
// their use in machine versus person-written articles, mined from labelled
// data by `chaff lexicon` (see MineLexicon) and embedded here.
//
//go:embed lexicon.tsv
var lexiconTSV []byte

// LexEntry is one mined phrase, in token-stream form ("in addition ,").
type LexEntry struct {
	Phrase string
	Weight float64 // log-odds: > 0 leans machine, < 0 leans person
	// Machine and Human are the documents of each class that used it.
	Machine, Human int
}

// Lexicon is a weighted phrase list with its own index, so that a lexicon
// mined on one fold of data can score another (cross-fitting). Its phrases
// are n-grams of whole stream tokens, so it is matched by a trie over token
// ids (see ngramIndex): one pass, and a 38,000-entry list loaded at every
// start builds in milliseconds.
type Lexicon struct {
	Entries []LexEntry
	index   ngramIndex
	// weights are the entries' weights, packed: the scan adds one for
	// every match, and a 40-byte entry per read wastes the cache.
	weights []float64
	// counts is a pool of per-entry tables for rootSum.
	counts sync.Pool
}

// NewLexicon indexes entries.
func NewLexicon(entries []LexEntry) *Lexicon {
	lx := &Lexicon{Entries: entries, weights: make([]float64, len(entries))}
	for i, e := range entries {
		lx.weights[i] = e.Weight
	}
	lx.index.build(entries)
	return lx
}

// ReadLexicon parses the TSV form: phrase, weight, machine docs, human docs.
// The phrases are substrings of one copy of the input, so loading the
// embedded lexicons at start-up costs one allocation, not one per line.
func ReadLexicon(r io.Reader) (*Lexicon, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	entries, err := readEntries(string(data))
	if err != nil {
		return nil, err
	}
	return NewLexicon(entries), nil
}

// readEntries parses the TSV form's entries.
func readEntries(text string) ([]LexEntry, error) {
	entries := make([]LexEntry, 0, strings.Count(text, "\n")+1)
	for n := 1; text != ""; n++ {
		var line string
		line, text, _ = strings.Cut(text, "\n")
		line = strings.TrimSuffix(line, "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		phrase, rest, ok1 := strings.Cut(line, "\t")
		weight, rest, ok2 := strings.Cut(rest, "\t")
		machine, human, ok3 := strings.Cut(rest, "\t")
		if !ok1 || !ok2 || !ok3 || strings.Contains(human, "\t") {
			return nil, fmt.Errorf("lexicon line %d: want 4 tab-separated fields, got %d", n, strings.Count(line, "\t")+1)
		}
		w, err1 := strconv.ParseFloat(weight, 64)
		m, err2 := strconv.Atoi(machine)
		h, err3 := strconv.Atoi(human)
		if err1 != nil || err2 != nil || err3 != nil {
			return nil, fmt.Errorf("lexicon line %d: bad number", n)
		}
		entries = append(entries, LexEntry{Phrase: phrase, Weight: w, Machine: m, Human: h})
	}
	return entries, nil
}

// WriteLexicon writes the TSV form with a header that says how it was made.
func WriteLexicon(w io.Writer, entries []LexEntry, header []string) error {
	return writeLexicon(w, entries, header, "log-odds", 4)
}

// WriteFittedLexicon writes a discriminative lexicon (FitLexicon): its
// weights are small (a median of 0.006) and keep six decimals.
func WriteFittedLexicon(w io.Writer, entries []LexEntry, header []string) error {
	return writeLexicon(w, entries, header, "weight", 6)
}

func writeLexicon(w io.Writer, entries []LexEntry, header []string, column string, decimals int) error {
	bw := bufio.NewWriter(w)
	for _, h := range header {
		fmt.Fprintf(bw, "# %s\n", h)
	}
	fmt.Fprintf(bw, "# phrase\t%s\tmachine-docs\thuman-docs\n", column)
	for _, e := range entries {
		fmt.Fprintf(bw, "%s\t%.*f\t%d\t%d\n", e.Phrase, decimals, e.Weight, e.Machine, e.Human)
	}
	return bw.Flush()
}

// LexMatch is one lexicon phrase found in a document.
type LexMatch struct {
	Entry int
	Span
}

// Match finds the lexicon's phrases in d: whole tokens, overlaps resolved
// leftmost-longest so that "the intricate web of" is not also counted as
// "intricate web".
func (lx *Lexicon) Match(d *Document) []LexMatch { return lx.longest(d, lx.scan(d)) }

// lexCand is one whole-token match: tokens [first, end) and its entry.
type lexCand struct{ first, end, entry int }

// scan finds every whole-token match of the lexicon in d's stream, overlaps
// included, in one pass.
func (lx *Lexicon) scan(d *Document) []lexCand {
	cands, _ := lx.scanSplit(d, len(lx.Entries))
	return cands
}

// scanSplit is scan for the entries before split; the matches of those
// from split on are only counted, into RootPer100's value.
func (lx *Lexicon) scanSplit(d *Document, split int) (cands []lexCand, rest float64) {
	// about one match a token in news prose: one allocation, not a run of
	// doublings
	cands = candPool.get(len(d.streamWords))
	// and, when there is a split, about as many of the discriminative
	// lexicon's (0.94 a token in the example articles)
	var tail []int32
	if split < len(lx.Entries) {
		tail = int32Pool.get(len(d.streamWords))
		defer func() { int32Pool.put(tail) }()
	}
	lx.index.each(d.streamWords, d.wordIDs(), func(i, n, entry int) {
		if entry >= split {
			tail = append(tail, int32(entry))
			return
		}
		cands = append(cands, lexCand{int(d.streamIdx[i]), int(d.streamIdx[i+n-1]) + 1, entry})
	})
	return cands, lx.rootSum(tail, len(d.streamWords))
}

// longest resolves overlaps leftmost-longest. scan lists candidates by
// first token, then by length, so the longest of those starting at a token
// is the last of its run.
func (lx *Lexicon) longest(d *Document, cands []lexCand) []LexMatch {
	var out []LexMatch
	next := 0
	for k, c := range cands {
		if c.first < next || k+1 < len(cands) && cands[k+1].first == c.first {
			continue
		}
		// a finding starts at its first word: ". additionally ," points at
		// "additionally ,", not at the previous sentence's full stop.
		start := c.first
		for start < c.end-1 && d.Tokens[start].Kind == Punct {
			start++
		}
		out = append(out, LexMatch{Entry: c.entry, Span: Span{d.Tokens[start].Start, d.Tokens[c.end-1].End}})
		next = c.end
	}
	return out
}

// MatchAll returns the entry of every match in d's token stream, overlaps
// included.
func (lx *Lexicon) MatchAll(d *Document) []int {
	var out []int
	lx.index.each(d.streamWords, d.wordIDs(), func(_, _, entry int) { out = append(out, entry) })
	return out
}

// NetPer100 is the signed sum of the weights of every match in a token
// stream per 100 tokens: above 0 leans machine, below 0 leans person.
func (lx *Lexicon) NetPer100(words []string) float64 { return lx.netPer100(words, nil) }

// netPer100 is NetPer100 with the words' vocabulary ids, or nil.
func (lx *Lexicon) netPer100(words []string, ids []int32) float64 {
	sum := 0.0
	lx.index.each(words, ids, func(_, _, entry int) { sum += lx.weights[entry] })
	return 100 * per(sum, float64(len(words)))
}

// RootPer100 is the sum over the entries found in a token stream of each
// one's weight times the square root of its count per 100 tokens: the
// linear score of a discriminative lexicon (see FitLexicon).
func (lx *Lexicon) RootPer100(words []string) float64 {
	var found []int32
	lx.index.each(words, nil, func(_, _, entry int) { found = append(found, int32(entry)) })
	return lx.rootSum(found, len(words))
}

// rootSum is RootPer100 of the entries found in a stream of n tokens,
// each listed once per match. It counts them in a pooled table as long as
// the lexicon, where sorting them cost a tenth of the lexicon scan.
func (lx *Lexicon) rootSum(found []int32, n int) float64 {
	if n == 0 || len(found) == 0 {
		return 0
	}
	table, _ := lx.counts.Get().(*[]int32)
	if table == nil {
		t := make([]int32, len(lx.Entries))
		table = &t
	}
	counts := *table
	for _, e := range found {
		counts[e]++
	}
	sum := 0.0
	for _, e := range found {
		if c := counts[e]; c > 0 {
			sum += lx.weights[e] * phraseValue(int(c), n)
			counts[e] = 0
		}
	}
	lx.counts.Put(table)
	return sum
}

// A phrase is reported as a finding when it leans machine by at least
// findingWeight and rests on at least findingDocs documents: weaker or rarer
// entries still count in the value, but listing every mildly machine-leaning
// word would bury the evidence that matters.
const (
	findingWeight = 1.5
	findingDocs   = 40
)

// Scores returns the machine-leaning and person-leaning weight per 100
// words, summed over every match (overlaps included, as a naive Bayes sum
// would), with a finding for each strongly machine-leaning phrase.
func (lx *Lexicon) Scores(d *Document) (machine, human Result) { return lx.scores(d, lx.scan(d)) }

// scores is Scores over the candidates of a scan.
func (lx *Lexicon) scores(d *Document, all []lexCand) (machine, human Result) {
	for _, c := range all {
		if w := lx.weights[c.entry]; w > 0 {
			machine.Value += w
		} else {
			human.Value -= w
		}
	}
	for _, m := range lx.longest(d, all) {
		if e := lx.Entries[m.Entry]; e.Weight >= findingWeight && (e.Machine+e.Human >= findingDocs || e.Machine == 0 && e.Human == 0) {
			f := d.Finding(m.Span, e.Weight)
			f.Share = 100 * per(e.Weight, float64(d.WordCount))
			machine.Findings = append(machine.Findings, f)
		}
	}
	words := float64(d.WordCount)
	machine.Value = 100 * per(machine.Value, words)
	human.Value = 100 * per(human.Value, words)
	return machine, human
}

// templateLexicon holds the phrase lexicon's entries (lexiconTSV), then
// the discriminative lexicon's (discriminativeTSV), in one trie: both read
// the same stream, and one walk over it finds the matches of both (the
// walk, a trie probe a word, is most of a lexicon's cost). Entry i <
// phraseEntries is the phrase lexicon's entry i.
var templateLexicon, phraseEntries = func() (*Lexicon, int) {
	phrases, err := readEntries(string(lexiconTSV))
	if err != nil {
		panic("features: embedded lexicon: " + err.Error())
	}
	fitted, err := readEntries(string(discriminativeTSV))
	if err != nil {
		panic("features: embedded discriminative lexicon: " + err.Error())
	}
	return NewLexicon(append(phrases, fitted...)), len(phrases)
}()

// Cached per document so the three features of the embedded lexicons share
// one scan.
type lexScores struct{ machine, human, regression Result }

func lexiconScores(d *Document) lexScores {
	if d.lex == nil {
		phrases, sum := templateLexicon.scanSplit(d, phraseEntries)
		m, h := templateLexicon.scores(d, phrases)
		candPool.put(phrases)
		r := Result{Value: sum}
		if d.house != nil {
			hm, hh := d.house.Scores(d)
			m.Value += hm.Value
			m.Findings = append(m.Findings, hm.Findings...)
			h.Value += hh.Value
		}
		d.lex = &lexScores{m, h, r}
	}
	return *d.lex
}

// AddPhrases adds a house lexicon (an editor's own phrases with weights,
// from the configuration) to what the template features count in d. Call
// it before any feature runs.
func (d *Document) AddPhrases(lx *Lexicon) {
	d.house = lx
	d.lex = nil
	if d.prose != nil && d.prose != d {
		d.prose.AddPhrases(lx)
	}
}

// HouseLexicon builds a lexicon from phrases written as people write them
// ("In today's fast-paced world") with their weights.
func HouseLexicon(phrases map[string]float64) *Lexicon {
	var entries []LexEntry
	for p, w := range phrases {
		if k := StreamKey(p); k != "" {
			entries = append(entries, LexEntry{Phrase: k, Weight: w})
		}
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Phrase < entries[j].Phrase })
	return NewLexicon(entries)
}

func init() {
	register(
		&Feature{
			ID:          "template.llm-phrases",
			Category:    Template,
			Description: "Stock LLM phrasing: weight per 100 words of mined phrases that machine-written articles use more than people",
			Fires: []string{
				"The decision underscores the growing tensions and highlights the pivotal role of stakeholders in navigating the complexities of the evolving landscape.",
				"Moreover, the initiative aims to foster collaboration, ensuring that the community remains resilient amid ongoing challenges.",
			},
			Quiet: []string{
				"The bus left at six. Nobody on it said a word until Leeds, when the driver put the radio on.",
				"\"I told him twice,\" she said. \"He didn't listen.\"",
			},
			FireAbove: 40,
			Sign:      1,
			Extract:   func(d *Document) Result { return lexiconScores(d).machine },
		},
		&Feature{
			ID:          "template.human-phrases",
			Category:    Template,
			Description: "Phrasing people use more than models: mined person-leaning weight per 100 words (lowers the score)",
			Fires: []string{
				"\"I told him twice,\" she said. \"He didn't listen.\" Police said a man, 34, was arrested on Tuesday.",
			},
			Quiet: []string{
				"The initiative underscores a pivotal commitment to fostering innovation and resilience.",
			},
			FireAbove: 45,
			Sign:      -1,
			Extract:   func(d *Document) Result { return lexiconScores(d).human },
		},
	)
}

// LabelledText is a document for mining: its text and whether a machine
// wrote it.
type LabelledText struct {
	Doc     *Document
	Machine bool
	// Part names the share of the machine texts (their generator, say)
	// that a lexicon can be mined without (PhraseCounts.Lexicon); empty
	// for none.
	Part string
}

// MinedStream tells which token stream a lexicon is mined from and matched
// against.
type MinedStream int

const (
	// Phrases: the lower-cased words and sentence punctuation of the prose.
	Phrases MinedStream = iota
	// Shapes: the same with content words masked (see ShapeStream).
	Shapes
)

// Words returns the tokens of the stream of d's prose that s names.
func (s MinedStream) Words(d *Document) []string {
	if s == Shapes {
		return d.Prose().ShapeWords()
	}
	return d.Prose().streamWords
}

// MineOptions control lexicon mining.
type MineOptions struct {
	MinDocs  int     // a phrase must occur in at least this many documents
	MinZ     float64 // and be at least this many standard errors from even
	Prior    float64 // add-prior smoothing of the document counts
	MaxEach  int     // keep at most this many entries per direction
	MaxN     int     // longest n-gram
	MaxAbsLO float64 // clip of the log-odds weight
	// Drop lists substrings that disqualify a phrase: review found them to
	// be marks of how the corpus was made, not of style.
	Drop []string
	// Stream is what is mined: phrases, or sentence shapes.
	Stream MinedStream
}

// DefaultMineOptions are those the shipped lexicon was mined with.
var DefaultMineOptions = MineOptions{MinDocs: 5, MinZ: 1.5, Prior: 1, MaxEach: 30000, MaxN: 4, MaxAbsLO: 3,
	Drop: []string{
		"image copyright", "caption", "copyright", // picture credits the corpus stripped from person-written news only
		"answer :", "? answer", // question-answer format of the medical subset's prompts
		"bbc", // the person-written side is one broadcaster's news
	}}

// ShapeMineOptions are those the shipped sentence-shape lexicon was mined
// with: n-grams up to 5 (a shape says little in two tokens), in at least 20
// documents.
var ShapeMineOptions = MineOptions{MinDocs: 20, MinZ: 1.5, Prior: 1, MaxEach: 30000, MaxN: 5, MaxAbsLO: 3, Stream: Shapes}

// MineLexicon computes, for every 1-4-gram of the token stream, the
// smoothed log-odds that a document using it is machine-written rather than
// person-written, counting documents (not occurrences) so that one verbose
// article cannot make a phrase. Phrases that are only numbers or
// punctuation are skipped.
func MineLexicon(docs []LabelledText, o MineOptions) []LexEntry {
	return CountPhrases(docs, o).Lexicon(o, "")
}

// PhraseCounts are the document counts a lexicon is mined from, kept per
// part of the machine texts so that lexicons without one part cost one
// counting pass between them.
type PhraseCounts struct {
	phrases []string
	m, h    []int32            // documents using each phrase: machine, person
	part    map[string][]int32 // machine documents of each part using each phrase
	nm, nh  int
	nPart   map[string]int
}

// CountPhrases counts, for every n-gram of the token stream that o mines,
// the machine and person-written documents using it.
func CountPhrases(docs []LabelledText, o MineOptions) *PhraseCounts {
	c := &PhraseCounts{part: map[string][]int32{}, nPart: map[string]int{}}
	index := map[string]int32{}
	seen := map[int32]bool{}
	for _, lt := range docs {
		var pc []int32
		if lt.Machine {
			c.nm++
			if lt.Part != "" {
				c.nPart[lt.Part]++
				pc = c.part[lt.Part]
			}
		} else {
			c.nh++
		}
		clear(seen)
		toks := o.Stream.Words(lt.Doc)
		for i := range toks {
			for n := 1; n <= o.MaxN && i+n <= len(toks); n++ {
				g := toks[i : i+n]
				if !hasWord(g) {
					continue
				}
				key := strings.Join(g, " ")
				k, ok := index[key]
				if !ok {
					k = int32(len(c.phrases))
					index[key] = k
					c.phrases = append(c.phrases, key)
					c.m = append(c.m, 0)
					c.h = append(c.h, 0)
				}
				if seen[k] {
					continue
				}
				seen[k] = true
				if !lt.Machine {
					c.h[k]++
					continue
				}
				c.m[k]++
				if lt.Part != "" {
					if int(k) >= len(pc) {
						pc = append(pc, make([]int32, int(k)+1-len(pc))...)
					}
					pc[k]++
				}
			}
		}
		if lt.Machine && lt.Part != "" {
			c.part[lt.Part] = pc
		}
	}
	return c
}

// Lexicon mines the lexicon of the counted documents (see MineLexicon),
// without the machine texts of part when it is not empty: how the lexicon
// would look had that generator never been seen.
func (c *PhraseCounts) Lexicon(o MineOptions, without string) []LexEntry {
	type scored struct {
		LexEntry
		z float64
	}
	var pos, neg []scored
	a := o.Prior
	nm, nh := c.nm-c.nPart[without], c.nh
	pc := c.part[without]
	for k, phrase := range c.phrases {
		cm, ch := int(c.m[k]), int(c.h[k])
		if without != "" && k < len(pc) {
			cm -= int(pc[k])
		}
		if cm+ch < o.MinDocs || dropped(phrase, o.Drop) {
			continue
		}
		m, h := float64(cm), float64(ch)
		lo := math.Log((m+a)/(float64(nm)-m+a)) - math.Log((h+a)/(float64(nh)-h+a))
		se := math.Sqrt(1/(m+a) + 1/(float64(nm)-m+a) + 1/(h+a) + 1/(float64(nh)-h+a))
		z := lo / se
		if math.Abs(z) < o.MinZ {
			continue
		}
		lo = math.Max(-o.MaxAbsLO, math.Min(o.MaxAbsLO, lo))
		e := scored{LexEntry{Phrase: phrase, Weight: lo, Machine: cm, Human: ch}, z}
		if lo > 0 {
			pos = append(pos, e)
		} else {
			neg = append(neg, e)
		}
	}
	byZ := func(s []scored) {
		sort.Slice(s, func(i, j int) bool {
			if math.Abs(s[i].z) != math.Abs(s[j].z) {
				return math.Abs(s[i].z) > math.Abs(s[j].z)
			}
			return s[i].Phrase < s[j].Phrase
		})
	}
	byZ(pos)
	byZ(neg)
	if len(pos) > o.MaxEach {
		pos = pos[:o.MaxEach]
	}
	if len(neg) > o.MaxEach {
		neg = neg[:o.MaxEach]
	}
	out := make([]LexEntry, 0, len(pos)+len(neg))
	for _, s := range append(pos, neg...) {
		out = append(out, s.LexEntry)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Weight != out[j].Weight {
			return out[i].Weight > out[j].Weight
		}
		return out[i].Phrase < out[j].Phrase
	})
	return out
}

func hasWord(toks []string) bool {
	for _, t := range toks {
		if t != "#" && !strings.Contains(",.;:!?", t) {
			return true
		}
	}
	return false
}

func dropped(phrase string, drop []string) bool {
	for _, d := range drop {
		if strings.Contains(phrase, d) {
			return true
		}
	}
	return false
}
