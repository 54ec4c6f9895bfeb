// Package features turns an article into a Document and measures it with a
// catalogue of stylistic features. Every feature reads the Document built once
// per article; nothing re-splits the text.
package features

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a half-open byte range [Start, End) of Document.Text.
type Span struct{ Start, End int }

// Line is one line of the normalised text, without its newline.
type Line struct {
	Span
	Text  string
	Blank bool
}

// TokenKind tells words, numbers and punctuation apart.
type TokenKind uint8

const (
	Word TokenKind = iota
	Number
	Punct
)

// Token is a word, a number or a single punctuation rune.
type Token struct {
	Span
	Text  string
	Lower string // ASCII-lowercased Text; numbers fold to "#"; a disguised word undisguised
	Kind  TokenKind
	// Disguised marks a word written to slip past filters: an invisible
	// character inside it, or a lookalike letter of another alphabet
	// among Latin ones (see undisguise). Lower holds the word as read.
	Disguised bool
	Line      int // index into Document.Lines
}

// Sentence covers tokens [FirstToken, EndToken).
type Sentence struct {
	Span
	FirstToken, EndToken int
	Words                int
}

// Paragraph covers lines [FirstLine, EndLine).
type Paragraph struct {
	Span
	FirstLine, EndLine int
	Words              int
}

// Heading is a Markdown heading ("## Background") or a short stand-alone
// title-case line, the way rewritten articles carry their section titles.
type Heading struct {
	Line     int // index into Document.Lines
	Text     string
	Level    int // 1-6 for Markdown, 0 for a plain title line
	Markdown bool
}

// Document is one article, normalised and split once.
type Document struct {
	Text       string
	Lines      []Line
	Tokens     []Token
	Sentences  []Sentence
	Paragraphs []Paragraph
	Headings   []Heading
	WordCount  int // word tokens (not numbers or punctuation)

	lineStarts []int
	origins    []Origin    // where each line starts in the file, when a reader broke its lines; nil: line for line
	headingAt  map[int]int // line index -> index into Headings
	// wrapped marks the lines of hard-wrapped paragraphs (findWrapped);
	// views share it, line indices being the same.
	wrapped []bool
	// resLens are the lines' lengths as the residue rules measure them
	// (resLen), built on first use.
	resLens []int32

	// stream is the lower-cased token stream the phrase matcher runs over:
	// words and sentence punctuation joined by single spaces, so that a phrase
	// matches whatever whitespace or line breaks stood between its words.
	stream     string
	matches    []phraseMatch
	matched    bool
	lex        *lexScores
	house      *Lexicon
	lang       *Language
	shapeWords []string
	shapeIDs   []int32  // shapeWords' vocabulary ids
	hashes     []uint64 // tokenHashes, built on first use
	// streamWords are the stream's tokens (substrings of stream), streamIdx
	// their Tokens index and streamOff their byte offset in stream. A view
	// has no stream of its own: its words are its document's.
	streamWords []string
	streamIdx   []int32
	streamOff   []int32
	// streamIDs are the stream words' vocabulary ids (wordIDs); a view
	// takes them from parent, whose stream position parentPos gives.
	streamIDs []int32
	parent    *Document
	parentPos []int32
	prose     *Document
	article   *Document
	proseKeep func(line string) bool

	// Format is the markup the text was read from: "text", "markdown" or
	// "html". The input layer sets it; in Markdown, Markdown syntax is not a
	// leak.
	Format string

	// col is Pos's last answer: a rule's findings come in order along a
	// line, so the next column is counted on from there, not from the
	// line's start (a one-line page of a megabyte with a finding in every
	// sentence took minutes, counting the whole line each time).
	col struct{ line, offset, chars int }
}

// RestrictProse limits the prose view to the lines keep accepts (an HTML
// page's main text, as its extractor found it), so that style and template
// features measure the article and not the page around it. Residue rules
// still read every line. Call it before any feature runs.
func (d *Document) RestrictProse(keep func(line string) bool) {
	d.proseKeep = keep
	d.prose, d.article = nil, nil
	// a heading outside the article's main text is a widget title
	// ("Leave a Reply"), not the article's structure.
	var kept []Heading
	d.headingAt = map[int]int{}
	for _, h := range d.Headings {
		if keep(d.Lines[h.Line].Text) {
			d.headingAt[h.Line] = len(kept)
			kept = append(kept, h)
		}
	}
	d.Headings = kept
}

