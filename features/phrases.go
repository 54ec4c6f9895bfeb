package features

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// PhraseSet is a named list of phrases matched over a document's token
// stream. Every set in the package shares one token trie (an ngramIndex, as
// the mined lexicons use), so a document is scanned once for all phrase
// lists, whatever their number. Phrases are whole tokens, so a trie over
// token ids finds exactly what a byte-level Aho-Corasick automaton would
// (only its matches at token edges were kept) at a fraction of the cost:
// BenchmarkExtract's catalogue ran 21.9M instructions an operation with
// the automaton (petar-dambovaliev/aho-corasick, NFA) and 18.8M with the trie.
//
// Phrases are tokenised like documents: case, runs of white space and line
// breaks do not matter, and sentence punctuation is part of the phrase
// ("in closing ," matches "In closing," but not "in closing the door").
type PhraseSet struct {
	id      int
	Phrases []string // as given
	keys    []string // tokenised stream form
}

// PhraseMatch is one match of a set's phrase: tokens [First, End).
type PhraseMatch struct {
	Phrase               int // index into PhraseSet.Phrases
	FirstToken, EndToken int
	Span
}

type phraseMatch struct {
	set int
	PhraseMatch
}

type patternOwner struct{ set, phrase int }

var phraseRegistry struct {
	sync.Mutex
	sets   []*PhraseSet
	built  bool
	once   sync.Once
	index  ngramIndex
	owners [][]patternOwner // pattern index -> sets that hold it
}

// NewPhraseSet registers a phrase list. Call it at package initialisation:
// the shared index is built on first use and then frozen.
func NewPhraseSet(phrases []string) *PhraseSet {
	r := &phraseRegistry
	r.Lock()
	defer r.Unlock()
	if r.built {
		panic("features: NewPhraseSet after the phrase index was built")
	}
	ps := &PhraseSet{id: len(r.sets), Phrases: phrases, keys: make([]string, len(phrases))}
	for i, p := range phrases {
		ps.keys[i] = StreamKey(p)
	}
	r.sets = append(r.sets, ps)
	return ps
}

// StreamKey is the token-stream form of a phrase.
func StreamKey(phrase string) string {
	return NewDocumentString(phrase).stream
}

func buildPhraseIndex() {
	r := &phraseRegistry
	r.Lock()
	defer r.Unlock()
	r.built = true
	index := map[string]int{}
	var patterns []LexEntry
	for _, s := range r.sets {
		for pi, k := range s.keys {
			if k == "" {
				continue
			}
			i, ok := index[k]
			if !ok {
				i = len(patterns)
				index[k] = i
				patterns = append(patterns, LexEntry{Phrase: k})
				r.owners = append(r.owners, nil)
			}
			r.owners[i] = append(r.owners[i], patternOwner{s.id, pi})
		}
	}
	r.index.build(patterns)
}

// phraseMatches scans the stream once and caches every match of every set.
func (d *Document) phraseMatches() []phraseMatch {
	if d.matched {
		return d.matches
	}
	d.matched = true
	r := &phraseRegistry
	r.once.Do(buildPhraseIndex)
	r.index.each(d.streamWords, d.wordIDs(), func(i, n, pattern int) {
		first, last := int(d.streamIdx[i]), int(d.streamIdx[i+n-1])
		span := Span{d.Tokens[first].Start, d.Tokens[last].End}
		for _, o := range r.owners[pattern] {
			d.matches = append(d.matches, phraseMatch{o.set, PhraseMatch{Phrase: o.phrase, FirstToken: first, EndToken: last + 1, Span: span}})
		}
	})
	return d.matches
}

// Find returns the set's matches in d, in text order, overlaps included.
func (ps *PhraseSet) Find(d *Document) []PhraseMatch {
	var out []PhraseMatch
	for _, m := range d.phraseMatches() {
		if m.set == ps.id {
			out = append(out, m.PhraseMatch)
		}
	}
	sortMatches(out)
	return out
}

// FindLongest returns the set's matches with overlaps resolved: leftmost
// first, and the longest of those that start at the same token.
func (ps *PhraseSet) FindLongest(d *Document) []PhraseMatch {
	all := ps.Find(d)
	out := all[:0]
	next := 0
	for i, m := range all {
		if m.FirstToken < next {
			continue
		}
		// all is sorted by FirstToken, then longest first.
		if i > 0 && len(out) > 0 && out[len(out)-1].FirstToken == m.FirstToken {
			continue
		}
		out = append(out, m)
		next = m.EndToken
	}
	return out
}

func sortMatches(ms []PhraseMatch) {
	// insertion sort: match lists are short and nearly sorted already.
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && less(ms[j], ms[j-1]); j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

func less(a, b PhraseMatch) bool {
	if a.FirstToken != b.FirstToken {
		return a.FirstToken < b.FirstToken
	}
	if a.EndToken != b.EndToken {
		return a.EndToken > b.EndToken
	}
	return a.Phrase < b.Phrase
}

// LinePhrases matches a whole trimmed, lower-cased line against a set of
// exact lines (for widget labels such as "also read" that are residue only
// when they stand alone on their line).
type LinePhrases map[string]bool

// NewLinePhrases builds a LinePhrases from phrases, normalised like lines.
func NewLinePhrases(phrases ...string) LinePhrases {
	m := LinePhrases{}
	for _, p := range phrases {
		m[NormLine(p)] = true
	}
	return m
}

// Has reports whether line, normalised, is one of the phrases.
func (lp LinePhrases) Has(line string) bool {
	if len(line) > 80 {
		return false
	}
	return lp[NormLine(line)]
}

// NormLine lower-cases a line, folds runs of white space to one space and
// trims it and any trailing colon, so that "Also Read:" and "also read" meet.
func NormLine(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimRight(s, ":")
	return foldLine(s)
}

// acrossBreak reports whether match m runs over a break no sentence crosses:
// from a heading or a title line into the text below it, over a blank
// line, or from a line that does not run on into the next (runsOn). Hard
// evidence must not be pieced together from two blocks: a heading
// "Keywords Currently in Use" over "The following keywords are ..." is no
// instruction to "use the following keywords".
func (d *Document) acrossBreak(m PhraseMatch) bool {
	for k := m.FirstToken + 1; k < m.EndToken && k < len(d.Tokens); k++ {
		a, b := d.Tokens[k-1].Line, d.Tokens[k].Line
		if a == b {
			continue
		}
		if b > a+1 || d.IsHeading(a) || !d.runsOn(a) {
			return true
		}
		// a title line over its paragraph, which opens with a capital
		if r, _ := utf8.DecodeRuneInString(strings.TrimSpace(d.Lines[b].Text)); unicode.IsUpper(r) && isTitleLine(strings.TrimSpace(d.Lines[a].Text)) {
			return true
		}
	}
	return false
}
