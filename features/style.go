package features

import (
	"math"
	"sort"
	"strings"
	"unicode/utf8"
)

// Style features are statistics of sentences and words. None of them reads
// line or paragraph breaks: sentence statistics use only sentences that end
// with . ! ? or … (a heading, list item or dateline that ends at a line break
// is layout, not prose), so a text that lost its breaks measures the same.
// Every value is a rate or a mean, never a raw count, so that it does not
// drift with the length of the document.

func init() {
	register(
		&Feature{
			ID:          "style.sentence-length-mean",
			Category:    Style,
			Description: "mean words per sentence",
			FireAbove:   30,
			Fires: []string{
				"The committee, which had met on three separate occasions over the winter without reaching any agreement on the budget, finally voted late on Tuesday evening to approve the plan that its chair had first put forward in the autumn. Members who had opposed the measure from the start said they would continue to raise their concerns at every public meeting until the next election was held in the spring.",
			},
			Quiet: []string{
				"The vote came late. Members argued for an hour. In the end the plan passed by six votes to four, and the chair thanked everyone for their patience.",
				"Council Budget Passes After Long Night\nThe vote came late on Tuesday. Members argued for an hour before the plan passed.",
			},
			Extract: styleSentenceLengthMean,
		},
		&Feature{
			ID:          "style.sentence-length-spread",
			Category:    Style,
			Description: "burstiness: coefficient of variation of sentence lengths",
			FireAbove:   0.8,
			Fires: []string{
				"No. That was the whole answer, and for a long moment nobody in the packed hall, not the reporters nor the families who had driven in from the coast, quite knew what to do with it. Then he left. Silence.",
			},
			Quiet: []string{
				"The new policy aims to improve access to care. It also seeks to reduce waiting times for patients. Officials expect the changes to take effect next year. Critics argue that the funding may not be sufficient.",
				"Short. Very short.",
			},
			Extract: styleSentenceLengthSpread,
		},
		&Feature{
			ID:          "style.mattr",
			Category:    Style,
			Description: "moving-average type-token ratio over 50-word windows",
			FireAbove:   0.8,
			Fires: []string{
				"Urban planners across several continents increasingly favour compact neighbourhoods where residents walk to shops, schools, clinics and parks. Such designs reduce car dependence, lower household transport costs, improve public health outcomes, strengthen local businesses, and foster stronger community ties. Critics, however, warn that rising land values might displace longtime tenants unless municipalities protect affordable housing through deliberate zoning reforms.",
			},
			Quiet: []string{
				"We went to the shop and then we went to the park and then we went home. At home we had tea and then we had cake and then we went to bed. In the morning we went to the shop again and then we went to the park again and then we went home again and had tea.",
				"A short note of fewer than fifty words has no window at all.",
			},
			Extract: styleMATTR,
		},
		&Feature{
			ID:          "style.em-dash-rate",
			Category:    Style,
			Description: "em dashes (and spaced en dashes) per 100 words",
			Fires: []string{
				"The results were clear — and surprising.",
				"The plan – long delayed – finally passed.",
			},
			Quiet: []string{
				"The 2019-2020 season was long-delayed, and the 10–12 May dates were moved.",
			},
			Extract: styleEmDashRate,
		},
		&Feature{
			ID:          "style.curly-quote-rate",
			Category:    Style,
			Description: "curly quotation marks per 100 words",
			Fires: []string{
				"“We are ready,” she said.",
				"He called it ‘a fair result’ on the night.",
			},
			Quiet: []string{
				"\"We are ready,\" she said. It’s the players’ union that won’t budge, and the ’90s are long gone.",
			},
			Extract: styleCurlyQuoteRate,
		},
		&Feature{
			ID:          "style.function-word-rate",
			Category:    Style,
			Description: "share of words that are function words",
			FireAbove:   0.55,
			Fires: []string{
				"It was not that he had to do it, but that he had been told to by them, and so he did it as well as he could.",
			},
			Quiet: []string{
				"Regional manufacturers reported stronger quarterly exports, driven largely by robust demand for electric vehicle components across European markets.",
			},
			Extract: styleFunctionWordRate,
		},
		&Feature{
			ID:          "style.hedges",
			Category:    Style,
			Description: "hedges (may, might, perhaps, arguably, seems to ...) per 100 words",
			Fires: []string{
				"The change could potentially reshape the market.",
				"It is possible that the rules will change, and prices may rise.",
				"This is arguably the best result so far.",
			},
			Quiet: []string{
				"Theresa May met officials in May to discuss the plan, which passed.",
				"The mayor said the road will reopen on Friday.",
			},
			Extract: styleHedges,
		},
		&Feature{
			ID:          "style.intensifiers",
			Category:    Style,
			Description: "stock intensifiers and evaluative words (crucial, pivotal, vibrant ...) per 100 words",
			Fires: []string{
				"This pivotal moment marks a truly remarkable shift.",
				"The city boasts a vibrant arts scene.",
			},
			Quiet: []string{
				"The bridge reopened on Monday after repairs costing £2m, the council said.",
			},
			Extract: styleIntensifiers,
		},
		&Feature{
			ID:          "style.connectives",
			Category:    Style,
			Description: "sentence-initial connectives (Moreover, Furthermore, Additionally ...) per sentence",
			Fires: []string{
				"Prices rose. Moreover, wages fell.",
				"The plan was approved. \"Additionally, we will hire staff,\" she said.",
			},
			Quiet: []string{
				"Prices rose. Wages, moreover, fell. However the figures are read, the trend is clear.",
			},
			Extract: styleConnectives,
		},
		&Feature{
			ID:          "style.quote-rate",
			Category:    Style,
			Description: "quotation marks per sentence",
			Fires: []string{
				"\"It was a long night,\" the mayor said.",
				"“We will appeal,” said Ms Ortiz.",
			},
			Quiet: []string{
				"The mayor said it had been a long night. It's the council's budget that matters.",
			},
			Extract: styleQuoteRate,
		},
		&Feature{
			ID:          "style.number-rate",
			Category:    Style,
			Description: "number tokens per 100 words",
			Fires: []string{
				"The team won 3-1 on 12 March in front of 41,000 fans.",
			},
			Quiet: []string{
				"The team won comfortably in front of a full stadium.",
			},
			Extract: styleNumberRate,
		},
		&Feature{
			ID:          "style.word-length",
			Category:    Style,
			Description: "mean characters per word",
			FireAbove:   5,
			Fires: []string{
				"Comprehensive stakeholder engagement facilitates sustainable organisational transformation.",
			},
			Quiet: []string{
				"He said the dog ran off when the gate was left open.",
			},
			Extract: styleWordLength,
		},
		&Feature{
			ID:          "style.comma-rate",
			Category:    Style,
			Description: "commas per sentence",
			FireAbove:   1.5,
			Fires: []string{
				"In the end, after much debate, the plan, which had been delayed, passed.",
			},
			Quiet: []string{
				"The plan passed. It had been delayed for months, the mayor said.",
				"apples, pears, plums, figs, cherries\nThe market opened at nine.",
			},
			Extract: styleCommaRate,
		},
		&Feature{
			ID:          "style.pronoun-first-person",
			Category:    Style,
			Description: "first-person pronouns (I, me, my, we, our) per 100 words",
			Fires: []string{
				"I think we did our best, my coach told me.",
				"I'm sure we've seen worse.",
			},
			Quiet: []string{
				"The coach said the team had done its best.",
			},
			Extract: stylePronounFirstPerson,
		},
		&Feature{
			ID:          "style.contractions",
			Category:    Style,
			Description: "contractions (don't, it's, we're, they'll ...) per 100 words",
			Fires: []string{
				"It's late and we don't know why they've gone.",
				"She’ll be there, and that’s that.",
			},
			Quiet: []string{
				"The club's owner said the players' wages would rise. It is late and we do not know why.",
			},
			Extract: styleContractions,
		},
	)
}

