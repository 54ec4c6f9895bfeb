package features

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file implements rule residue.site-counter; the rule's declaration,
// with its examples, is in residue.go's init.

// resNumberLine: the line holds only a number ("0", "12", "1,204").
func resNumberLine(s string) bool {
	s = strings.TrimFunc(s, resEdge)
	return s != "" && resCount(s) && s[0] >= '0' && s[0] <= '9'
}

// resHeaderLine: a site name — 1 to 5 words, a letter, no terminal punctuation.
func resHeaderLine(s string) bool {
	s = strings.TrimFunc(s, resEdge)
	if s == "" || resOver(s, 60) || resNumberLine(s) {
		return false
	}
	if n := len(strings.Fields(s)); n > 5 {
		return false
	}
	if r, _ := utf8.DecodeLastRuneInString(s); strings.ContainsRune(".!?:;,\"”)", r) {
		return false
	}
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

func extractSiteCounter(d *Document) Result {
	// a numbered list (1, 2, 3 on lines of their own) is not a counter.
	prevVal, steps := -10, 0
	for i, l := range d.Lines {
		if l.Blank || d.resLen(i) > 16 || !resNumberLine(l.Text) {
			continue
		}
		v := resAtoi(strings.TrimFunc(l.Text, resEdge))
		if v == prevVal+1 {
			steps++
		}
		prevVal = v
	}
	if steps >= 1 {
		return Result{}
	}
	var fs []Finding
	fired := map[int]bool{}
	for i, l := range d.Lines {
		if l.Blank || d.resLen(i) > 16 || !resNumberLine(l.Text) {
			continue
		}
		p := resPrevNonBlank(d, i)
		if p < 0 {
			continue
		}
		switch {
		case fired[p] && resNumberLine(d.Lines[p].Text):
			// another counter right after a counter of the same header.
		case resHeaderLine(d.Lines[p].Text):
			if !fired[p] {
				fired[p] = true
				fs = append(fs, d.LineFinding(p, 1))
			}
		default:
			continue
		}
		fired[i] = true
		fs = append(fs, d.LineFinding(i, 1))
	}
	return resResult(fs)
}

func resAtoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= '0' && c <= '9' {
			n = n*10 + int(c-'0')
			if n > 1e8 {
				return -100
			}
		} else if c != ',' {
			return -100
		}
	}
	return n
}
