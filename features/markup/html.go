package markup

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/chaff-dev/chaff/features"
	"github.com/markusmobius/go-trafilatura"
	xhtml "golang.org/x/net/html"
)

// Page is an HTML file read for chaff: the visible text of the whole page
// in place, and which of its lines the main-content extractor took for the
// article.
type Page struct {
	Text []byte
	// Origins says where each line of Text starts in the file, when the
	// reader broke a line of the file: a block element (a paragraph, a
	// list item, a heading, a cell) that starts or ends after text on the
	// same line starts a new line of Text, in place of its "<". Minified
	// pages hold a whole page on one line, and read as one line nothing
	// line-based works: no menu, share bar or comment counter is found.
	// Nil when every line of Text is the file's line of the same number.
	Origins []Origin
	// Main tells whether a line of Text belongs to the article's main text
	// (go-trafilatura's extraction). Nil when the extractor found none: then
	// every line may be prose.
	Main func(line string) bool
	// TooComplex is set when elements nest deeper than MaxHTMLDepth or are
	// more than MaxHTMLElements: the main text is then not extracted (Main
	// is nil), because the extractor's time grows with the square of the
	// depth and of the number of elements (10,000 nested divs: 8 s; 100,000
	// paragraphs: 5 s).
	TooComplex bool
}

// MaxHTMLDepth is the deepest element nesting, and MaxHTMLElements the most
// elements, for which the main text is extracted. Real pages nest 20 to 60
// deep and hold a few thousand elements.
const (
	MaxHTMLDepth    = 256
	MaxHTMLElements = 20000
)

// Origin is where a line of Text starts in the file: the file's line and
// the characters before it on that line, both from 0.
type Origin struct{ Line, Col int }

// blockElements are laid out on lines of their own by a browser.
var blockElements = map[string]bool{"address": true, "article": true, "aside": true, "blockquote": true,
	"br": true, "caption": true, "dd": true, "details": true, "dialog": true, "div": true, "dl": true, "dt": true,
	"fieldset": true, "figcaption": true, "figure": true, "footer": true, "form": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "h5": true, "h6": true, "header": true, "hgroup": true, "hr": true, "li": true,
	"main": true, "nav": true, "ol": true, "option": true, "p": true, "pre": true, "section": true,
	"summary": true, "table": true, "td": true, "th": true, "tr": true, "ul": true, "body": true, "title": true}

// voidElements never have children (and never an end tag).
var voidElements = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "link": true, "meta": true, "param": true, "source": true, "track": true, "wbr": true}

// selfClosing elements end when another of their kind (or an end tag of
// their container) starts; they do not nest in themselves.
var selfClosing = map[string]bool{"p": true, "li": true, "dt": true, "dd": true, "tr": true, "td": true, "th": true, "option": true}

// hidden elements hold no visible text; code elements hold text that is
// not prose (program code, commands, output). Both are blanked, as a
// Markdown file's code spans and blocks are: a format string's
// "{secret_number}" or a workflow's "{{ matrix.os }}" is not an unfilled
// placeholder, and a chatbot's canned reply in a tutorial's code is not
// the article speaking. A page set entirely in <pre> is then too short to
// score, which costs nothing but the score.
var hidden = map[string]bool{"script": true, "style": true, "noscript": true, "template": true, "svg": true, "head": true,
	"pre": true, "code": true, "kbd": true, "samp": true}