// styleFunctionWords are English function words: articles, pronouns,
// prepositions, conjunctions, auxiliaries, determiners and the commonest
// particles and adverbs. The SEO features use them as stopwords too.
var styleFunctionWords = styleWordSet(
	"a", "an", "the", "this", "that", "these", "those",
	"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves",
	"you", "your", "yours", "yourself", "he", "him", "his", "himself",
	"she", "her", "hers", "herself", "it", "its", "itself",
	"they", "them", "their", "theirs", "themselves",
	"who", "whom", "whose", "which", "what", "whatever", "whoever",
	"where", "when", "why", "how", "whether",
	"and", "or", "but", "nor", "so", "yet", "if", "then", "than", "because",
	"although", "though", "while", "whereas", "unless", "until", "since", "as",
	"after", "before", "once", "of", "in", "on", "at", "to", "for", "from",
	"by", "with", "without", "within", "about", "above", "below", "over",
	"under", "between", "among", "through", "during", "into", "onto", "upon",
	"across", "against", "along", "around", "behind", "beyond", "despite",
	"except", "near", "off", "out", "up", "down", "toward", "towards", "via",
	"per", "be", "am", "is", "are", "was", "were", "been", "being",
	"have", "has", "had", "having", "do", "does", "did", "doing",
	"will", "would", "shall", "should", "can", "could", "may", "might", "must",
	"not", "no", "all", "any", "both", "each", "either", "neither", "every",
	"few", "many", "much", "more", "most", "other", "another", "some", "such",
	"several", "own", "same", "there", "here", "just", "only", "also", "very",
	"too", "again", "ever", "never", "still", "even", "now",
	"don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't",
	"can't", "won't", "it's", "i'm", "that's", "there's",
)

func styleWordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

var styleHedgePhrases = NewPhraseSet([]string{
	"may", "might", "could potentially", "perhaps", "it is possible that",
	"arguably", "somewhat", "to some extent", "seems to", "seem to",
	"appears to", "appear to", "likely",
})

var styleIntensifierPhrases = NewPhraseSet([]string{
	"significantly", "crucial", "pivotal", "vital", "profound", "remarkable",
	"deeply", "incredibly", "truly", "notably", "undeniably", "vibrant",
	"seamless", "robust", "paramount",
})

// styleConnectivePhrases count only at the start of a sentence.
var styleConnectivePhrases = NewPhraseSet([]string{
	"moreover ,", "furthermore ,", "additionally ,", "however ,",
	"consequently ,", "notably ,", "meanwhile ,", "in addition ,",
	"as a result ,", "nevertheless ,",
})

// styleIsProse reports whether a sentence ends with terminal punctuation,
// closing quotes and brackets aside.
func styleIsProse(d *Document, s Sentence) bool {
	for k := s.EndToken - 1; k >= s.FirstToken; k-- {
		t := &d.Tokens[k]
		if t.Kind != Punct {
			return false
		}
		switch t.Text {
		case ".", "!", "?", "…":
			return true
		case "\"", "'", "”", "’", ")", "]":
			continue
		}
		return false
	}
	return false
}

// styleProseOnly tells whether sentence statistics should keep only prose
// sentences: yes, unless the text has none (then every sentence counts).
func styleProseOnly(d *Document) bool {
	for _, s := range d.Sentences {
		if styleIsProse(d, s) {
			return true
		}
	}
	return false
}

// styleAtSentenceStart reports whether token tok opens a sentence, leading
// quotes, brackets, dashes and bullets aside.
func styleAtSentenceStart(d *Document, tok int) bool {
	i := sort.Search(len(d.Sentences), func(i int) bool { return d.Sentences[i].EndToken > tok })
	if i == len(d.Sentences) || d.Sentences[i].FirstToken > tok {
		return false
	}
	for k := d.Sentences[i].FirstToken; k < tok; k++ {
		t := &d.Tokens[k]
		if t.Kind != Punct || strings.Contains(",.;:!?", t.Text) {
			return false
		}
	}
	return true
}

// styleMeanCV returns the mean and coefficient of variation (population
// standard deviation over mean) of a running sum and sum of squares.
func styleMeanCV(n, sum, sumSq float64) (mean, cv float64) {
	if n == 0 {
		return 0, 0
	}
	mean = sum / n
	if mean == 0 {
		return 0, 0
	}
	v := sumSq/n - mean*mean
	if v < 0 {
		v = 0
	}
	return mean, math.Sqrt(v) / mean
}

// styleSentenceLengths returns the count, sum and sum of squares of the
// word counts of the sentences that statistics use.
func styleSentenceLengths(d *Document) (n, sum, sumSq float64) {
	prose := styleProseOnly(d)
	for _, s := range d.Sentences {
		if prose && !styleIsProse(d, s) {
			continue
		}
		w := float64(s.Words)
		n++
		sum += w
		sumSq += w * w
	}
	return
}

func styleSentenceLengthMean(d *Document) Result {
	n, sum, _ := styleSentenceLengths(d)
	return Result{Value: per(sum, n)}
}