// NewDocument normalises raw bytes (BOM stripped, CRLF and lone CR to LF,
// every invalid UTF-8 byte replaced by U+FFFD so that columns still count one
// character per original byte; character references and mojibake read as
// the characters they stand for, see Decode) and splits the text.
func NewDocument(raw []byte) *Document {
	d := &Document{Text: normalise(raw), Format: "text"}
	d.splitLines()
	d.findWrapped()
	d.tokenise()
	d.splitSentences()
	d.splitParagraphs()
	d.findHeadings()
	return d
}

// NewDocumentString is NewDocument for a string.
func NewDocumentString(s string) *Document { return NewDocument([]byte(s)) }

func normalise(raw []byte) string { return decoded(validText(raw)) }

// validText returns raw with the BOM stripped, CRLF and lone CR as LF and
// each invalid byte as U+FFFD: raw itself in the common case, where there
// is nothing to change.
func validText(raw []byte) []byte {
	if len(raw) >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF {
		raw = raw[3:]
	}
	if bytes.IndexByte(raw, '\r') < 0 && utf8.Valid(raw) {
		return raw
	}
	b := make([]byte, 0, len(raw))
	for i := 0; i < len(raw); {
		c := raw[i]
		if c == '\r' {
			b = append(b, '\n')
			i++
			if i < len(raw) && raw[i] == '\n' {
				i++
			}
			continue
		}
		if c < utf8.RuneSelf {
			b = append(b, c)
			i++
			continue
		}
		r, n := utf8.DecodeRune(raw[i:])
		if r == utf8.RuneError && n <= 1 {
			b = utf8.AppendRune(b, utf8.RuneError)
			i++
			continue
		}
		b = append(b, raw[i:i+n]...)
		i += n
	}
	return b
}

// decoded returns valid UTF-8 text as a string, its character references
// and mojibake read (Decode), every line as long in characters as
// before. An HTML page's text is decoded already; decoding it again changes
// only text that shows a reference ("&amp;lt;").
func decoded(text []byte) string {
	if !Encoded(text) {
		return string(text) // the common case, copied whole
	}
	var b bytes.Buffer
	b.Grow(len(text))
	Decode(&b, text)
	return b.String()
}

// Pos maps a byte offset of Text to the 1-based line and column (in
// characters) of the original input.
func (d *Document) Pos(offset int) (line, col int) {
	i := max(d.lineAt(offset), 0)
	from, chars := d.lineStarts[i], 0
	if c := d.col; c.line == i && c.offset <= offset && c.offset >= from {
		from, chars = c.offset, c.chars
	}
	chars += utf8.RuneCountInString(d.Text[from:offset])
	d.col.line, d.col.offset, d.col.chars = i, offset, chars
	col = chars + 1
	if d.origins != nil {
		return d.origins[i].Line + 1, d.origins[i].Col + col
	}
	return i + 1, col
}

// Origin is where a line of Text starts in the file as written: the file's
// line and the characters before it there, both from 0.
type Origin struct{ Line, Col int }

// SetOrigins says where each line of Text starts in the file, for a reader
// that broke the file's lines (the HTML reader puts a minified page's
// blocks on lines of their own), so that findings still point into the
// file as written. It must be called before any feature runs, with one
// origin a line.
func (d *Document) SetOrigins(o []Origin) error {
	if o != nil && len(o) != len(d.Lines) {
		return fmt.Errorf("features: %d line origins for %d lines", len(o), len(d.Lines))
	}
	d.origins = o
	return nil
}

// lineAt returns the index of the line holding offset (-1 before the first).
func (d *Document) lineAt(offset int) int {
	return sort.Search(len(d.lineStarts), func(i int) bool { return d.lineStarts[i] > offset }) - 1
}

// inView reports whether offset of Text falls on one of d's lines: a view
// (Prose, Article) shares the whole Text but blanks the lines it leaves
// out, so a rule that scans Text itself asks this of each match.
func (d *Document) inView(offset int) bool {
	i := d.lineAt(offset)
	return i >= 0 && i < len(d.Lines) && !d.Lines[i].Blank
}

// Finding builds a finding for span, positioned in the original text.
func (d *Document) Finding(span Span, weight float64) Finding {
	line, col := d.Pos(span.Start)
	return Finding{Line: line, Column: col, Match: d.Text[span.Start:span.End], Weight: weight}
}

