package features

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// SEO features: keyword stuffing, a title's keywords repeated through the
// body, keyword-list lines, duplicated text, and words disguised against
// filters.

func init() {
	register(
		&Feature{
			ID:          "seo.keyword-stuffing",
			Category:    SEO,
			Description: "share of words taken by the most repeated content 2-4-gram",
			FireAbove:   seoStuffingFireAbove,
			Fires: []string{
				"Looking for the best running shoes? Our guide to the best running shoes covers every budget. " +
					"The best running shoes for beginners are light and cheap. Many runners buy the best running shoes online, " +
					"and we compared the best running shoes from six brands to help you choose.",
			},
			Quiet: []string{
				"The council approved the budget on Tuesday. Prime Minister Keir Adeyemi praised the vote, and Prime Minister " +
					"Keir Adeyemi later visited the town hall. A spokesman for Prime Minister Keir Adeyemi declined to comment on the cost of the plan.",
				"The company said profits rose. The company plans to hire staff, and the company will open two stores in the north of the county next spring, " +
					"according to a statement released on Monday by its head office in the city.",
			},
			Extract: seoKeywordStuffing,
		},
		&Feature{
			ID:          "seo.title-repetition",
			Category:    SEO,
			Description: "the title's content bigrams repeated in the body, per 100 words",
			FireAbove:   seoTitleFireAbove,
			Fires: []string{
				"How to Lose Weight Fast\n\n" +
					"Want to lose weight fast? You are not alone. Millions of people try to lose weight fast every year.\n\n" +
					"The simplest way to lose weight fast is to eat less and move more.\n\n" +
					"Experts agree that to lose weight fast you need a plan.\n\n" +
					"Follow these tips to lose weight fast and keep it off.",
			},
			Quiet: []string{
				"Heavy Rain Floods Roads Across Northern Scotland\n\n" +
					"Heavy rain caused flooding on several major roads on Monday, police said.\n\n" +
					"The A9 was closed near Dalwhinnie for three hours after a burn burst its banks, and drivers were told to avoid the area.\n\n" +
					"Forecasters said more rain was expected across northern Scotland on Tuesday, with up to 60mm falling on high ground.\n\n" +
					"\"We have had a month's rain in two days,\" said one farmer near Aviemore, who lost part of a fence to the water.",
				"Lose weight fast, they said.\nLose weight fast.\nLose weight fast.",
			},
			Extract: seoTitleRepetition,
		},
		&Feature{
			ID:          "seo.keyword-list",
			Category:    SEO,
			Description: "keyword-list lines (4+ short comma-separated items, no sentence) and runs of 3+ hashtags",
			Fires: []string{
				"The race was won in record time.\n\n#marathon #running #fitness",
				"Our guide covers every budget.\n\nIt took weeks to test them.\n\nWe ran in all of them.\n\nbest running shoes, running shoes for men, cheap running shoes, trail running shoes",
			},
			Quiet: []string{
				"The race was won in record time. #marathon",
				"LONDON, March 5, 2024\n\nThe race was won in record time.\n\nIt was cold, wet, windy and dark, and the runners were tired.\n\nThe winner, a teacher, thanked her family.",
				"The squad was named on Friday.\n\nIt includes four new players.\n\nThe coach said he was pleased.\n\nAlisson, Robertson, Van Dijk, Konate, Salah",
				"Try C# and F# for this task.",
			},
			Extract: seoKeywordList,
		},
		&Feature{
			ID:          "seo.duplicate-text",
			Category:    SEO,
			Description: "repeated sentences (6+ words) and repeated paragraphs",
			Fires: []string{
				"The best way to save money is to plan ahead. Start with a budget. The best way to save money is to plan ahead.",
				"Sign up today and get free delivery on every order.\n\nOur shoes last.\n\nSign up today and get free delivery on every order.",
			},
			Quiet: []string{
				"The best way to save money is to plan ahead. The best way to save time is to plan ahead.",
				"Read more.\n\nThe vote passed.\n\nRead more.",
			},
			Extract: seoDuplicateText,
		},
		&Feature{
			ID:          "seo.disguised-words",
			Category:    SEO,
			Suspect:     true,
			Description: "words disguised against filters and detectors: an invisible character inside a word (a zero-width space, U+200B), a lookalike letter of another alphabet among Latin ones (\"pаyment\" with a Cyrillic а), fullwidth or \"fancy font\" letters (𝐁𝐮𝐝𝐠𝐞𝐭); three or more make a text at least suspect",
			Fires: []string{
				"The ｃｏｕｎｃｉｌ ａｐｐｒｏｖｅｄ the ｂｕｄｇｅｔ on Tuesday.",
				"The council approved the bud\u200bget on Tues\u200bday after a long de\u200bbate.",
				"Тhе соuncil аpproved the budget on Tuesday after a long debate.", // Cyrillic Т, е, о, а
			},
			Quiet: []string{
				"The council approved the budget on Tuesday after a long debate.",
				"The word is Москва in Russian and Αθήνα is Athens in Greek.",
				"The long-awaited re\u00adnovation of the ex\u00adhibition hall began on Tuesday.", // soft hyphens: hyphenation hints
				"Тhе council approved the budget on Tuesday.",                                      // two slips of a bilingual keyboard
				"Levels of TNF-α, NF-κB and α-synuclein rose, as did ρ-values near 0.05 and τ-protein.",
				"The emoji 👩\u200d💻 stands for a woman at a laptop.",
			},
			Extract: seoDisguisedWords,
		},
	)
}