func styleSentenceLengthSpread(d *Document) Result {
	n, sum, sumSq := styleSentenceLengths(d)
	if n < 3 {
		return Result{}
	}
	_, cv := styleMeanCV(n, sum, sumSq)
	return Result{Value: cv}
}

const styleMATTRWindow = 50

func styleMATTR(d *Document) Result {
	if d.WordCount < styleMATTRWindow {
		return Result{}
	}
	// words are numbered by type (keyed by a 64-bit hash, in the tries'
	// open-addressing table, which is several times faster than a map
	// here); counts[id] is the type's count in the window, ring the ids of
	// the words in it.
	ids := mattrTables.get(d.WordCount)
	defer mattrTables.put(ids)
	counts := int32Pool.get(d.WordCount / 4)
	defer func() { int32Pool.put(counts) }()
	var ring [styleMATTRWindow]int32
	n, types, total, windows := 0, 0, 0, 0
	th := d.tokenHashes()
	for i := range d.Tokens {
		if d.Tokens[i].Kind != Word {
			continue
		}
		id := ids.put(th[i], int32(len(counts))+1) - 1 // the table keeps 0 for empty
		if int(id) == len(counts) {
			counts = append(counts, 0)
		}
		slot := n % styleMATTRWindow
		if n >= styleMATTRWindow {
			old := ring[slot]
			if counts[old]--; counts[old] == 0 {
				types--
			}
		}
		ring[slot] = id
		if counts[id]++; counts[id] == 1 {
			types++
		}
		n++
		if n >= styleMATTRWindow {
			total += types
			windows++
		}
	}
	return Result{Value: per(float64(total), float64(windows*styleMATTRWindow))}
}

// styleRate is n per 100 words.
func styleRate(n int, d *Document) float64 { return per(100*float64(n), float64(d.WordCount)) }

func styleEmDashRate(d *Document) Result {
	var r Result
	for i := range d.Tokens {
		t := &d.Tokens[i]
		if t.Kind != Punct {
			continue
		}
		if t.Text == "—" || (t.Text == "–" && t.Start > 0 && d.Text[t.Start-1] == ' ' && t.End < len(d.Text) && d.Text[t.End] == ' ') {
			r.Findings = append(r.Findings, d.Finding(t.Span, 1))
		}
	}
	r.Value = styleRate(len(r.Findings), d)
	return r
}

// styleQuotes counts quotation marks, straight and curly. A single quote
// counts only as an opening quote before a word or as the close of one
// opened earlier on the line, so apostrophes ("players’", "’90s") do not.
func styleQuotes(d *Document) (straight, curly int) {
	openStraight, openCurly, line := 0, 0, -1
	for i := range d.Tokens {
		t := &d.Tokens[i]
		if t.Line != line {
			openStraight, openCurly, line = 0, 0, t.Line
		}
		if t.Kind != Punct {
			continue
		}
		switch t.Text {
		case "\"":
			straight++
		case "“", "”":
			curly++
		case "‘":
			if !styleBeforeNumber(d, i) {
				curly++
				openCurly++
			}
		case "’":
			if openCurly > 0 {
				curly++
				openCurly--
			}
		case "'":
			if styleOpensQuote(d, i) {
				straight++
				openStraight++
			} else if openStraight > 0 {
				straight++
				openStraight--
			}
		}
	}
	return
}

func styleBeforeNumber(d *Document, i int) bool {
	return i+1 < len(d.Tokens) && d.Tokens[i+1].Start == d.Tokens[i].End && d.Tokens[i+1].Kind == Number
}

// styleOpensQuote: a straight single quote with no word right before it and
// a word right after it.
func styleOpensQuote(d *Document, i int) bool {
	t := &d.Tokens[i]
	if i+1 >= len(d.Tokens) || d.Tokens[i+1].Start != t.End || d.Tokens[i+1].Kind != Word {
		return false
	}
	if t.Start > 0 {
		r, _ := utf8.DecodeLastRuneInString(d.Text[:t.Start])
		if isWordRune(r) {
			return false
		}
	}
	return true
}

func styleCurlyQuoteRate(d *Document) Result {
	_, curly := styleQuotes(d)
	return Result{Value: styleRate(curly, d)}
}

func styleFunctionWordRate(d *Document) Result {
	_, flags := vocab()
	fw := 0
	for _, id := range d.wordIDs() {
		if flags[id]&functionWord != 0 { // only words carry it
			fw++
		}
	}
	return Result{Value: per(float64(fw), float64(d.WordCount))}
}