// LineFinding builds a finding for a whole line, trimmed of surrounding space.
func (d *Document) LineFinding(i int, weight float64) Finding {
	l := d.Lines[i]
	s, e := l.Start, l.End
	for s < e && isSpaceByte(d.Text[s]) {
		s++
	}
	for e > s && isSpaceByte(d.Text[e-1]) {
		e--
	}
	return d.Finding(Span{s, e}, weight)
}

// IsHeading reports whether line i is a heading.
func (d *Document) IsHeading(i int) bool { _, ok := d.headingAt[i]; return ok }

// Prose returns the document's running text: the lines that read as prose
// (ending like a sentence, or long enough to be one), without headings,
// widget labels, menus and other short lines. Style and template features
// measure this view, so that page residue around an article does not pass
// for how the article was written. It is d itself when every line is prose.
func (d *Document) Prose() *Document {
	if d.prose == nil {
		d.prose = d.view(func(i int, l Line) bool {
			return (d.wrapped[i] || d.isProseLine(i)) && (d.proseKeep == nil || d.proseKeep(l.Text))
		}, false)
		d.prose.prose = d.prose
	}
	return d.prose
}

// Article returns the article's own lines, headings, lists and all: the
// main text of an HTML page as its extractor found it (RestrictProse), or d
// itself for any other document. SEO features measure this view: a sidebar
// that repeats a keyword is the site's doing, not the article's.
func (d *Document) Article() *Document {
	if d.article == nil {
		d.article = d
		if d.proseKeep != nil {
			d.article = d.view(func(_ int, l Line) bool { return d.proseKeep(l.Text) }, true)
		}
	}
	return d.article
}

// view returns d restricted to the non-blank lines keep accepts, or d
// itself when keep accepts all of them or none (a fragment, a list: then
// measure it all). The view shares the text and its line numbers: other
// lines count as blank and their tokens are left out, so findings made on
// the view point at the document's own lines. withHeadings keeps the
// headings (else the view has none).
func (d *Document) view(keep func(int, Line) bool, withHeadings bool) *Document {
	kept := make([]bool, len(d.Lines))
	n, nonBlank := 0, 0
	for i, l := range d.Lines {
		if l.Blank {
			continue
		}
		nonBlank++
		if keep(i, l) {
			kept[i] = true
			n++
		}
	}
	if n == nonBlank || n == 0 {
		return d
	}
	p := &Document{Text: d.Text, Format: d.Format, lineStarts: d.lineStarts, origins: d.origins, headingAt: map[int]int{}, house: d.house, wrapped: d.wrapped}
	if withHeadings {
		p.Headings, p.headingAt, p.proseKeep = d.Headings, d.headingAt, d.proseKeep
	}
	p.Lines = make([]Line, len(d.Lines))
	for i, l := range d.Lines {
		l.Blank = l.Blank || !kept[i]
		p.Lines[i] = l
	}
	// The view's tokens and stream words are a subset of d's, taken as
	// they are: every token's Lower already points into d's stream, so
	// nothing is lowered or joined again.
	newIdx := intPool.get(len(d.Tokens) + 1)[:len(d.Tokens)+1]
	defer intPool.put(newIdx)
	p.Tokens = tokenPool.get(len(d.Tokens))
	p.streamIdx = int32Pool.get(len(d.streamIdx))
	p.streamWords = stringPool.get(len(d.streamWords))
	p.parent = d
	p.parentPos = int32Pool.get(len(d.streamIdx))
	j := 0 // d's stream position of the next stream token
	for i, t := range d.Tokens {
		newIdx[i] = len(p.Tokens)
		inStream := j < len(d.streamIdx) && int(d.streamIdx[j]) == i
		if kept[t.Line] {
			if t.Kind == Word {
				p.WordCount++
			}
			if inStream {
				p.streamIdx = append(p.streamIdx, int32(len(p.Tokens)))
				p.streamWords = append(p.streamWords, d.streamWords[j])
				p.parentPos = append(p.parentPos, int32(j))
			}
			p.Tokens = append(p.Tokens, t)
		}
		if inStream {
			j++
		}
	}
	newIdx[len(d.Tokens)] = len(p.Tokens)
	for _, st := range d.Sentences {
		if kept[d.Tokens[st.FirstToken].Line] {
			st.FirstToken, st.EndToken = newIdx[st.FirstToken], newIdx[st.EndToken]
			p.Sentences = append(p.Sentences, st)
		}
	}
	p.splitParagraphs()
	return p
}

