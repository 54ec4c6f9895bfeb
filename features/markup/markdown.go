package markup

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	gtext "github.com/yuin/goldmark/text"
)

var md = goldmark.New(goldmark.WithExtensions(extension.GFM))

// MarkdownText returns the prose of a Markdown file in place: the text of
// paragraphs, headings (with their # markers, so headings stay headings),
// list items, quotes, table cells and link texts. Front matter (YAML ---
// or TOML +++), fenced and indented code, inline code, raw HTML, HTML
// comments, link destinations, images and the rest of the syntax become
// spaces.
//
// A file whose block containers (quotes, list items) nest deeper than
// MaxMarkdownDepth on some line is read as plain text: the parser's time
// grows with the square of the nesting (10,000 nested list items: 1 s).
func MarkdownText(src []byte) []byte {
	if markdownDepth(src) > MaxMarkdownDepth {
		return src
	}
	keep := make([]bool, len(src))
	var code [][2]int // byte ranges of code spans and blocks
	body := defuse(blankFrontMatter(src), src)
	doc := md.Parser().Parse(gtext.NewReader(body))
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.CodeSpan:
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*ast.Text); ok {
					code = append(code, [2]int{t.Segment.Start, t.Segment.Stop})
				}
			}
			return ast.WalkSkipChildren, nil
		case *ast.CodeBlock, *ast.FencedCodeBlock:
			for i := 0; i < n.Lines().Len(); i++ {
				seg := n.Lines().At(i)
				code = append(code, [2]int{seg.Start, seg.Stop})
			}
			return ast.WalkSkipChildren, nil
		case *ast.Image, *ast.AutoLink, *ast.RawHTML, *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil
		case *ast.List:
			if tableOfContents(n, body) {
				return ast.WalkSkipChildren, nil
			}
		case *ast.Heading:
			keepHashes(body, n, keep)
		case *ast.Text:
			for i := n.Segment.Start; i < n.Segment.Stop && i < len(keep); i++ {
				keep[i] = true
			}
		}
		return ast.WalkContinue, nil
	})
	keepChatLinks(body, code, keep)
	return mask(src, keep)
}

// keepChatLinks keeps the chat-link parameters of link addresses
// ("?utm_source=chatgpt.com", see ChatLinkMarks) visible where they stand,
// but not in code, where a URL is an example.
func keepChatLinks(src []byte, code [][2]int, keep []bool) {
	chatLinks(src, func(start, end int) {
		for _, r := range code {
			if start >= r[0] && start < r[1] {
				return
			}
		}
		for i := start; i < end && i < len(keep); i++ {
			keep[i] = true
		}
	})
}

// tableOfContents reports whether list holds nothing but links into the
// page itself ("- [Install](#install)"): a table of contents is the
// file's own navigation, not prose, and read as text it passed for a
// site's menu (residue.nav-menu).
func tableOfContents(list ast.Node, src []byte) bool {
	links, ok := 0, true
	_ = ast.Walk(list, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			if !bytes.HasPrefix(n.Destination, []byte("#")) {
				ok = false
				return ast.WalkStop, nil
			}
			links++
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			if len(bytes.TrimSpace(n.Segment.Value(src))) > 0 {
				ok = false
				return ast.WalkStop, nil
			}
		}
		return ast.WalkContinue, nil
	})
	return ok && links >= 2
}

// keepHashes keeps the # run that opens an ATX heading's line.
func keepHashes(src []byte, h *ast.Heading, keep []bool) {
	if h.Lines().Len() == 0 {
		return
	}
	start := h.Lines().At(0).Start
	ls := bytes.LastIndexByte(src[:start], '\n') + 1
	i := ls
	for i < start && (src[i] == ' ') {
		i++
	}
	for i < start && src[i] == '#' {
		keep[i] = true
		i++
	}
}