// seoDisguisedMin is how many disguised words make a text suspect: a
// bilingual writer's keyboard may slip a Cyrillic letter into a word or
// two; an obfuscating tool disguises dozens.
const seoDisguisedMin = 3

// seoDisguisedWords reports the words the tokeniser found disguised (see
// undisguise), the first 20 of them as findings.
func seoDisguisedWords(d *Document) Result {
	var fs []Finding
	n := 0
	for i := range d.Tokens {
		if t := &d.Tokens[i]; t.Disguised {
			if n++; len(fs) < 20 {
				fs = append(fs, d.Finding(t.Span, 1))
			}
		}
	}
	if n < seoDisguisedMin {
		return Result{}
	}
	return Result{Value: math.Log1p(float64(n)), Findings: fs}
}

// Findings of the two rate features come only with a value above these, so
// that a story that merely names its subject does not fire.
const (
	seoStuffingFireAbove = 0.03
	seoTitleFireAbove    = 2.0
)

// seoStopwords never start or end a keyword n-gram or a title bigram.
var seoStopwords = func() map[string]bool {
	m := make(map[string]bool, len(styleFunctionWords)+8)
	for w := range styleFunctionWords {
		m[w] = true
	}
	for _, w := range []string{"said", "says", "mr", "mrs", "ms", "dr"} {
		m[w] = true
	}
	return m
}()

// seoHash folds a word into an FNV-1a hash, with a separator after it.
func seoHash(h uint64, w string) uint64 {
	for i := 0; i < len(w); i++ {
		h ^= uint64(w[i])
		h *= 1099511628211
	}
	h ^= ' '
	h *= 1099511628211
	return h
}

const seoHashSeed uint64 = 14695981039346656037

func seoCapitalised(t *Token) bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsUpper(r)
}

type seoGram struct {
	count, capitalised int32
	first              int32 // token of the first occurrence
	n                  int8
}

// seoMinWords: rates per word divide by at least this many words, so that a
// short text does not blow a few repeats up into a high rate.
const seoMinWords = 100

// seoMix folds a word hash into an n-gram hash.
func seoMix(h, w uint64) uint64 { return (h ^ w) * 1099511628211 }

// seoWordHashes hashes every word token once; other tokens get 0, and the
// low bit marks stopwords.
func seoWordHashes(d *Document) []uint64 {
	_, flags := vocab()
	th := d.tokenHashes()
	wh := make([]uint64, len(d.Tokens))
	for w, id := range d.wordIDs() {
		i := d.streamIdx[w]
		if d.Tokens[i].Kind != Word {
			continue
		}
		h := th[i] &^ 1
		if flags[id]&seoStopword != 0 {
			h |= 1
		}
		wh[i] = h | 2 // never 0
	}
	return wh
}