func styleHedges(d *Document) Result {
	var r Result
	for _, m := range styleHedgePhrases.FindLongest(d) {
		// "May" with a capital is the month or a name, not a hedge.
		if t := d.Tokens[m.FirstToken]; t.Lower == "may" && t.Text != "may" {
			continue
		}
		r.Findings = append(r.Findings, d.Finding(m.Span, 1))
	}
	r.Value = styleRate(len(r.Findings), d)
	return r
}

func styleIntensifiers(d *Document) Result {
	var r Result
	for _, m := range styleIntensifierPhrases.FindLongest(d) {
		r.Findings = append(r.Findings, d.Finding(m.Span, 1))
	}
	r.Value = styleRate(len(r.Findings), d)
	return r
}

// styleSentenceCount is the number of sentences that per-sentence rates
// divide by.
func styleSentenceCount(d *Document) int {
	prose := styleProseOnly(d)
	n := 0
	for _, s := range d.Sentences {
		if !prose || styleIsProse(d, s) {
			n++
		}
	}
	return n
}

func styleConnectives(d *Document) Result {
	var r Result
	for _, m := range styleConnectivePhrases.FindLongest(d) {
		if styleAtSentenceStart(d, m.FirstToken) {
			r.Findings = append(r.Findings, d.Finding(m.Span, 1))
		}
	}
	r.Value = per(float64(len(r.Findings)), float64(styleSentenceCount(d)))
	return r
}

func styleQuoteRate(d *Document) Result {
	straight, curly := styleQuotes(d)
	return Result{Value: per(float64(straight+curly), float64(styleSentenceCount(d)))}
}

func styleNumberRate(d *Document) Result {
	n := 0
	for i := range d.Tokens {
		if d.Tokens[i].Kind == Number {
			n++
		}
	}
	return Result{Value: styleRate(n, d)}
}

func styleWordLength(d *Document) Result {
	chars := 0
	for i := range d.Tokens {
		if t := &d.Tokens[i]; t.Kind == Word {
			chars += utf8.RuneCountInString(t.Text)
		}
	}
	return Result{Value: per(float64(chars), float64(d.WordCount))}
}

func styleCommaRate(d *Document) Result {
	prose := styleProseOnly(d)
	n, commas := 0, 0
	for _, s := range d.Sentences {
		if prose && !styleIsProse(d, s) {
			continue
		}
		n++
		for k := s.FirstToken; k < s.EndToken; k++ {
			if t := &d.Tokens[k]; t.Kind == Punct && t.Text == "," {
				commas++
			}
		}
	}
	return Result{Value: per(float64(commas), float64(n))}
}

// styleIsFirstPerson: I, me, my, we, our.
func styleIsFirstPerson(w string) bool {
	switch w {
	case "i", "me", "my", "we", "our":
		return true
	}
	return false
}

func stylePronounFirstPerson(d *Document) Result {
	n := 0
	for i := range d.Tokens {
		t := &d.Tokens[i]
		if t.Kind != Word {
			continue
		}
		w := t.Lower
		if len(w) > 6 || w[0] != 'i' && w[0] != 'm' && w[0] != 'w' && w[0] != 'o' {
			continue
		}
		if k := strings.IndexByte(w, '\''); k > 0 {
			w = w[:k] // I'm, we've, I'd
		}
		if styleIsFirstPerson(w) {
			n++
		}
	}
	return Result{Value: styleRate(n, d)}
}

// styleApostropheS are the words whose 's is "is" or "has" (or "us"), not a
// possessive.
var styleApostropheS = styleWordSet("it", "he", "she", "that", "what", "there", "here", "who", "where", "how", "let", "when", "why")

// styleIsContraction reports whether a lower-cased word is a contraction.
func styleIsContraction(w string) bool {
	k := strings.LastIndexByte(w, '\'')
	if k <= 0 {
		return false
	}
	switch w[k:] {
	case "'t":
		return strings.HasSuffix(w, "n't")
	case "'re", "'ll", "'ve", "'d", "'m":
		return true
	case "'s":
		return styleApostropheS[w[:k]]
	}
	return false
}

func styleContractions(d *Document) Result {
	n := 0
	for i := range d.Tokens {
		if t := &d.Tokens[i]; t.Kind == Word && styleIsContraction(t.Lower) {
			n++
		}
	}
	return Result{Value: styleRate(n, d)}
}
