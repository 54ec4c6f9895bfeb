package features

import "strings"

// This file implements rule residue.template-id; the rule's declaration,
// with its examples, is in residue.go's init.

// templateWords are the parts of Blogger-style widget identifiers.
var templateWords = map[string]bool{
	"recent": true, "related": true, "default": true, "hot-posts": true, "post-list": true,
	"sidebar": true, "post-tag": true, "col-left": true, "col-right": true, "grid-big": true,
	"grid-small": true, "featured": true, "random": true, "comments": true, "slider": true,
	"carousel": true, "mega-menu": true, "block": true, "list": true, "grid": true, "ticker": true,
	"posts": true, "hot": true, "tab": true, "trending": true, "popular": true, "block-1": true,
	"block-2": true, "feat-big": true, "feat-list": true, "videos": true, "mega-grid": true,
	"recent-posts": true, "list1": true, "list2": true,
}

func templateID(t string) bool {
	if len(t) > 60 || strings.IndexByte(t, '/') < 0 || strings.ContainsAny(t, " \t") ||
		strings.Contains(t, "://") || strings.HasPrefix(t, "www.") {
		return false
	}
	if strings.Contains(t, "$results={") || strings.Contains(t, "$label={") || strings.Contains(t, "$type={") {
		return true
	}
	parts := strings.Split(t, "/")
	known, numeric := false, 0
	for _, p := range parts {
		if p == "" {
			return false
		}
		digits := true
		for i := 0; i < len(p); i++ {
			c := p[i]
			switch {
			case c >= '0' && c <= '9':
			case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '-', c == '_':
				digits = false
			default:
				return false
			}
		}
		if digits {
			numeric++
		}
		if templateWords[lowerASCII(p)] {
			known = true
		}
	}
	return known && numeric < len(parts)
}

func extractTemplateID(d *Document) Result {
	var fs []Finding
	for i, l := range d.Lines {
		if l.Blank || d.resLen(i) > resMaxLine || strings.IndexByte(l.Text, '/') < 0 && strings.IndexByte(l.Text, '$') < 0 {
			continue
		}
		t := strings.TrimFunc(l.Text, resEdge)
		if templateID(t) || strings.HasPrefix(t, "$") && templateID(strings.ReplaceAll(t, " ", "")) {
			fs = append(fs, d.LineFinding(i, 1))
		}
	}
	return resResult(fs)
}