// seoKeywordStuffing: n-grams are 2-4 adjacent word tokens (no punctuation
// or number between) whose first and last words are not stopwords; those
// written capitalised in most of their occurrences are names, not keywords.
// The top n-gram is the one with the largest count × n. An n-gram can only
// occur 3 times if its first two words do, so bigrams are counted first and
// longer n-grams only where their leading bigram repeats.
func seoKeywordStuffing(d *Document) Result {
	toks := d.Tokens
	wh := seoWordHashes(d)
	content := func(i int) bool { return i < len(wh) && wh[i] != 0 && wh[i]&1 == 0 }
	word := func(i int) bool { return i < len(wh) && wh[i] != 0 }
	// a sketch of bigram counts: colliding bigrams share a saturating
	// counter, which can only let more positions through to exact counting.
	size := 64
	for size < 2*d.WordCount {
		size <<= 1
	}
	sketch := make([]uint8, size)
	slot := func(h uint64) int { return int((h ^ h>>29) & uint64(size-1)) }
	for i := range toks {
		if content(i) && word(i+1) {
			if k := slot(seoMix(seoMix(0, wh[i]), wh[i+1])); sketch[k] < 3 {
				sketch[k]++
			}
		}
	}
	var counts map[uint64]seoGram
	for i := range toks {
		if !content(i) || !word(i+1) {
			continue
		}
		h := seoMix(seoMix(0, wh[i]), wh[i+1])
		if sketch[slot(h)] < 3 {
			continue
		}
		caps := seoCapitalised(&toks[i])
		for n := 2; n <= 4 && word(i+n-1); n++ {
			if n > 2 {
				h = seoMix(h, wh[i+n-1])
			}
			caps = caps && seoCapitalised(&toks[i+n-1])
			if !content(i + n - 1) {
				continue
			}
			if counts == nil {
				counts = make(map[uint64]seoGram)
			}
			g, seen := counts[h]
			if !seen {
				g = seoGram{first: int32(i), n: int8(n)}
			}
			g.count++
			if caps {
				g.capitalised++
			}
			counts[h] = g
		}
	}
	var best seoGram
	var bestKey uint64
	bestScore := 0
	for k, g := range counts {
		if g.count < 3 || 2*g.capitalised > g.count {
			continue
		}
		score := int(g.count) * int(g.n)
		if score > bestScore || score == bestScore && (g.n > best.n || g.n == best.n && g.first < best.first) {
			best, bestKey, bestScore = g, k, score
		}
	}
	if bestScore == 0 {
		return Result{}
	}
	r := Result{Value: float64(bestScore) / math.Max(float64(d.WordCount), seoMinWords)}
	if r.Value <= seoStuffingFireAbove {
		return r
	}
	n := int(best.n)
	for i := int(best.first); i+n <= len(toks); i++ {
		if wh[i] != wh[best.first] || !content(i+n-1) {
			continue
		}
		h, ok := uint64(0), true
		for k := i; k < i+n && ok; k++ {
			ok = word(k)
			h = seoMix(h, wh[k])
		}
		if ok && h == bestKey {
			r.Findings = append(r.Findings, d.Finding(Span{toks[i].Start, toks[i+n-1].End}, 1))
		}
	}
	return r
}

// seoTitleMinWords: the title-repetition rate divides by at least this many
// body words.
const seoTitleMinWords = 200

// seoTitleRepetition: the first non-blank line is a title when it has 2 to 15
// words and does not end with a period; its bigrams of two adjacent content
// words are looked for in the body. Overlapping hits ("lose weight fast"
// holds two bigrams) make one finding but count each.
func seoTitleRepetition(d *Document) Result {
	if len(d.Paragraphs) < structureMinParagraphs {
		return Result{}
	}
	li := -1
	for i, l := range d.Lines {
		if !l.Blank {
			li = i
			break
		}
	}
	if li < 0 || d.wrapped[li] || strings.HasSuffix(strings.TrimSpace(d.Lines[li].Text), ".") {
		return Result{}
	}
	toks := d.Tokens
	end, words := 0, 0
	for end < len(toks) && toks[end].Line == li {
		if toks[end].Kind == Word {
			words++
		}
		end++
	}
	if words < 2 || words > 15 {
		return Result{}
	}
	var pairs [16][2]string
	np := 0
	for k := 0; k+1 < end && np < len(pairs); k++ {
		a, b := &toks[k], &toks[k+1]
		if a.Kind == Word && b.Kind == Word && !seoStopwords[a.Lower] && !seoStopwords[b.Lower] {
			pairs[np] = [2]string{a.Lower, b.Lower}
			np++
		}
	}
	if np == 0 {
		return Result{}
	}
	var r Result
	hits, runFirst, runLast := 0, -1, -1
	flush := func() {
		if runFirst >= 0 {
			r.Findings = append(r.Findings, d.Finding(Span{toks[runFirst].Start, toks[runLast].End}, 1))
		}
	}
	for k := end; k+1 < len(toks); k++ {
		a, b := &toks[k], &toks[k+1]
		if a.Kind != Word || b.Kind != Word {
			continue
		}
		match := false
		for _, p := range pairs[:np] {
			if p[0] == a.Lower && p[1] == b.Lower {
				match = true
				break
			}
		}
		if !match {
			continue
		}
		hits++
		if runFirst >= 0 && k == runLast {
			runLast = k + 1
			continue
		}
		flush()
		runFirst, runLast = k, k+1
	}
	flush()
	r.Value = 100 * float64(hits) / math.Max(float64(d.WordCount-words), seoTitleMinWords)
	if r.Value <= seoTitleFireAbove {
		r.Findings = nil
	}
	return r
}