// proseMinWords is the length from which a line counts as prose even
// without sentence punctuation at its end (scraped text often loses it).
const proseMinWords = 12

func (d *Document) isProseLine(i int) bool {
	if d.IsHeading(i) {
		return false
	}
	t := strings.TrimSpace(d.Lines[i].Text)
	if endsSentence(t) {
		return hasFields(t, 2)
	}
	return hasFields(t, proseMinWords)
}

// endsSentence reports whether a line ends like a sentence.
func endsSentence(line string) bool {
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRightFunc(line, unicode.IsSpace))
	return strings.ContainsRune(".!?…\"”'’)", last)
}

// endsSentenceInside reports whether a sentence ends inside line and
// another starts after it ("... comeback! Four-time ..."): a headline holds
// one sentence, a wrapped line of prose often the end of one. A full stop
// counts after a lower-case word of two letters or more only, not after
// "Mr." or "U.S.", which headlines have.
func endsSentenceInside(line string) bool {
	for i := 1; i+2 < len(line); i++ {
		c := line[i]
		if c != '.' && c != '!' && c != '?' || line[i+1] != ' ' {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(line[i+2:]); !unicode.IsUpper(r) {
			continue
		}
		if c != '.' {
			return true
		}
		if i >= 2 && isLowerASCII(line[i-1]) && isLowerASCII(line[i-2]) {
			return true
		}
	}
	return false
}

func isLowerASCII(c byte) bool { return 'a' <= c && c <= 'z' }

// wrappedMinWords and wrappedMinChars are the least a line of a
// hard-wrapped paragraph holds before its last: wrapping at 60-80 columns
// leaves 9-14 words a line, while a menu or a widget has one to four
// words and a keyword list is short ("apples, pears, plums, figs").
const (
	wrappedMinWords = 5
	wrappedMinChars = 40
)

// fieldsAtLeast reports whether lines hold n space-separated fields or
// more between them.
func fieldsAtLeast(lines []Line, n int) bool {
	for _, l := range lines {
		if n -= fieldCount(l.Text, n); n <= 0 {
			return true
		}
	}
	return n <= 0
}

// runsOn reports whether line i's text may go on into the next line's: it
// ends a sentence or holds one that ends inside it, or the next line starts
// lower-case, or line i ends in a comma, a capitalised word (a name broken
// by the wrap) or a function word. A headline above a paragraph ("Budget
// talks stall again" then "The council ...") does not.
func (d *Document) runsOn(i int) bool {
	t := strings.TrimSpace(d.Lines[i].Text)
	if endsSentence(t) || endsSentenceInside(t) {
		return true
	}
	if r, _ := utf8.DecodeRuneInString(strings.TrimSpace(d.Lines[i+1].Text)); !unicode.IsUpper(r) {
		return true
	}
	if last, _ := utf8.DecodeLastRuneInString(t); strings.ContainsRune(",;:-–—", last) {
		return true
	}
	w := t[strings.LastIndexFunc(t, unicode.IsSpace)+1:]
	if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
		return true
	}
	return styleFunctionWords[strings.ToLower(w)]
}

// continuesSentence reports whether line i is the end of a text or
// paragraph cut off mid-sentence, going on with the sentence that line i-1
// leaves open: i-1 ends mid-sentence, i starts lower-case and ends in a
// letter, and nothing follows it in its block. A short line ending in a
// comma or a semicolon after a long one is the rest of a code listing
// ("const unsigned char *newrr,"), not of prose.
func (d *Document) continuesSentence(i int) bool {
	t := strings.TrimSpace(d.Lines[i].Text)
	first, _ := utf8.DecodeRuneInString(t)
	last, _ := utf8.DecodeLastRuneInString(t)
	return !endsSentence(d.Lines[i-1].Text) && unicode.IsLower(first) && unicode.IsLetter(last) &&
		(i+1 == len(d.Lines) || d.Lines[i+1].Blank)
}