// HTMLText reads an HTML page: tags, comments, scripts and styles become
// spaces, character references are decoded in place (padded so columns do
// not move), and line breaks stay. The residue rules read the whole page,
// comment sections and share widgets included; the main text decides what
// the style and template features measure.
func HTMLText(src []byte) *Page {
	var out bytes.Buffer
	out.Grow(len(src))
	z := xhtml.NewTokenizer(bytes.NewReader(src))
	depth := 0        // inside hidden elements
	var open []string // elements open, roughly as a browser would see them
	maxOpen, elements := 0, 0
	consumed := 0    // bytes of src the tokens covered
	var blocks []int // offsets in out of block elements' tags
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			// an unfinished tag at the end ("<a") is no token: blank it,
			// so the last line keeps its length
			if consumed < len(src) {
				blank(&out, src[consumed:])
			}
			break
		}
		raw := z.Raw()
		consumed += len(raw)
		switch tt {
		case xhtml.TextToken:
			if depth > 0 {
				blank(&out, raw)
			} else {
				features.Decode(&out, raw)
			}
			continue
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			name, _ := z.TagName()
			if blockElements[string(name)] && depth == 0 {
				blocks = append(blocks, out.Len())
			}
			if tt == xhtml.SelfClosingTagToken {
				break
			}
			if hidden[string(name)] {
				depth++
			}
			elements++
			if n := string(name); !voidElements[n] {
				if selfClosing[n] && len(open) > 0 && open[len(open)-1] == n {
					open = open[:len(open)-1]
				}
				open = append(open, n)
				maxOpen = max(maxOpen, len(open))
			}
		case xhtml.EndTagToken:
			name, _ := z.TagName()
			if blockElements[string(name)] && depth == 0 {
				blocks = append(blocks, out.Len())
			}
			if hidden[string(name)] && depth > 0 {
				depth--
			}
			for i := len(open) - 1; i >= 0 && len(open)-i <= 64; i-- {
				if open[i] == string(name) {
					open = open[:i]
					break
				}
			}
		}
		start := out.Len()
		blank(&out, raw)
		if (tt == xhtml.StartTagToken || tt == xhtml.SelfClosingTagToken) && depth == 0 {
			revealChatLinks(out.Bytes()[start:], raw) // a link inside code or a script is an example
		}
	}
	p := &Page{Text: out.Bytes(), TooComplex: maxOpen > MaxHTMLDepth || elements > MaxHTMLElements}
	p.Origins = breakBlocks(p.Text, blocks)
	if p.TooComplex {
		return p
	}
	if res, err := trafilatura.Extract(bytes.NewReader(src), trafilatura.Options{ExcludeComments: true}); err == nil && res != nil {
		main := unspaced(res.ContentText)
		if hasWords(res.ContentText, 20) {
			// a short line belongs to the main text when it is one of its
			// lines: contained anywhere, a menu's "News" or "Travel" was
			// taken for the article's wherever the word occurs in it
			lines := map[string]bool{}
			for _, l := range strings.Split(res.ContentText, "\n") {
				lines[unspaced(l)] = true
			}
			p.Main = func(line string) bool {
				line = hideChatLinks(line)
				if !hasWords(line, mainMinWords) {
					l := unspaced(line)
					return l != "" && lines[l]
				}
				// a longer line is the main text's when each stretch of it
				// between blanked markup is: the extractor keeps inline code
				// ("the <code>.gitlab-ci.yml</code> file"), this reader does not
				kept := 0
				for rest := line; rest != ""; {
					var frag string
					frag, rest = nextStretch(rest)
					if !hasWords(frag, 2) {
						continue
					}
					if !strings.Contains(main, unspaced(frag)) {
						return false
					}
					kept++
				}
				return kept > 0
			}
		}
	}
	return p
}

// breakBlocks turns the blank "<" of a block tag (at the given offsets of
// text) into a line break when the line holds text before and after it
// (so "<p>text</p>" on a line of its own stays as it is), and
// returns where every line of the result starts in the file (nil when it
// broke none). A line break is "\n", "\r\n" or a lone "\r", as
// features.NewDocument reads them.
func breakBlocks(text []byte, blocks []int) []Origin {
	var inserted []int
	pending, hasText := -1, false // a block tag after text, waiting for text after it
	for pos, next := 0, 0; pos < len(text); pos++ {
		if next < len(blocks) && blocks[next] == pos {
			next++
			if hasText && pending < 0 {
				pending = pos
			}
			continue
		}
		switch c := text[pos]; {
		case c == '\n' || c == '\r':
			hasText, pending = false, -1
		case c != ' ' && c != '\t':
			if pending >= 0 {
				text[pending] = '\n'
				inserted = append(inserted, pending)
				pending = -1
			}
			hasText = true
		}
	}
	if len(inserted) == 0 {
		return nil
	}
	origins := []Origin{{0, 0}}
	line, col := 0, 0
	for i := 0; i < len(text); {
		switch {
		case len(inserted) > 0 && i == inserted[0]:
			// the tag's "<" became the break: the new line starts after it
			inserted = inserted[1:]
			col++
			origins = append(origins, Origin{line, col})
			i++
			continue
		case text[i] == '\r' || text[i] == '\n':
			if text[i] == '\r' && i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			i++
			line, col = line+1, 0
			origins = append(origins, Origin{line, 0})
			continue
		}
		_, n := utf8.DecodeRune(text[i:])
		i += n
		col++
	}
	return origins
}

