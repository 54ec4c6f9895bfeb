package features

import (
	"bytes"
	"html"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Text copied out of web pages often keeps how it was encoded: character
// references a page never rendered ("don&#39;t", "M&amp;A") and mojibake,
// UTF-8 read back as Windows-1252 by a scraper that guessed the encoding
// wrong ("donâ€™t", "Â£5"). Both break words and sentences apart where a
// reader sees none, so no phrase of a lexicon matches there and a
// contraction reads as junk: chaff reads such text as it was meant.

// Encoded reports whether src may hold a character reference or mojibake,
// so that Decode is worth running: an "&", or the UTF-8 lead byte of the
// letters (Â to ô) that begin every mojibake sequence.
func Encoded(src []byte) bool {
	return bytes.IndexByte(src, '&') >= 0 || bytes.IndexByte(src, 0xC3) >= 0
}

// Decode writes raw to out as a reader sees it: each character reference
// ("&amp;", "&#8217;") decoded, and each mojibake sequence read back as the
// character it was (text read wrong twice, "Ã¢â‚¬â„¢", is read back
// twice). The characters saved are written as spaces at the next white
// space (or the text's end), not inside the word, so "it&rsquo;s" stays one
// word and the words after it keep their column.
func Decode(out *bytes.Buffer, raw []byte) {
	start := out.Len()
	if decode(out, raw, true) {
		// the second reading reads mojibake only: a reference that the
		// first decoded stays as it reads ("&amp;lt;" is "&lt;")
		again := bytes.Clone(out.Bytes()[start:])
		out.Truncate(start)
		decode(out, again, false)
	}
}

// decode is one pass of Decode, character references too when refs; it
// reports whether it read back mojibake.
func decode(out *bytes.Buffer, raw []byte, refs bool) (mended bool) {
	pad := 0
	flush := func() {
		for ; pad > 0; pad-- {
			out.WriteByte(' ')
		}
	}
	for i := 0; i < len(raw); {
		if raw[i] == '&' && refs {
			// a reference is a name or number: "&lt\n;" is "&lt" (which
			// html decodes without its ";") before a line break, and
			// decoding it whole lost the break
			if j := bytes.IndexByte(raw[i:min(len(raw), i+12)], ';'); j > 1 && refName(raw[i+1:i+j]) {
				ref := string(raw[i : i+j+1])
				if dec := html.UnescapeString(ref); dec != ref {
					// "&#10;" and "&#13;" must not break the line: the
					// text keeps the file's lines.
					dec = strings.Map(func(r rune) rune {
						if r == '\n' || r == '\r' {
							return ' '
						}
						return r
					}, dec)
					out.WriteString(dec)
					pad += utf8.RuneCountInString(ref) - utf8.RuneCountInString(dec)
					i += j + 1
					continue
				}
			}
		}
		if raw[i] == 0xC3 {
			if r, n, chars := mojibake(raw[i:]); n > 0 {
				out.WriteRune(r)
				pad += chars - 1
				i += n
				mended = true
				continue
			}
		}
		r, n := utf8.DecodeRune(raw[i:])
		if unicode.IsSpace(r) {
			flush()
		}
		out.Write(raw[i : i+n])
		i += n
	}
	flush()
	return mended
}

// refName reports whether b can stand between a character reference's "&"
// and ";": letters and digits, and "#" for a numeric one.
func refName(b []byte) bool {
	for _, c := range b {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '#') {
			return false
		}
	}
	return true
}

// mojibake reads the start of s as the characters a UTF-8 sequence becomes
// when read as Windows-1252: a lead byte's letter (Â-ß for two bytes, à-ï
// for three, ð-ô for four) and one character for each continuation byte
// (€ … ™ ©, or the C1 control a Latin-1 reading leaves). It returns the
// character the sequence was, the bytes of s it takes and the characters
// it was written as; n is 0 when s does not start so.
func mojibake(s []byte) (r rune, n, chars int) {
	lead, size := utf8.DecodeRune(s)
	b0, ok := windows1252(lead)
	if !ok {
		return 0, 0, 0
	}
	var k int // continuation bytes
	switch {
	case b0 >= 0xC2 && b0 <= 0xDF:
		k = 1
	case b0 >= 0xE0 && b0 <= 0xEF:
		k = 2
	case b0 >= 0xF0 && b0 <= 0xF4:
		k = 3
	default:
		return 0, 0, 0
	}
	var seq [4]byte
	seq[0] = b0
	n = size
	for c := 1; c <= k; c++ {
		if n >= len(s) {
			return 0, 0, 0
		}
		cr, cn := utf8.DecodeRune(s[n:])
		if c == 2 && seq[0] == 0xE2 && seq[1] == 0x80 && cr == utf8.RuneError {
			// "â€" and a byte Windows-1252 has no character for, lost
			// to U+FFFD: of the five, the closing quotation mark is the
			// one text is full of
			return '”', n + cn, 3
		}
		b, ok := windows1252(cr)
		if !ok || b < 0x80 || b > 0xBF {
			return 0, 0, 0
		}
		seq[c] = b
		n += cn
	}
	r, rn := utf8.DecodeRune(seq[:k+1])
	if r == utf8.RuneError || rn != k+1 {
		return 0, 0, 0
	}
	return r, n, k + 1
}

// windows1252 is the byte that Windows-1252 writes r as; the C1 controls
// stand for themselves (a Latin-1 reading, or Windows-1252's five unused
// bytes).
func windows1252(r rune) (byte, bool) {
	if r >= 0x80 && r <= 0xFF {
		return byte(r), true
	}
	if r < 0x80 {
		return 0, false
	}
	return charmap.Windows1252.EncodeRune(r)
}
