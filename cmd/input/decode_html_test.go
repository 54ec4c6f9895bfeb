package input

import (
	"errors"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// A page in a legacy encoding reads as the text it is when it says which.
func TestDecodeHTML(t *testing.T) {
	page := func(meta, body string) string {
		return "<html><head>" + meta + "<title>t</title></head><body><p>" + body + "</p></body></html>"
	}
	enc := func(e encoding.Encoding, s string) []byte {
		b, err := e.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	const (
		chinese      = "新华社北京电 国务院总理今天主持召开常务会议，部署进一步扩大内需的政策措施。"
		russian      = "Правительство Москвы утвердило новый бюджет города на следующий год после долгих обсуждений."
		japaneseText = "東京都は新しい予算案を発表しました。来年度の歳出は過去最大となる見通しです。"
		french       = "Le café de la gare a rouvert ses portes après des travaux."
	)
	for _, c := range []struct {
		name, contentType string
		src               []byte
		want              string
		replaced          int
		err               error
	}{
		{"GBK declared in <meta>", "", enc(simplifiedchinese.GBK, page(`<meta charset="gbk">`, chinese)), page(`<meta charset="gbk">`, chinese), 0, nil},
		{"Windows-1251 declared in <meta http-equiv>", "", enc(charmap.Windows1251, page(`<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">`, russian)),
			page(`<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">`, russian), 0, nil},
		{"Shift JIS declared by the HTTP header", "text/html; charset=Shift_JIS", enc(japanese.ShiftJIS, page("", japaneseText)), page("", japaneseText), 0, nil},
		{"Latin-1 declared: read as Windows-1252", "", enc(charmap.ISO8859_1, page(`<meta charset="iso-8859-1">`, french)), page(`<meta charset="iso-8859-1">`, french), 2, nil},
		// without a declaration a legacy page is read as Decode reads it
		{"Windows-1251 undeclared", "", enc(charmap.Windows1251, page("", russian)), "", 0, ErrEncoding},
		{"UTF-8 with a wrong declaration", "", []byte(page(`<meta charset="gbk">`, french)), page(`<meta charset="gbk">`, french), 0, nil},
	} {
		got, n, err := DecodeHTML(c.src, c.contentType)
		if c.err != nil {
			if !errors.Is(err, c.err) {
				t.Errorf("%s: error %v, want %v", c.name, err, c.err)
			}
			continue
		}
		if err != nil || string(got) != c.want || n != c.replaced {
			t.Errorf("%s: got %q, %d replaced, %v; want %q, %d", c.name, got, n, err, c.want, c.replaced)
		}
	}
}