// findWrapped marks the lines of hard-wrapped paragraphs: a run of two or
// more adjacent lines of wrappedMinWords words or more, up to the last
// that ends a sentence, a short closing line included. In such a run a line
// break is a space: the sentence goes on, the prose view keeps the line,
// and no line is a heading or a title. Before, each line stood alone: a
// wrapped line ends mid-sentence and is shorter than proseMinWords, so on
// dev hard-wrapped at 72 columns the mean sentence came out at 6 words
// instead of 21, 598 texts fell under the model's 50 words of prose (331
// as written) and AUROC fell from 0.83 to 0.78.
func (d *Document) findWrapped() {
	n := len(d.Lines)
	d.wrapped = make([]bool, n)
	inRun := func(i int) bool {
		if i >= n || d.Lines[i].Blank {
			return false
		}
		t := strings.TrimSpace(d.Lines[i].Text)
		// bytes bound characters from above, and from below at 4 a character
		long := len(t) >= 4*wrappedMinChars || len(t) >= wrappedMinChars && utf8.RuneCountInString(t) >= wrappedMinChars
		return long && markdownHeadingLevel(t) == 0 && hasFields(t, wrappedMinWords)
	}
	for i := 0; i < n; i++ {
		if !inRun(i) {
			continue
		}
		j := i + 1
		for inRun(j) && d.runsOn(j-1) {
			j++
		}
		first, end := i, j
		if j < n && !d.Lines[j].Blank && markdownHeadingLevel(strings.TrimSpace(d.Lines[j].Text)) == 0 &&
			d.runsOn(j-1) && (endsSentence(d.Lines[j].Text) || d.continuesSentence(j)) {
			// "the council said." closing the paragraph, or the end of a
			// text cut off mid-sentence ("... assessment by a" then
			// "healthcare professional is")
			end = j + 1
		}
		stop := end
		if end-first < 2 {
			continue // a line alone is prose or not by isProseLine
		}
		if isTitleLine(strings.TrimSpace(d.Lines[i].Text)) {
			first++ // a title right above its first paragraph
		}
		for end > first && !endsSentence(d.Lines[end-1].Text) {
			end--
		}
		// lines after the last sentence end are prose when they hold a
		// sentence's worth of words, as one such line would (scraped text
		// often loses its last full stop)
		if tail := d.Lines[max(end, first):stop]; fieldsAtLeast(tail, proseMinWords) {
			end = stop
		}
		if end-first >= 2 {
			for k := first; k < end; k++ {
				d.wrapped[k] = true
			}
		}
		i = j - 1
	}
}

// hasFields reports whether s has at least n space-separated fields, as
// len(strings.Fields(s)) >= n would, without building them.
func hasFields(s string, n int) bool { return fieldCount(s, n) >= n }

// fieldCount counts the space-separated fields of s, stopping at limit.
func fieldCount(s string, limit int) int {
	n, inField := 0, false
	for _, r := range s {
		if isSpaceRune(r) {
			inField = false
			continue
		}
		if !inField {
			if n++; n >= limit {
				return n
			}
			inField = true
		}
	}
	return n
}

// foldLine lower-cases s (ASCII) and folds its runs of white space to one
// space, trimmed: strings.Join(strings.Fields(lowerASCII(s)), " ") in one
// allocation, or none when s is already in that form.
func foldLine(s string) string {
	clean := true
	prevSpace := true // a leading space needs folding too
	for i := 0; i < len(s) && clean; i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z', c >= utf8.RuneSelf:
			clean = false // non-ASCII may hold Unicode spaces: take the slow path
		case c == ' ':
			clean = !prevSpace
			prevSpace = true
		case isSpaceByte(c) || c == '\r':
			clean = false
		default:
			prevSpace = false
		}
	}
	if clean && !prevSpace {
		return s
	}
	b := make([]byte, 0, len(s))
	for _, f := range strings.Fields(s) {
		if len(b) > 0 {
			b = append(b, ' ')
		}
		for i := 0; i < len(f); i++ {
			c := f[i]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
		}
	}
	return string(b)
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' }

func (d *Document) splitLines() {
	n := strings.Count(d.Text, "\n") + 1
	d.Lines = make([]Line, 0, n)
	d.lineStarts = make([]int, 0, n)
	start := 0
	for i := 0; i <= len(d.Text); i++ {
		if i == len(d.Text) || d.Text[i] == '\n' {
			t := d.Text[start:i]
			d.Lines = append(d.Lines, Line{Span: Span{start, i}, Text: t, Blank: strings.TrimSpace(t) == ""})
			d.lineStarts = append(d.lineStarts, start)
			start = i + 1
		}
	}
}