// mainMinWords is the length from which a line of the page is taken for
// the main text's wherever the main text contains it.
const mainMinWords = 4

// ChatLinkMarks are the query parameters a chat interface adds to the links
// of its answers ("?utm_source=chatgpt.com"). A link copied from a chat
// answer into a page keeps it in its address, which the reader blanks with
// the rest of the tag; revealChatLinks writes the parameter back in place,
// so that leak.chat-citation sees it where the link is.
var ChatLinkMarks = []string{"utm_source=chatgpt.com", "utm_source=openai"}

// chatLinks calls found with the byte range of each chat-link parameter of
// src that stands in an address: the "?" or "&" before it included.
func chatLinks(src []byte, found func(start, end int)) {
	for _, mark := range ChatLinkMarks {
		for off := 0; ; {
			k := bytes.Index(src[off:], []byte(mark))
			if k < 0 {
				break
			}
			k += off
			off = k + len(mark)
			if k > 0 && (src[k-1] == '?' || src[k-1] == '&') {
				found(k-1, k+len(mark))
			}
		}
	}
}

// revealChatLinks copies each chat-link parameter of raw (a tag) into out,
// the blanks written for raw: one byte a rune of raw, as blank writes them.
func revealChatLinks(out, raw []byte) {
	chatLinks(raw, func(start, end int) {
		if at := utf8.RuneCount(raw[:start]); at+end-start <= len(out) {
			copy(out[at:], raw[start:end])
		}
	})
}

// hideChatLinks blanks the revealed chat-link parameters of a line again,
// for comparing it with the extractor's text, which has no addresses.
func hideChatLinks(line string) string {
	for _, mark := range ChatLinkMarks {
		for _, lead := range []string{"?", "&"} {
			if strings.Contains(line, lead+mark) {
				line = strings.ReplaceAll(line, lead+mark, " ")
			}
		}
	}
	return line
}

// unspaced drops the white space of s: the page's inline tags leave blanks
// where the extractor's text has none ("the <a>report</a>." reads "the
// report ." here and "the report." there), and a paragraph with a link
// before a full stop was no longer found in the main text.
func unspaced(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// nextStretch splits s at its first run of two or more blanks (where markup
// was blanked inside a line): the stretch before it, and the rest after it.
func nextStretch(s string) (stretch, rest string) {
	for i := 0; i+1 < len(s); i++ {
		if (s[i] == ' ' || s[i] == '\t') && (s[i+1] == ' ' || s[i+1] == '\t') {
			j := i + 2
			for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
				j++
			}
			return s[:i], s[j:]
		}
	}
	return s, ""
}

// hasWords reports whether s has at least n space-separated words.
func hasWords(s string, n int) bool {
	words, inWord := 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			inWord = false
			continue
		}
		if !inWord {
			if words++; words >= n {
				return true
			}
			inWord = true
		}
	}
	return false
}

// blank writes one space per rune of raw, keeping line breaks.
func blank(out *bytes.Buffer, raw []byte) {
	for i := 0; i < len(raw); {
		_, n := utf8.DecodeRune(raw[i:])
		if raw[i] == '\n' || raw[i] == '\r' {
			out.WriteByte(raw[i])
		} else {
			out.WriteByte(' ')
		}
		i += n
	}
}
