package features

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestDisguisedWordsReadAsTheyLook(t *testing.T) {
	cases := []struct {
		text, lower string
		disguised   bool
	}{
		{"exa\u200bmple", "example", true},
		{"Ex\u200dam\u2060ple", "example", true},
		{"p\u0430yment", "payment", true}, // Cyrillic а
		{"\u0422h\u0435", "the", true},    // Cyrillic Т and е
		{"ｃｏｕｎｃｉｌ", "council", true},      // fullwidth
		{"re\u00adnovation", "renovation", false},
		{"Москва", "Москва", false},
		{"Αθήνα", "Αθήνα", false},
		{"café", "café", false},
		{"𝐁𝐮𝐝𝐠𝐞𝐭", "budget", true},       // mathematical bold
		{"ﬁnancial", "financial", false}, // a PDF's ligature
		{"NF-κB", "nf-κb", false},        // a Greek symbol, not a lookalike
		{"Example", "example", false},
	}
	for _, c := range cases {
		d := NewDocumentString(c.text)
		if len(d.Tokens) != 1 {
			t.Errorf("%q: %d tokens, want one word", c.text, len(d.Tokens))
			continue
		}
		tok := d.Tokens[0]
		if tok.Lower != c.lower || tok.Disguised != c.disguised || tok.Text != c.text {
			t.Errorf("%q: Lower %q Disguised %v Text %q, want %q %v and the text as written", c.text, tok.Lower, tok.Disguised, tok.Text, c.lower, c.disguised)
		}
	}
}

var disguiseSet = NewPhraseSet([]string{"intricate web of"})

// A disguised phrase still matches, and its finding shows the text as
// written, at its place.
func TestDisguisedPhraseMatchesWhereWritten(t *testing.T) {
	d := NewDocumentString("It underscores the \u0456ntricate w\u200beb of diplomacy.")
	ms := disguiseSet.Find(d)
	if len(ms) != 1 {
		t.Fatalf("%d matches, want 1", len(ms))
	}
	f := d.Finding(ms[0].Span, 1)
	if f.Match != "\u0456ntricate w\u200beb of" || f.Column != 20 {
		t.Errorf("finding %q at column %d, want the disguised words at column 20", f.Match, f.Column)
	}
}

// Invisible characters between words are white space, not punctuation.
func TestInvisibleBetweenWords(t *testing.T) {
	d := NewDocumentString("The council\u200b approved \ufeffit.")
	var words []string
	for _, tok := range d.Tokens {
		words = append(words, tok.Lower)
	}
	if got := len(words); got != 5 || words[1] != "council" || words[3] != "it" {
		t.Errorf("tokens %q, want the, council, approved, it, .", words)
	}
}

// A common misspelling reads as the word it misspells: the same vocabulary
// id, so every trie and word list sees the word; its text stays as written.
func TestMisspellingsReadAsTheirWord(t *testing.T) {
	ids, _ := vocab()
	for _, c := range [][2]string{{"teh", "the"}, {"becuase", "because"}, {"wich", "which"}, {"adn", "and"}} {
		wrong, right := ids[c[0]], ids[c[1]]
		if right == 0 || wrong != right {
			t.Errorf("%q has id %d, %q %d: want the same, known id", c[0], wrong, c[1], right)
		}
	}
	plain := NewDocumentString("It underscores the intricate web of diplomacy, and the talks went on.")
	typo := NewDocumentString("It underscores teh intricate web of diplomacy, adn teh talks went on.")
	if a, b := lexiconScores(plain).machine.Value, lexiconScores(typo).machine.Value; a != b {
		t.Errorf("template score %v with misspellings, %v without: want the same", b, a)
	}
	if got := typo.Tokens[2].Lower; got != "teh" {
		t.Errorf("stream form %q, want the text as written", got)
	}
}

// Text copied from a page as it was encoded, with mojibake or unrendered
// character references, reads as the text a reader sees: the same words,
// and a finding after the repaired characters at its column as written.
func TestEncodedTextReadAsMeant(t *testing.T) {
	const clean = "It’s “fair”, she said: the café’s £5 menu & the intricate web of deals."
	want := NewDocumentString(clean).streamWords
	for _, text := range []string{
		"Itâ€™s â€œfairâ€\u009d, she said: the cafÃ©â€™s Â£5 menu & the intricate web of deals.",
		"It&rsquo;s &ldquo;fair&rdquo;, she said: the caf&eacute;&#8217;s &pound;5 menu &amp; the intricate web of deals.",
	} {
		d := NewDocumentString(text)
		if got := d.streamWords; strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%q reads as\n%q, want\n%q", text, got, want)
		}
		ms := disguiseSet.Find(d)
		if len(ms) != 1 {
			t.Fatalf("%q: %d matches, want 1", text, len(ms))
		}
		f := d.Finding(ms[0].Span, 1)
		if col := utf8.RuneCountInString(text[:strings.Index(text, "intricate")]) + 1; f.Column != col {
			t.Errorf("%q: finding at column %d, want %d", text, f.Column, col)
		}
	}
}