// isWordRune reports whether r is part of a word: a letter, digit or mark.
// It is small enough to inline into the tokeniser's loops, with a table for
// ASCII (the unicode tables answer ASCII punctuation by a search).
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return isWordRuneSlow(r)
}

var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9'
	}
	return t
}()

func isWordRuneSlow(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// tokenise splits every line into words, numbers and punctuation and builds
// the phrase stream. Apostrophes and hyphens inside a word stay in it
// ("don't", "long-term"), as do dots between single letters or digits
// ("U.S", "3.5").
func (d *Document) tokenise() {
	buf := make([]byte, 0, len(d.Text)+len(d.Text)/8)
	d.Tokens = tokenPool.get(len(d.Text)/4 + 16) // room for a token every 4 bytes: English prose rarely needs more
	d.streamIdx = int32Pool.get(len(d.Text)/4 + 16)
	d.streamOff = int32Pool.get(len(d.Text)/4 + 16)
	for li, l := range d.Lines {
		s := l.Text
		for i := 0; i < len(s); {
			r, n := rune(s[i]), 1
			if r >= utf8.RuneSelf {
				r, n = utf8.DecodeRuneInString(s[i:])
			}
			if isSpaceRune(r) || r >= utf8.RuneSelf && isInvisible(r) {
				i += n
				continue
			}
			if !isWordRune(r) {
				buf = d.appendToken(buf, Token{Span: Span{l.Start + i, l.Start + i + n}, Text: s[i : i+n], Kind: Punct, Line: li})
				i += n
				continue
			}
			j := i + n
			seg := 1                   // characters since the last dot
			wide := r >= utf8.RuneSelf // a letter outside ASCII or a hidden character: maybe disguised
			for j < len(s) {
				r2, n2 := rune(s[j]), 1
				if r2 >= utf8.RuneSelf {
					r2, n2 = utf8.DecodeRuneInString(s[j:])
				}
				if isWordRune(r2) {
					wide = wide || r2 >= utf8.RuneSelf
					j += n2
					seg++
					continue
				}
				if r2 >= utf8.RuneSelf && isInvisible(r2) && j+n2 < len(s) {
					// "exa\u200bmple": one word with a character hidden in it
					if next, _ := utf8.DecodeRuneInString(s[j+n2:]); isWordRune(next) {
						wide = true
						j += n2
						continue
					}
				}
				if r2 == '\'' || r2 == '’' || r2 == '-' || r2 == '.' {
					next, _ := utf8.DecodeRuneInString(s[j+n2:])
					if j+n2 < len(s) && isWordRune(next) && (r2 != '.' || seg == 1 || unicode.IsDigit(next)) {
						j += n2
						seg = 0
						continue
					}
				}
				break
			}
			word := s[i:j]
			kind := Word
			if c := word[0]; c >= '0' && c <= '9' || c >= utf8.RuneSelf && unicode.IsDigit(r) {
				kind = Number
			}
			t := Token{Span: Span{l.Start + i, l.Start + j}, Text: word, Kind: kind, Line: li}
			if wide {
				t.Lower, t.Disguised = undisguise(word)
			}
			buf = d.appendToken(buf, t)
			i = j
		}
	}
	d.finishStream(buf)
}

// isSpaceRune is unicode.IsSpace with an ASCII fast path.
func isSpaceRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || r >= '\t' && r <= '\r'
	}
	return unicode.IsSpace(r)
}

// appendToken adds t to Tokens and, unless it is punctuation the stream
// leaves out, its lower-cased form to the stream being built in buf. A
// word that lowering changes keeps Lower empty until finishStream points it
// into the stream, so that tokenising allocates nothing per word.
func (d *Document) appendToken(buf []byte, t Token) []byte {
	if t.Lower == "" {
		switch {
		case t.Kind == Number:
			t.Lower = "#"
		case t.Kind == Punct || !needsLower(t.Text):
			t.Lower = t.Text
		}
	}
	if t.Kind == Word {
		d.WordCount++
	}
	idx := len(d.Tokens)
	d.Tokens = append(d.Tokens, t)
	if t.Kind == Punct && !isStreamPunct(t.Text) {
		return buf
	}
	if len(buf) > 0 {
		buf = append(buf, ' ')
	}
	d.streamIdx = append(d.streamIdx, int32(idx))
	d.streamOff = append(d.streamOff, int32(len(buf)))
	if t.Lower != "" {
		return append(buf, t.Lower...)
	}
	return appendLower(buf, t.Text)
}

