package input

import (
	"bytes"
	"errors"
	"fmt"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/chaff-dev/chaff/features/markup"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/charmap"
)

// ErrBinary is the reason given for a file with NUL bytes in its first 8 KB.
var ErrBinary = errors.New("binary file")

// ErrEncoding is the reason given for a text that is mostly not UTF-8 (and
// has no UTF-16 byte-order mark): a legacy encoding chaff does not guess.
var ErrEncoding = errors.New("not UTF-8 or UTF-16")

// utf8BOM is the byte-order mark some editors write at the start of a
// UTF-8 file.
var utf8BOM = []byte("\xEF\xBB\xBF")

// binarySniff is how much of a file is checked for NUL bytes.
const binarySniff = 8 << 10

// maxInvalidShare is the share of bytes that may be invalid UTF-8 before a
// text is refused: a Latin-1 file in a Western language has a few percent
// (its accented letters), which are replaced; a text in a legacy Cyrillic or
// East Asian encoding is mostly invalid and would be scored as noise.
const maxInvalidShare = 0.10

// Decode turns the bytes of a file into UTF-8 text for features.NewDocument:
//
//   - UTF-16 with a byte-order mark (little or big endian) is decoded;
//   - NUL bytes in the first 8 KB (after decoding) make it ErrBinary;
//   - bytes that are not UTF-8 are read as Windows-1252, one character a
//     byte (so columns are the same), and counted in replaced, unless they
//     are more than a tenth of the text: ErrEncoding (see readWindows1252).
//
// A UTF-8 byte-order mark is kept (NewDocument strips it). Valid UTF-8 is
// returned as is, without a copy.
func Decode(src []byte) (text []byte, replaced int, err error) {
	text = src
	if len(src) >= 2 && (src[0] == 0xFF && src[1] == 0xFE || src[0] == 0xFE && src[1] == 0xFF) {
		text, replaced = decodeUTF16(src[2:], src[0] == 0xFE)
	}
	if bytes.IndexByte(text[:min(len(text), binarySniff)], 0) >= 0 {
		return nil, 0, ErrBinary
	}
	if utf8.Valid(text) {
		return text, replaced, nil
	}
	bad := 0
	for i := 0; i < len(text); {
		if text[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(text[i:])
		if r == utf8.RuneError && n == 1 {
			bad++
		}
		i += n
	}
	if float64(bad) > maxInvalidShare*float64(len(text)) {
		return nil, 0, fmt.Errorf("%w (%d of %d bytes are not UTF-8)", ErrEncoding, bad, len(text))
	}
	return readWindows1252(text, bad), replaced + bad, nil
}

// readWindows1252 returns text, which holds bad bytes that are not UTF-8,
// with each of them read as the Windows-1252 character it is: a stray byte
// in UTF-8 text is most often a curly quote or dash pasted from a word
// processor, and a Western text that is not UTF-8 is Latin-1 or
// Windows-1252, which the web reads alike. "don\x92t" is then "don’t" and
// "caf\xe9" "café", where U+FFFD broke the word in two. The five bytes
// Windows-1252 leaves undefined are U+FFFD. One character a byte: columns
// are as NewDocument counts them.
func readWindows1252(text []byte, bad int) []byte {
	out := make([]byte, 0, len(text)+2*bad)
	for i := 0; i < len(text); {
		if text[i] < utf8.RuneSelf {
			out = append(out, text[i])
			i++
			continue
		}
		r, n := utf8.DecodeRune(text[i:])
		if r == utf8.RuneError && n == 1 {
			out = utf8.AppendRune(out, charmap.Windows1252.DecodeByte(text[i]))
		} else {
			out = append(out, text[i:i+n]...)
		}
		i += n
	}
	return out
}

// DecodeHTML is Decode for an HTML page, which may say in which legacy
// encoding it is written: a page that is not UTF-8 is read in the charset
// its HTTP header (contentType, "" when there is none) or its <meta>
// declares, as a browser reads it, so that a page in GBK, Shift JIS or
// Windows-1251 reads as the Chinese, Japanese or Russian it is (and gets
// the verdict unsupported) rather than as noise or ErrEncoding. A page
// that declares nothing, or a Western charset, is read as Decode reads it.
func DecodeHTML(src []byte, contentType string) (text []byte, replaced int, err error) {
	if utf8.Valid(src) || len(src) >= 2 && (src[0] == 0xFF && src[1] == 0xFE || src[0] == 0xFE && src[1] == 0xFF) {
		return Decode(src)
	}
	enc, name, _ := charset.DetermineEncoding(src, contentType)
	switch name {
	case "utf-8", "windows-1252", "iso-8859-1", "":
		return Decode(src) // stray bytes in UTF-8, or Windows-1252 itself
	}
	out, derr := enc.NewDecoder().Bytes(src)
	if derr != nil {
		return Decode(src)
	}
	text, _, err = Decode(out)
	return text, 0, err
}

// DecodeAs decodes a document of format f: an HTML page by DecodeHTML
// (contentType is its HTTP header's, or ""), anything else by Decode.
func DecodeAs(src []byte, f markup.Format, contentType string) ([]byte, int, error) {
	if f == markup.HTML {
		return DecodeHTML(src, contentType)
	}
	return Decode(src)
}

// decodeUTF16 decodes UTF-16 (without its byte-order mark); unpaired
// surrogates and an odd last byte become U+FFFD and are counted.
func decodeUTF16(b []byte, bigEndian bool) ([]byte, int) {
	out := make([]byte, 0, len(b)+len(b)/2)
	bad := 0
	unit := func(i int) rune {
		if bigEndian {
			return rune(b[i])<<8 | rune(b[i+1])
		}
		return rune(b[i+1])<<8 | rune(b[i])
	}
	i := 0
	for ; i+1 < len(b); i += 2 {
		r := unit(i)
		switch {
		case utf16.IsSurrogate(r) && r < 0xDC00 && i+3 < len(b):
			if r2 := unit(i + 2); r2 >= 0xDC00 && r2 <= 0xDFFF {
				out = utf8.AppendRune(out, utf16.DecodeRune(r, r2))
				i += 2
				continue
			}
			r = utf8.RuneError
			bad++
		case utf16.IsSurrogate(r):
			r = utf8.RuneError
			bad++
		}
		out = utf8.AppendRune(out, r)
	}
	if i < len(b) {
		out = utf8.AppendRune(out, utf8.RuneError)
		bad++
	}
	return out, bad
}
