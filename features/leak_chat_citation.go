package features

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file implements rule leak.chat-citation; the rule's declaration,
// with its examples, is in leak.go's init.

// chatCitationMarks are fixed substrings that only chat interfaces produce.
// The utm ones stand in link addresses, which the HTML and Markdown readers
// show in place for them (markup.ChatLinkMarks: keep the two lists alike).
var chatCitationMarks = []string{"oaicite", "contentReference", "utm_source=chatgpt.com", "utm_source=openai"}

// turnKinds follow "turnN" in chat tool citations (turn0search0, turn2news11).
var turnKinds = []string{"search", "news", "view", "fetch", "image", "file", "academia", "product", "forecast", "finance", "sports", "navlist"}

// chatNamingNouns, right before a marker that the sentence goes on past,
// name it rather than leak it: "the string turn0search0 appears in text
// pasted from ChatGPT".
var chatNamingNouns = map[string]bool{
	"string": true, "strings": true, "text": true, "marker": true, "markers": true, "code": true,
	"codes": true, "tag": true, "tags": true, "token": true, "tokens": true, "snippet": true,
	"phrase": true, "word": true, "words": true, "label": true, "sequence": true,
}

func extractChatCitation(d *Document) Result {
	t := d.Text
	var spans []chatMark
	for _, mark := range chatCitationMarks {
		for off := 0; ; {
			i := strings.Index(t[off:], mark)
			if i < 0 {
				break
			}
			i += off
			off = i + len(mark)
			if strings.HasPrefix(mark, "utm_") {
				if i == 0 || t[i-1] != '?' && t[i-1] != '&' {
					continue // named, not used: "links now carry utm_source=chatgpt.com"
				}
				spans = append(spans, chatMark{Span{i, i + len(mark)}, Span{i, i + len(mark)}})
				continue
			}
			spans = append(spans, chatMark{Span{i, i + len(mark)}, chatMarkExtent(t, i, i+len(mark))})
		}
	}
	// turn<digits><kind><digits>
	for off := 0; ; {
		i := strings.Index(t[off:], "turn")
		if i < 0 {
			break
		}
		i += off
		off = i + 4
		if e, ok := turnMarker(t, i+4); ok {
			spans = append(spans, chatMark{Span{i, e}, chatMarkExtent(t, i, e)})
			off = e
		}
	}
	// 【4†source】, 【12:3†source】, 【4:0†turn0search1】
	const open, close = "【", "】"
	for off := 0; ; {
		i := strings.Index(t[off:], open)
		if i < 0 {
			break
		}
		i += off
		off = i + len(open)
		rest := t[off:]
		if len(rest) > 80 {
			rest = rest[:80]
		}
		j := strings.Index(rest, close)
		if j < 0 {
			continue
		}
		if chatBracketCitation(rest[:j]) {
			sp := Span{i, off + j + len(close)}
			spans = append(spans, chatMark{sp, sp})
			off += j + len(close)
		}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].mark.Start < spans[j].mark.Start })
	// merge markers that touch (":contentReference[oaicite:0]").
	var merged []chatMark
	for _, sp := range spans {
		if n := len(merged); n > 0 && sp.mark.Start <= merged[n-1].mark.End+2 {
			m := &merged[n-1]
			m.mark.End = max(m.mark.End, sp.mark.End)
			m.whole.Start = min(m.whole.Start, sp.whole.Start)
			m.whole.End = max(m.whole.End, sp.whole.End)
			continue
		}
		merged = append(merged, sp)
	}
	var fs []Finding
	for _, sp := range merged {
		if d.inView(sp.mark.Start) && !chatMarkNamed(t, sp.whole) {
			fs = append(fs, d.Finding(sp.whole, 1))
		}
	}
	return leakResult(fs)
}

// chatMark is a marker found: the mark the finding reports, and the whole
// marker around it (chatMarkExtent) that tells whether it is quoted.
type chatMark struct{ mark, whole Span }

// chatMarkExtent widens the mark at t[s:e] to the whole marker: the colon
// before "contentReference", the bracket of "[oaicite:0]", a ":0" index,
// the "[...]" and "{index=0}" groups after, the "cite" that leads a turn
// marker, and the private-use characters chat interfaces wrap markers in.
func chatMarkExtent(t string, s, e int) Span {
	if strings.HasPrefix(t[s:], "contentReference") && s > 0 && t[s-1] == ':' {
		s--
	}
	if e < len(t) && t[e] == ':' {
		f := e + 1
		for f < len(t) && f-e <= 4 && t[f] >= '0' && t[f] <= '9' {
			f++
		}
		if f > e+1 {
			e = f
		}
	}
	if s > 0 && t[s-1] == '[' && e < len(t) && t[e] == ']' {
		s--
		e++
	}
	for e < len(t) && (t[e] == '[' || t[e] == '{') {
		c := byte(']')
		if t[e] == '{' {
			c = '}'
		}
		g := strings.IndexByte(t[e:min(len(t), e+48)], c)
		if g < 0 || strings.ContainsAny(t[e:e+g], " \t\r\n") {
			break
		}
		e += g + 1
	}
	for cite := false; s > 0; {
		if r, n := utf8.DecodeLastRuneInString(t[:s]); privateUse(r) {
			s -= n
		} else if !cite && strings.HasSuffix(t[:s], "cite") {
			s -= 4 // "cite\ue202turn0search3"
			cite = true
		} else {
			break
		}
	}
	for e < len(t) {
		r, n := utf8.DecodeRuneInString(t[e:])
		if !privateUse(r) {
			break
		}
		e += n
	}
	return Span{s, e}
}