// finishStream makes the stream a string and points the stream words, and
// the Lower of every word that lowering changed, into it.
func (d *Document) finishStream(buf []byte) {
	d.stream = string(buf)
	d.streamWords = stringPool.get(len(d.streamOff))[:len(d.streamOff)]
	for w, off := range d.streamOff {
		end := len(d.stream)
		if w+1 < len(d.streamOff) {
			end = int(d.streamOff[w+1]) - 1
		}
		d.streamWords[w] = d.stream[off:end]
		if t := &d.Tokens[d.streamIdx[w]]; t.Lower == "" {
			t.Lower = d.streamWords[w]
		}
	}
}

// isStreamPunct tells the punctuation the phrase stream keeps: what ends
// or divides a sentence.
func isStreamPunct(p string) bool {
	return len(p) == 1 && strings.IndexByte(",.;:!?", p[0]) >= 0
}

// needsLower reports whether a word's stream form differs from its text:
// an ASCII capital, or a typographic apostrophe (which folds to ').
func needsLower(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' || c == 0xE2 && strings.HasPrefix(s[i:], "’") {
			return true
		}
	}
	return false
}

// appendLower appends s ASCII-lower-cased, with ’ folded to '.
func appendLower(buf []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c == 0xE2 && strings.HasPrefix(s[i:], "’"):
			buf = append(buf, '\'')
			i += len("’") - 1
			continue
		}
		buf = append(buf, c)
	}
	return buf
}

func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for k := i; k < len(b); k++ {
				if b[k] >= 'A' && b[k] <= 'Z' {
					b[k] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// abbreviations whose trailing dot does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "sen": true, "rep": true,
	"gov": true, "gen": true, "col": true, "lt": true, "sgt": true, "capt": true, "jr": true, "sr": true,
	"inc": true, "ltd": true, "co": true, "corp": true, "vs": true, "etc": true, "no": true, "jan": true,
	"feb": true, "aug": true, "sept": true, "oct": true, "nov": true, "dec": true, "approx": true, "e.g": true, "i.e": true,
}

// splitSentences ends a sentence at . ! ? (unless after an abbreviation
// or, in text that uses capitals, before a lower-case word) and at every
// line break, since a line that ends without punctuation is still the end
// of what was written on it.
func (d *Document) splitSentences() {
	caseless := d.lowerAfterStops()
	start := -1
	flush := func(end int) {
		if start < 0 || end <= start {
			return
		}
		s := Sentence{Span: Span{d.Tokens[start].Start, d.Tokens[end-1].End}, FirstToken: start, EndToken: end}
		for _, t := range d.Tokens[start:end] {
			if t.Kind == Word {
				s.Words++
			}
		}
		if s.Words > 0 {
			d.Sentences = append(d.Sentences, s)
		}
		start = -1
	}
	for i, t := range d.Tokens {
		if prev := d.Tokens[max(i-1, 0)].Line; start >= 0 && t.Line != prev && !(t.Line == prev+1 && d.wrapped[prev] && d.wrapped[t.Line]) {
			flush(i)
		}
		if start < 0 {
			start = i
		}
		if t.Kind != Punct || (t.Text != "." && t.Text != "!" && t.Text != "?" && t.Text != "…") {
			continue
		}
		end := i + 1
		// closing quotes and brackets belong to the sentence they close; a
		// quote after a space opens the next one.
		for end < len(d.Tokens) && d.Tokens[end].Line == t.Line && d.Tokens[end].Start == d.Tokens[end-1].End &&
			strings.Contains("\"'”’)]", d.Tokens[end].Text) {
			end++
		}
		if t.Text == "." && i > 0 && abbreviations[d.Tokens[i-1].Lower] {
			continue
		}
		if !caseless && end < len(d.Tokens) && d.Tokens[end].Line == t.Line && startsLower(d.Tokens[end]) {
			continue
		}
		flush(end)
	}
	flush(len(d.Tokens))
}

// lowerAfterStops reports whether the text is written without capitals:
// more of the words that follow a full stop, ! or ? on the same line start
// lower-case than upper-case (chat, forum and some scraped text). There a
// lower-case word after a stop starts a new sentence like any other;
// elsewhere it means the stop did not end one ("approx. five", "p. m.").
func (d *Document) lowerAfterStops() bool {
	lower, upper := 0, 0
	for i := 0; i+1 < len(d.Tokens); i++ {
		t, next := d.Tokens[i], d.Tokens[i+1]
		if t.Kind != Punct || (t.Text != "." && t.Text != "!" && t.Text != "?") || next.Kind != Word || next.Line != t.Line {
			continue
		}
		if startsLower(next) {
			lower++
		} else {
			upper++
		}
	}
	return lower >= 3 && lower > upper
}

func startsLower(t Token) bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsLower(r)
}

