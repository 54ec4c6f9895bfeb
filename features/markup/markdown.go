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
func MarkdownText(src []byte) []byte {
	keep := make([]bool, len(src))
	body := blankFrontMatter(src)
	doc := md.Parser().Parse(gtext.NewReader(body))
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.CodeSpan, *ast.Image, *ast.AutoLink, *ast.RawHTML, *ast.HTMLBlock, *ast.CodeBlock, *ast.FencedCodeBlock:
			return ast.WalkSkipChildren, nil
		case *ast.Heading:
			keepHashes(body, n, keep)
		case *ast.Text:
			for i := n.Segment.Start; i < n.Segment.Stop && i < len(keep); i++ {
				keep[i] = true
			}
		}
		return ast.WalkContinue, nil
	})
	return mask(src, keep)
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
