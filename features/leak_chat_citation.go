package features

import (
	"sort"
	"strings"
)

// This file implements rule leak.chat-citation; the rule's declaration,
// with its examples, is in leak.go's init.

// chatCitationMarks are fixed substrings that only chat interfaces produce.
// The utm ones stand in link addresses, which the HTML and Markdown readers
// show in place for them (markup.ChatLinkMarks: keep the two lists alike).
var chatCitationMarks = []string{"oaicite", "contentReference", "utm_source=chatgpt.com", "utm_source=openai"}

// turnKinds follow "turnN" in chat tool citations (turn0search0, turn2news11).
var turnKinds = []string{"search", "news", "view", "fetch", "image", "file", "academia", "product", "forecast", "finance", "sports", "navlist"}

func extractChatCitation(d *Document) Result {
	t := d.Text
	var spans []Span
	for _, mark := range chatCitationMarks {
		for off := 0; ; {
			i := strings.Index(t[off:], mark)
			if i < 0 {
				break
			}
			i += off
			off = i + len(mark)
			if strings.HasPrefix(mark, "utm_") && (i == 0 || t[i-1] != '?' && t[i-1] != '&') {
				continue // named, not used: "links now carry utm_source=chatgpt.com"
			}
			spans = append(spans, Span{i, i + len(mark)})
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
			spans = append(spans, Span{i, e})
			off = e
		}
	}
	// 【4†source】
	const open, close = "【", "】"
	for off := 0; ; {
		i := strings.Index(t[off:], open)
		if i < 0 {
			break
		}
		i += off
		off = i + len(open)
		rest := t[off:]
		if len(rest) > 60 {
			rest = rest[:60]
		}
		j := strings.Index(rest, close)
		if j < 0 {
			continue
		}
		inner := rest[:j]
		if strings.Contains(inner, "†") || strings.Contains(lowerASCII(inner), "source") {
			spans = append(spans, Span{i, off + j + len(close)})
			off += j + len(close)
		}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	// merge markers that touch (":contentReference[oaicite:0]").
	var merged []Span
	for _, sp := range spans {
		if n := len(merged); n > 0 && sp.Start <= merged[n-1].End+2 {
			if sp.End > merged[n-1].End {
				merged[n-1].End = sp.End
			}
			continue
		}
		merged = append(merged, sp)
	}
	var fs []Finding
	for _, sp := range merged {
		if d.inView(sp.Start) {
			fs = append(fs, d.Finding(sp, 1))
		}
	}
	return leakResult(fs)
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