// splitParagraphs splits on blank lines; a text with no blank line at all
// (one paragraph a line, as many sites publish) gets one paragraph a line.
func (d *Document) splitParagraphs() {
	hasBlank := false
	nonBlank := 0
	for _, l := range d.Lines {
		if l.Blank {
			hasBlank = true
		} else {
			nonBlank++
		}
	}
	hasBlank = hasBlank && nonBlank > 0
	wordsOn := make([]int, len(d.Lines))
	for _, t := range d.Tokens {
		if t.Kind == Word {
			wordsOn[t.Line]++
		}
	}
	first := -1
	flush := func(end int) {
		if first < 0 {
			return
		}
		p := Paragraph{Span: Span{d.Lines[first].Start, d.Lines[end-1].End}, FirstLine: first, EndLine: end}
		for k := first; k < end; k++ {
			p.Words += wordsOn[k]
		}
		d.Paragraphs = append(d.Paragraphs, p)
		first = -1
	}
	for i, l := range d.Lines {
		if l.Blank {
			flush(i)
			continue
		}
		if first < 0 {
			first = i
		}
		if !hasBlank {
			flush(i + 1)
		}
	}
	flush(len(d.Lines))
}

func (d *Document) findHeadings() {
	d.headingAt = map[int]int{}
	nonBlank := 0
	for _, l := range d.Lines {
		if !l.Blank {
			nonBlank++
		}
	}
	for i, l := range d.Lines {
		t := strings.TrimSpace(l.Text)
		if t == "" || d.wrapped[i] {
			continue
		}
		if lvl := markdownHeadingLevel(t); lvl > 0 {
			d.addHeading(Heading{Line: i, Text: strings.TrimSpace(strings.TrimLeft(t, "#")), Level: lvl, Markdown: true})
			continue
		}
		if nonBlank > 2 && isTitleLine(t) {
			d.addHeading(Heading{Line: i, Text: t})
		}
	}
}

func (d *Document) addHeading(h Heading) {
	d.headingAt[h.Line] = len(d.Headings)
	d.Headings = append(d.Headings, h)
}

func markdownHeadingLevel(t string) int {
	n := 0
	for n < len(t) && t[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || n >= len(t) || t[n] != ' ' {
		return 0
	}
	return n
}

// minorWords stay lower-case in title case.
var minorWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "but": true, "nor": true, "of": true,
	"in": true, "on": true, "at": true, "to": true, "for": true, "by": true, "with": true, "as": true,
	"from": true, "into": true, "over": true, "amid": true, "vs": true, "per": true, "via": true, "is": true,
}

// isTitleLine: 2 to 12 words, no sentence punctuation at the end, first word
// capitalised and at least 60% of the other non-minor words too.
func isTitleLine(t string) bool {
	last, _ := utf8.DecodeLastRuneInString(t)
	if strings.ContainsRune(".,;:!?\"”)", last) {
		return false
	}
	fields := strings.Fields(t)
	if len(fields) < 2 || len(fields) > 12 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(fields[0])
	if !unicode.IsUpper(first) {
		return false
	}
	caps, content := 0, 0
	for _, f := range fields[1:] {
		r, _ := utf8.DecodeRuneInString(f)
		if !unicode.IsLetter(r) {
			continue
		}
		if minorWords[strings.ToLower(f)] {
			continue
		}
		content++
		if unicode.IsUpper(r) {
			caps++
		}
	}
	return content == 0 || float64(caps) >= 0.6*float64(content)
}
