// Package markup turns Markdown and HTML files into the text chaff reads,
// without moving anything: every character that is not prose (code, front
// matter, markup, tags, scripts) becomes one space, and line breaks stay, so
// a finding's line and column are those of the original file.
package markup

import (
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// Format is how a file's bytes are read.
type Format string

const (
	Text     Format = "text"
	Markdown Format = "markdown"
	HTML     Format = "html"
)

// FormatOf picks the format from a file name's extension.
func FormatOf(name string) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown", ".mdown", ".mkd":
		return Markdown
	case ".html", ".htm", ".xhtml":
		return HTML
	}
	return Text
}

// mask writes src with every rune whose first byte is not kept replaced by
// one space; newlines always stay. Replacing rune for rune keeps columns,
// which chaff counts in characters.
func mask(src []byte, keep []bool) []byte {
	out := make([]byte, 0, len(src))
	for i := 0; i < len(src); {
		c, n := src[i], 1
		if c >= utf8.RuneSelf {
			_, n = utf8.DecodeRune(src[i:])
		}
		switch {
		case c == '\n' || c == '\r':
			out = append(out, c)
		case keep[i]:
			out = append(out, src[i:i+n]...)
		default:
			out = append(out, ' ')
		}
		i += n
	}
	return out
}