// seoClauseWords mark a line as a sentence rather than a list of keywords.
var seoClauseWords = styleWordSet(
	"is", "are", "was", "were", "be", "been", "has", "have", "had", "will",
	"would", "can", "could", "should", "said", "says", "i", "we", "he", "she",
	"they", "it", "you", "this", "that", "which", "who", "not", "do", "does",
	"did", "there", "and", "or",
)

func seoKeywordList(d *Document) Result {
	var r Result
	lists := len(d.Paragraphs) >= structureMinParagraphs
	toks := d.Tokens
	for a := 0; a < len(toks); {
		b := a
		for b < len(toks) && toks[b].Line == toks[a].Line {
			b++
		}
		if s, e, ok := seoHashtagRun(toks[a:b]); ok {
			r.Findings = append(r.Findings, d.Finding(Span{s, e}, 1))
		} else if lists && seoIsKeywordLine(toks[a:b]) {
			r.Findings = append(r.Findings, d.LineFinding(toks[a].Line, 1))
		}
		a = b
	}
	r.Value = math.Log1p(float64(len(r.Findings)))
	return r
}

// seoHashtagEnd returns the index past the hashtag at k ("#" glued to a
// word and whatever is glued after it), or -1.
func seoHashtagEnd(toks []Token, k int) int {
	if toks[k].Kind != Punct || toks[k].Text != "#" || k+1 >= len(toks) ||
		toks[k+1].Start != toks[k].End || toks[k+1].Kind == Punct {
		return -1
	}
	j := k + 2
	for j < len(toks) && toks[j].Start == toks[j-1].End && toks[j].Text != "#" && toks[j].Text != "," {
		j++
	}
	return j
}

// seoHashtagRun finds a run of 3 or more hashtags on one line's tokens,
// separated by nothing but space or commas, and returns its span.
func seoHashtagRun(toks []Token) (start, end int, ok bool) {
	for k := 0; k < len(toks); k++ {
		j := seoHashtagEnd(toks, k)
		if j < 0 {
			continue
		}
		n, last := 1, j
		for {
			for last < len(toks) && toks[last].Text == "," {
				last++
			}
			if last >= len(toks) {
				break
			}
			next := seoHashtagEnd(toks, last)
			if next < 0 {
				break
			}
			n++
			j, last = next, next
		}
		if n >= 3 {
			return toks[k].Start, toks[j-1].End, true
		}
		k = j - 1
	}
	return 0, 0, false
}