func privateUse(r rune) bool { return r >= 0xE000 && r <= 0xF8FF }

// chatBracketCitation tells whether the inside of 【...】 is a chat
// citation: a number, an optional ":number", the dagger, and then "source",
// a turn marker or a line range ("L10-L20"); with the full "N:M†" form of
// file search, a file name may stand after the dagger too.
func chatBracketCitation(in string) bool {
	i := 0
	for i < len(in) && i < 4 && in[i] >= '0' && in[i] <= '9' {
		i++
	}
	if i == 0 {
		return false
	}
	full := false
	if i < len(in) && in[i] == ':' {
		j := i + 1
		for j < len(in) && j-i <= 4 && in[j] >= '0' && in[j] <= '9' {
			j++
		}
		if j == i+1 {
			return false
		}
		i, full = j, true
	}
	if !strings.HasPrefix(in[i:], "†") {
		return false
	}
	rest := in[i+len("†"):]
	switch {
	case rest == "source":
		return true
	case strings.HasPrefix(rest, "turn"):
		e, ok := turnMarker(rest, 4)
		return ok && e == len(rest)
	case strings.HasPrefix(rest, "L") && lineRange(rest[1:]):
		return true
	}
	return full && strings.TrimSpace(rest) != "" && !strings.ContainsAny(rest, "【】\n")
}

// lineRange reads "10" or "10-L20".
func lineRange(s string) bool {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 {
		return false
	}
	if i == len(s) {
		return true
	}
	return strings.HasPrefix(s[i:], "-L") && len(s) > i+2 && strings.Trim(s[i+2:], "0123456789") == ""
}

// chatMarkNamed tells whether the marker at sp is named rather than used:
// inside quotation marks ("the essays ended with \"oaicite:0\"") or right
// after a noun such as "string" or "marker" with the sentence going on past
// it ("the string turn0search0 appears in ..."). A leaked marker stands
// bare, mostly at the end of a sentence.
func chatMarkNamed(t string, sp Span) bool {
	b, _ := utf8.DecodeLastRuneInString(t[:sp.Start])
	a, _ := utf8.DecodeRuneInString(t[sp.End:])
	if chatQuote(b) && chatQuote(a) {
		return true
	}
	// the word before, across spaces on the same line.
	s := strings.TrimRight(t[:sp.Start], " \t")
	if len(s) == len(t[:sp.Start]) {
		return false // attached to the word before: "rose 4%citeturn0search3"
	}
	w := s[strings.LastIndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })+1:]
	if !chatNamingNouns[lowerASCII(w)] && !chatNamedAsExample(s) {
		return false
	}
	// the sentence goes on past the marker, perhaps after a comma.
	after := strings.TrimLeft(t[sp.End:], " \t")
	if after != "" && strings.ContainsRune(",;:", rune(after[0])) {
		after = strings.TrimLeft(after[1:], " \t")
	}
	r, _ := utf8.DecodeRuneInString(after)
	return after != "" && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// chatExamples is a naming noun introducing examples: "markers such as",
// "odd strings like".
var chatExamples = regexp.MustCompile(`(?i)\b(?:markers?|strings?|codes?|tags?|tokens?|snippets?|phrases?|words?|labels?)\s+(?:such\s+as|like)\b`)

// chatNamedAsExample tells whether the sentence before a marker (s, up to
// it) names it as an example: "markers such as oaicite and
// contentReference, she said, ...".
func chatNamedAsExample(s string) bool {
	if i := strings.LastIndexAny(s, ".!?\n"); i >= 0 {
		s = s[i+1:]
	}
	return chatExamples.MatchString(s)
}

func chatQuote(r rune) bool {
	switch r {
	case '"', '\'', '`', '“', '”', '‘', '’', '«', '»', '„', '「', '」', '『', '』':
		return true
	}
	return false
}

// turnMarker reads "<digits><kind><digits>" at t[i:], returning its end.
func turnMarker(t string, i int) (int, bool) {
	j := i
	for j < len(t) && t[j] >= '0' && t[j] <= '9' {
		j++
	}
	if j == i || j-i > 3 {
		return 0, false
	}
	for _, k := range turnKinds {
		if strings.HasPrefix(t[j:], k) {
			e := j + len(k)
			f := e
			for f < len(t) && t[f] >= '0' && t[f] <= '9' {
				f++
			}
			if f > e && f-e <= 3 {
				return f, true
			}
		}
	}
	return 0, false
}
