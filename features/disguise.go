package features

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Machine text is disguised against detectors and spam filters by writing
// characters a reader does not see, or sees as Latin letters, into its
// words: a zero-width space inside "exa​mple", a Cyrillic "а" in
// "pаyment". Both break a word into pieces or into another word, so no
// phrase of a lexicon matches it any more. The tokeniser keeps such a word
// whole and reads it as it looks (undisguise), and the word is marked, as a
// person's text rarely has one.

// isInvisible tells format characters that draw nothing: zero-width space,
// joiners, word joiner, the byte-order mark inside a text, a soft hyphen,
// direction marks.
func isInvisible(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u200e', '\u200f', '\u180e', '\u2061', '\u2062', '\u2063', '\u2064':
		return true
	}
	return false
}

// lookalikes are letters of other alphabets drawn like a Latin one, as
// homoglyph attacks use them (Cyrillic, Armenian, Greek), each read as the
// lower-case Latin letter; fullwidth Latin is read in undisguise.
var lookalikes = map[rune]byte{
	// Cyrillic
	'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'у': 'y', 'х': 'x', 'і': 'i', 'ј': 'j', 'ѕ': 's',
	'һ': 'h', 'ԁ': 'd', 'ԛ': 'q', 'ԝ': 'w', 'ӏ': 'l', 'ү': 'y', 'ɡ': 'g',
	'А': 'a', 'В': 'b', 'Е': 'e', 'К': 'k', 'М': 'm', 'Н': 'h', 'О': 'o', 'Р': 'p', 'С': 'c', 'Т': 't',
	'Х': 'x', 'У': 'y', 'І': 'i', 'Ј': 'j', 'Ѕ': 's', 'Ԁ': 'd', 'Ԛ': 'q', 'Ԝ': 'w', 'Ӏ': 'l',
	// Armenian
	'ս': 'u', 'օ': 'o', 'հ': 'h', 'ո': 'n',
	// Greek: of the small letters only omicron, as science writes the
	// others as symbols beside Latin ones ("TNF-α", "NF-κB")
	'ο': 'o',
	'Α': 'a', 'Β': 'b', 'Ε': 'e', 'Ζ': 'z', 'Η': 'h', 'Ι': 'i', 'Κ': 'k', 'Μ': 'm', 'Ν': 'n', 'Ο': 'o',
	'Ρ': 'p', 'Τ': 't', 'Υ': 'y', 'Χ': 'x',
}

// undisguise returns the stream form of a Latin word (one with a Latin
// letter of its own) that holds invisible or lookalike characters, as the
// phrase matcher should read it: invisible characters dropped, lookalikes
// read as Latin. disguised tells whether the word was written to mislead;
// a soft hyphen alone, a hyphenation hint, is dropped but not held against
// the word. It returns "" for any other word, whose stream form the
// tokeniser makes as usual.
func undisguise(word string) (lower string, disguised bool) {
	latin, hidden, plain, foreign := false, false, false, false
	for _, r := range word {
		switch {
		case r < utf8.RuneSelf:
			latin = latin || 'a' <= r|0x20 && r|0x20 <= 'z'
		case r == '\u00ad' || isLigature(r):
			plain = true // a hyphenation hint; a ligature, as PDFs keep "ﬁ"
		case isInvisible(r):
			hidden = true
		case isStyledLatin(r):
			latin, foreign = true, true // Latin drawn wide or in a "font"
		default:
			if _, ok := lookalikes[r]; ok {
				foreign = true
			}
		}
	}
	if !(hidden || plain || foreign) || !latin {
		// a Persian or Hindi word keeps its joiners, a Russian word its
		// letters: neither is read as Latin
		return "", false
	}
	var b strings.Builder
	b.Grow(len(word))
	for _, r := range word {
		switch {
		case isInvisible(r):
		case r >= 'A' && r <= 'Z':
			b.WriteByte(byte(r) + 'a' - 'A')
		case r == '’':
			b.WriteByte('\'')
		case isStyledLatin(r) || isLigature(r):
			// compatibility decomposition gives the plain letters
			for _, c := range []byte(norm.NFKC.String(string(r))) {
				if c >= 'A' && c <= 'Z' {
					c += 'a' - 'A'
				}
				b.WriteByte(c)
			}
		default:
			if c, ok := lookalikes[r]; ok && latin {
				b.WriteByte(c)
			} else {
				b.WriteRune(r) // as the tokeniser keeps any other letter
			}
		}
	}
	return b.String(), hidden || foreign
}

// isStyledLatin tells Latin letters in another code block: the fullwidth
// forms and the mathematical alphanumerics that "fancy text" generators
// use (𝐁𝐢𝐠 𝐒𝐚𝐥𝐞). Their compatibility decomposition is the letter.
func isStyledLatin(r rune) bool {
	return r >= 'Ａ' && r <= 'Ｚ' || r >= 'ａ' && r <= 'ｚ' || r >= 0x1D400 && r <= 0x1D6A3
}

// isLigature tells the Latin ligatures ﬀ to ﬆ.
func isLigature(r rune) bool { return r >= 0xFB00 && r <= 0xFB06 }