// seoIsKeywordLine: 4 or more comma-separated items of 1 to 4 words, no
// sentence punctuation, no word that makes a clause, at most one item with
// a number, and either mostly lower-case items or a word shared by two
// items ("running shoes, trail running shoes"), so that a line of names is
// not taken for keywords.
func seoIsKeywordLine(toks []Token) bool {
	var shared [48]struct {
		w    string
		item int
	}
	ns := 0
	items, lower, withNumber, size, words := 0, 0, 0, 0, 0
	hasShared, number := false, false
	closeItem := func() bool {
		if words == 0 || size > 4 {
			return false
		}
		items++
		return true
	}
	for k := range toks {
		t := &toks[k]
		switch t.Kind {
		case Punct:
			switch t.Text {
			case ".", "!", "?", ":", ";":
				return false
			case ",":
				if !closeItem() {
					return false
				}
				size, words, number = 0, 0, false
			}
			continue
		case Number:
			if !number {
				number = true
				withNumber++
			}
			size++
			if withNumber > 1 {
				return false
			}
			continue
		}
		if seoClauseWords[t.Lower] || items == 0 && size == 0 && t.Lower == "by" {
			return false
		}
		if size == 0 && words == 0 {
			if r, _ := utf8.DecodeRuneInString(t.Text); unicode.IsLower(r) {
				lower++
			}
		}
		size++
		words++
		if !seoStopwords[t.Lower] && !hasShared {
			for _, s := range shared[:ns] {
				if s.w == t.Lower && s.item != items {
					hasShared = true
				}
			}
			if ns < len(shared) {
				shared[ns].w, shared[ns].item = t.Lower, items
				ns++
			}
		}
	}
	if !closeItem() || items < 4 {
		return false
	}
	return 2*lower >= items || hasShared
}

func seoDuplicateText(d *Document) Result {
	var r Result
	toks, th := d.Tokens, d.tokenHashes()
	// hash every sentence once; a paragraph's hash is that of its sentences
	// (sentences never cross a line break). Punctuation and case do not
	// count.
	hashes := make([]uint64, len(d.Sentences))
	for i, s := range d.Sentences {
		h := seoHashSeed
		for k := s.FirstToken; k < s.EndToken; k++ {
			if toks[k].Kind != Punct {
				h = seoMix(h, th[k])
			}
		}
		hashes[i] = h
	}
	seen := make(map[uint64]struct{}, len(d.Sentences)+len(d.Paragraphs))
	var repeated []Span // repeated paragraphs, whose sentences are not counted again
	if len(d.Paragraphs) > 1 {
		si := 0
		for _, p := range d.Paragraphs {
			h, words := seoHashSeed^0x9e3779b97f4a7c15, 0
			for ; si < len(d.Sentences) && toks[d.Sentences[si].FirstToken].Line < p.EndLine; si++ {
				h = seoMix(h, hashes[si])
				words += d.Sentences[si].Words
			}
			if words < 6 {
				continue
			}
			if _, dup := seen[h]; dup {
				r.Findings = append(r.Findings, d.LineFinding(p.FirstLine, 1))
				repeated = append(repeated, p.Span)
			} else {
				seen[h] = struct{}{}
			}
		}
	}
	rp := 0
	for i, s := range d.Sentences {
		if s.Words < 6 {
			continue
		}
		if _, dup := seen[hashes[i]]; !dup {
			seen[hashes[i]] = struct{}{}
			continue
		}
		for rp < len(repeated) && repeated[rp].End <= s.Start {
			rp++
		}
		if rp < len(repeated) && repeated[rp].Start <= s.Start {
			continue
		}
		r.Findings = append(r.Findings, d.Finding(s.Span, 1))
	}
	structureSortFindings(r.Findings)
	r.Value = math.Log1p(float64(len(r.Findings)))
	return r
}

// tokenHashes returns each token's hash, worked out once a document: a
// word the vocabulary knows hashes its id (so a common misspelling is its
// word here too), another word its stream form, a number its text;
// punctuation is 0. The SEO rules and the moving type-token ratio all tell
// words apart by it. The top bit keeps the two kinds of hash apart.
func (d *Document) tokenHashes() []uint64 {
	if d.hashes == nil {
		h := uint64Pool.get(len(d.Tokens))[:len(d.Tokens)]
		clear(h)
		for w, id := range d.wordIDs() {
			if i := d.streamIdx[w]; id != 0 && d.Tokens[i].Kind == Word {
				h[i] = seoMix(seoHashSeed, uint64(id)) | 1<<63
			}
		}
		for i := range d.Tokens {
			switch t := &d.Tokens[i]; {
			case h[i] != 0, t.Kind == Punct:
			case t.Kind == Word:
				h[i] = seoHash(seoHashSeed, t.Lower) &^ (1 << 63)
			default: // a number
				h[i] = seoHash(seoHashSeed, t.Text) &^ (1 << 63)
			}
		}
		d.hashes = h
	}
	return d.hashes
}