// blankFrontMatter returns src with a leading YAML (---) or TOML (+++)
// front matter block turned to spaces, so the parser does not read it as
// a heading or a rule. Offsets do not change.
func blankFrontMatter(src []byte) []byte {
	for _, fence := range []string{"---", "+++"} {
		if !bytes.HasPrefix(src, []byte(fence+"\n")) && !bytes.HasPrefix(src, []byte(fence+"\r\n")) {
			continue
		}
		end := -1
		for off := len(fence) + 1; off < len(src); {
			nl := bytes.IndexByte(src[off:], '\n')
			line := src[off:]
			if nl >= 0 {
				line = src[off : off+nl]
			}
			t := string(bytes.TrimRight(line, " \t\r"))
			if t == fence || (fence == "---" && t == "...") {
				end = off + len(line)
				break
			}
			if nl < 0 {
				break
			}
			off += nl + 1
		}
		if end < 0 {
			return src
		}
		out := append([]byte(nil), src...)
		for i := 0; i < end; i++ {
			if out[i] != '\n' && out[i] != '\r' {
				out[i] = ' '
			}
		}
		return out
	}
	return src
}

// MaxMarkdownDepth is the deepest nesting of block containers on one line
// that MarkdownText parses. Real documents nest a handful deep.
const MaxMarkdownDepth = 64

// markdownDepth is the most container markers (">", list bullets and
// numbers, or four columns of indentation each) that open one line.
func markdownDepth(src []byte) int {
	deepest := 0
	for off := 0; off < len(src); {
		end := bytes.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += off
		}
		d, cols := 0, 0
		for i := off; i < end; {
			c := src[i]
			switch {
			case c == ' ':
				cols++
				i++
				continue
			case c == '\t':
				cols += 4
				i++
				continue
			case c == '>':
				d++
				i++
				if i < end && src[i] == ' ' {
					i++ // the space after a quote marker is part of it
				}
				continue
			case (c == '-' || c == '*' || c == '+') && i+1 < end && (src[i+1] == ' ' || src[i+1] == '\t'):
				d++
				i += 2
				continue
			case c >= '0' && c <= '9':
				j := i
				for j < end && j-i < 9 && src[j] >= '0' && src[j] <= '9' {
					j++
				}
				if j+1 < end && (src[j] == '.' || src[j] == ')') && (src[j+1] == ' ' || src[j+1] == '\t') {
					d++
					i = j + 2
					continue
				}
			}
			break
		}
		deepest = max(deepest, d+cols/4)
		off = end + 1
	}
	return deepest
}

// maxRun is the longest run of non-space bytes the parser is given whole,
// and maxRefLines the most consecutive lines that may open with "[".
// goldmark scans from every "[", "](" and "_" to the end of the run (or
// the paragraph), so its time grows with the square of such runs: 100 KB
// of "[a](" took 16 s, 400 KB of "[a]: b" lines 18 s.
const (
	maxRun      = 128
	maxRefLines = 64
)

// defuse returns body (the parser's copy of src) with a space written into
// every run of non-space bytes at each maxRun bytes, and the "[" opening a
// line turned to a space after maxRefLines such lines in a row, so that no
// input costs the parser more than linear time. Offsets do not change;
// what the parser no longer sees as a link (a URL over 128 bytes) is read
// as text. body is copied before the first change.
func defuse(body, src []byte) []byte {
	copied := len(body) > 0 && len(src) > 0 && &body[0] != &src[0]
	set := func(i int) {
		if !copied {
			body = append([]byte(nil), body...)
			copied = true
		}
		body[i] = ' '
	}
	run, refs, lineStart := 0, 0, true
	for i := 0; i < len(body); i++ {
		c := body[i]
		switch {
		case c == '\n':
			if lineStart {
				refs = 0 // a blank line ends the paragraph
			}
			run, lineStart = 0, true
			continue
		case c == ' ' || c == '\t' || c == '\r':
			run = 0
			continue
		}
		if lineStart {
			lineStart = false
			if c == '[' {
				if refs++; refs > maxRefLines {
					set(i)
				}
			} else {
				refs = 0
			}
		}
		if run++; run > maxRun && c < 0x80 {
			set(i)
			run = 0
		}
	}
	return body
}
