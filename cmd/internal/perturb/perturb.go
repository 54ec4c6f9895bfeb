// Package perturb rewrites a text the way tools rewrite machine text to slip
// past detectors (the attacks of robustness benchmarks such as RAID):
// invisible characters inside words, lookalike letters, "fancy font"
// letters, common misspellings, swapped case, deleted articles; or the way
// careless scraping leaves it: mojibake, unrendered character references.
// `chaff eval
// --perturb` applies one to the machine-written texts of a labelled set, to
// measure how far a score carries. Each rewrite is deterministic: the same
// text and kind give the same result.
package perturb

import (
	"fmt"
	"hash/fnv"
	"math/rand"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/golangci/misspell"
	"golang.org/x/text/encoding/charmap"
)

// Kind is one perturbation.
type Kind struct {
	Name        string
	Description string
	apply       func(text string, rng *rand.Rand) string
}

// Kinds lists the perturbations by name.
var Kinds = []Kind{
	{"zero-width", "a zero-width space inside half the words of four letters or more", zeroWidth},
	{"homoglyph", "30% of the letters a, c, e, i, o, p, x as their Cyrillic lookalikes", homoglyph},
	{"fancy", "a fifth of the words in mathematical bold letters", fancy},
	{"misspell", "80% of the words that golangci/misspell's list of common misspellings knows, misspelled", misspellWords},
	{"case", "the case of one letter in ten swapped", swapCase},
	{"articles", "half the articles (a, an, the) deleted", deleteArticles},
	{"mojibake", "typographic apostrophes and quotation marks, and the text then read as Windows-1252 (don’t as donâ€™t), as a scraper that guessed the encoding wrong leaves it", mojibake},
	{"entities", "apostrophes, quotation marks and ampersands as HTML character references (don&#39;t), as a page's text copied unrendered", entities},
}

// Lookup returns the kind of that name.
func Lookup(name string) (Kind, error) {
	var names []string
	for _, k := range Kinds {
		if k.Name == name {
			return k, nil
		}
		names = append(names, k.Name)
	}
	return Kind{}, fmt.Errorf("unknown perturbation %q (known: %s)", name, strings.Join(names, ", "))
}

// Apply rewrites text; the random choices are seeded by the text itself.
func (k Kind) Apply(text string) string {
	h := fnv.New64a()
	h.Write([]byte(k.Name))
	h.Write([]byte(text))
	return k.apply(text, rand.New(rand.NewSource(int64(h.Sum64()))))
}

var word = regexp.MustCompile(`[A-Za-z]+`)

func zeroWidth(text string, rng *rand.Rand) string {
	return word.ReplaceAllStringFunc(text, func(w string) string {
		if len(w) < 4 || rng.Float64() >= 0.5 {
			return w
		}
		k := 1 + rng.Intn(len(w)-1)
		return w[:k] + "\u200b" + w[k:]
	})
}

var cyrillic = map[rune]rune{'a': 'а', 'c': 'с', 'e': 'е', 'i': 'і', 'o': 'о', 'p': 'р', 'x': 'х'}

func homoglyph(text string, rng *rand.Rand) string {
	return strings.Map(func(r rune) rune {
		if c, ok := cyrillic[r]; ok && rng.Float64() < 0.3 {
			return c
		}
		return r
	}, text)
}

func fancy(text string, rng *rand.Rand) string {
	return word.ReplaceAllStringFunc(text, func(w string) string {
		if rng.Float64() >= 0.2 {
			return w
		}
		return strings.Map(func(r rune) rune {
			switch {
			case r >= 'a' && r <= 'z':
				return 0x1D41A + r - 'a' // MATHEMATICAL BOLD SMALL A
			case r >= 'A' && r <= 'Z':
				return 0x1D400 + r - 'A'
			}
			return r
		}, w)
	})
}

// misspellings maps a word to one of its common misspellings (the first of
// its sorted candidates, so the choice is stable). Built on first use: every
// chaff command imports this package, few misspell.
var misspellings = sync.OnceValue(func() map[string]string {
	all := map[string][]string{}
	for i := 0; i+1 < len(misspell.DictMain); i += 2 {
		wrong, right := misspell.DictMain[i], misspell.DictMain[i+1]
		if !strings.ContainsRune(wrong, ' ') && !strings.ContainsRune(right, ' ') {
			all[right] = append(all[right], wrong)
		}
	}
	m := make(map[string]string, len(all))
	for right, wrongs := range all {
		sort.Strings(wrongs)
		m[right] = wrongs[0]
	}
	return m
})

func misspellWords(text string, rng *rand.Rand) string {
	return word.ReplaceAllStringFunc(text, func(w string) string {
		wrong, ok := misspellings()[strings.ToLower(w)]
		if !ok || rng.Float64() >= 0.8 {
			return w
		}
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			return strings.ToUpper(wrong[:1]) + wrong[1:]
		}
		return wrong
	})
}

func swapCase(text string, rng *rand.Rand) string {
	return strings.Map(func(r rune) rune {
		if r < utf8.RuneSelf && unicode.IsLetter(r) && rng.Float64() < 0.1 {
			if unicode.IsUpper(r) {
				return unicode.ToLower(r)
			}
			return unicode.ToUpper(r)
		}
		return r
	}, text)
}

var article = regexp.MustCompile(`\b(?:[Tt]he|[Aa]n?) `)

func deleteArticles(text string, rng *rand.Rand) string {
	return article.ReplaceAllStringFunc(text, func(a string) string {
		if rng.Float64() < 0.5 {
			return ""
		}
		return a
	})
}

var straightQuote = regexp.MustCompile(`"([^"\n]*)"`)

// typographic sets apostrophes and quotation marks as a publishing system
// does: ’ for ', “ and ” around a quotation.
func typographic(text string) string {
	return strings.ReplaceAll(straightQuote.ReplaceAllString(text, "“$1”"), "'", "’")
}

func mojibake(text string, _ *rand.Rand) string {
	out, err := charmap.Windows1252.NewDecoder().String(typographic(text))
	if err != nil {
		return text // Windows-1252 decodes every byte
	}
	return out
}

var references = strings.NewReplacer("&", "&amp;", "'", "&#39;", "\"", "&quot;")

func entities(text string, _ *rand.Rand) string { return references.Replace(text) }
