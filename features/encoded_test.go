package features

import (
	"bytes"
	"testing"
	"unicode/utf8"
)

func TestDecode(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		// character references, as a page that was never rendered keeps them
		{"numeric reference", "don&#39;t stop", "don't     stop"},
		{"named references", "M&amp;A &quot;deal&quot; done", "M&A     \"deal\"           done"},
		{"reference before a line break", "it&rsquo;s\nnext", "it’s      \nnext"},
		{"no reference: an ampersand in a name", "AT&T and Q&A; R&D", "AT&T and Q&A; R&D"},
		// mojibake: UTF-8 read as Windows-1252
		{"apostrophe", "donâ€™t stop", "don’t   stop"},
		{"accented letter", "the cafÃ© opens", "the café  opens"},
		{"pound sign", "costs Â£5 now", "costs £5  now"},
		{"closing quotation mark lost to U+FFFD", "â€œfineâ€\ufffd, he said", "“fine”,     he said"},
		{"read wrong twice", "donÃ¢â‚¬â„¢t", "don’t       "},
		{"a reference beside mojibake decoded once", "cafÃ© &amp;lt;", "café  &lt;    "},
		{"non-breaking space", "10Â\u00a0km", "10\u00a0km "},
		// text that only looks like mojibake stays as written
		{"Portuguese", "São Paulo à noite", "São Paulo à noite"},
		{"Spanish", "¿Qué pasó? Ánimo", "¿Qué pasó? Ánimo"},
		{"French", "Ça a été à côté", "Ça a été à côté"},
		{"a capital letter before a symbol", "Ã is not Ã©", "Ã is not é "},
		{"lead letter at the end", "the end Ã", "the end Ã"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var b bytes.Buffer
			Decode(&b, []byte(c.in))
			if got := b.String(); got != c.want {
				t.Errorf("Decode(%q) = %q, want %q", c.in, got, c.want)
			}
			// every word after a decoded one keeps its column
			if got, want := utf8.RuneCount(b.Bytes()), utf8.RuneCountInString(c.in); got != want {
				t.Errorf("Decode(%q): %d characters, want %d", c.in, got, want)
			}
		})
	}
}

func TestEncoded(t *testing.T) {
	for in, want := range map[string]bool{
		"plain text": false,
		"Q&A":        true,
		"cafÃ©":      true,
		"café":       true, // é is C3 A9: worth a look, and Decode leaves it
		"naïve":      true,
		"“yes”—no":   false,
		"日本語":        false,
	} {
		if got := Encoded([]byte(in)); got != want {
			t.Errorf("Encoded(%q) = %v, want %v", in, got, want)
		}
	}
}
