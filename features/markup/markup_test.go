package markup

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// sameShape checks that out has src's lines, each with as many characters.
func sameShape(t *testing.T, src, out []byte) {
	t.Helper()
	a, b := strings.Split(string(src), "\n"), strings.Split(string(out), "\n")
	if len(a) != len(b) {
		t.Fatalf("%d lines became %d", len(a), len(b))
	}
	for i := range a {
		if utf8.RuneCountInString(a[i]) != utf8.RuneCountInString(b[i]) {
			t.Errorf("line %d: %d characters became %d: %q -> %q", i+1, utf8.RuneCountInString(a[i]), utf8.RuneCountInString(b[i]), a[i], b[i])
		}
	}
}

func TestMarkdownText(t *testing.T) {
	cases := []struct {
		name, src string
		keep      []string // must survive
		drop      []string // must be gone
	}{
		{"front matter yaml", "---\ntitle: Source link\n---\nBody text here.\n", []string{"Body text here."}, []string{"Source link", "title"}},
		{"front matter toml", "+++\ntitle = \"Also read\"\n+++\nBody.\n", []string{"Body."}, []string{"Also read"}},
		{"fenced code", "Text one.\n\n```go\n0 Comments\n```\n\nText two.\n", []string{"Text one.", "Text two."}, []string{"0 Comments", "```", "go"}},
		{"indented code", "Para.\n\n    Leave a Reply\n", []string{"Para."}, []string{"Leave a Reply"}},
		{"inline code", "Run `Also read` now.\n", []string{"Run", "now."}, []string{"Also read", "`"}},
		{"html comment", "Para.\n\n<!-- Post a Comment -->\n", []string{"Para."}, []string{"Post a Comment", "<!--"}},
		{"link", "See [the timetable](https://x.test/as-an-ai) today.\n", []string{"the timetable", "today."}, []string{"https", "as-an-ai", "]("}},
		{"image", "![Share this article](a.png) Caption.\n", []string{"Caption."}, []string{"Share this article"}},
		{"heading keeps hashes", "## Final Thoughts\n\nText.\n", []string{"## Final Thoughts"}, nil},
		{"emphasis and lists", "- **Bold** item\n- *it* em\n", []string{"Bold", "item", "it", "em"}, []string{"**", "- "}},
		{"table of contents", "## Contents\n\n- [Install](#install)\n- [Usage](#usage)\n  - [Flags](#flags)\n\nThe tool reads files.\n", []string{"## Contents", "The tool reads files."}, []string{"Install", "Usage", "Flags"}},
		{"list of links out is text", "- [Install guide](https://x.test/install)\n- [Usage](#usage)\n", []string{"Install guide", "Usage"}, nil},
		{"crlf and non-ascii", "Caf\u00e9 `c\u00f6de` here.\r\nNext line \u2014 ok.\r\n", []string{"Caf\u00e9", "here.", "Next line \u2014 ok."}, []string{"c\u00f6de"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := MarkdownText([]byte(c.src))
			sameShape(t, []byte(c.src), out)
			for _, k := range c.keep {
				if !strings.Contains(string(out), k) {
					t.Errorf("lost %q: %q", k, out)
				}
			}
			for _, d := range c.drop {
				if strings.Contains(string(out), d) {
					t.Errorf("kept %q: %q", d, out)
				}
			}
		})
	}
}

// splitBreaks splits s at "\n", "\r\n" and lone "\r", as
// features.NewDocument does.
func splitBreaks(s string) []string {
	return strings.Split(strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n"), "\n")
}

// sameShapeHTML checks that p.Text is src's text in place: line for line
// when p has no Origins; else each line of Text as long as the stretch of
// the file its origin and the next one bound (a broken line ends where the
// block tag's "<" was).
func sameShapeHTML(t *testing.T, src []byte, p *Page) {
	t.Helper()
	if p.Origins == nil {
		sameShape(t, src, p.Text)
		return
	}
	srcLines, lines := splitBreaks(string(src)), splitBreaks(string(p.Text))
	if len(lines) != len(p.Origins) {
		t.Fatalf("%d lines of text, %d origins", len(lines), len(p.Origins))
	}
	for k, o := range p.Origins {
		if o.Line >= len(srcLines) || k > 0 && o.Line != p.Origins[k-1].Line && o.Line != p.Origins[k-1].Line+1 {
			t.Fatalf("line %d: origin %+v after %+v", k, o, p.Origins[max(k-1, 0)])
		}
		want := utf8.RuneCountInString(srcLines[o.Line]) - o.Col
		if k+1 < len(p.Origins) && p.Origins[k+1].Line == o.Line {
			want = p.Origins[k+1].Col - 1 - o.Col
		}
		if got := utf8.RuneCountInString(lines[k]); got != want {
			t.Errorf("line %d (from %+v): %d characters, want %d: %q", k, o, got, want, lines[k])
		}
	}
}

func TestHTMLText(t *testing.T) {
	src := "<html><head><title>T</title><style>.a{}</style>\n<script>var s = \"0 Comments\";</script></head>\n<body><p>Caf&eacute; &amp; bar &#8217;s</p>\n<!-- Leave a Reply --><p>Share this article</p>\n</body></html>\n"
	p := HTMLText([]byte(src))
	if p.Origins != nil {
		t.Errorf("a page whose blocks have lines of their own was broken: %q", p.Text)
	}
	sameShape(t, []byte(src), p.Text)
	out := string(p.Text)
	for _, k := range []string{"Caf\u00e9", "&", "bar", "\u2019s", "Share this article"} {
		if !strings.Contains(out, k) {
			t.Errorf("lost %q: %q", k, out)
		}
	}
	for _, d := range []string{"0 Comments", "Leave a Reply", "<p>", ".a{}", "&amp;"} {
		if strings.Contains(out, d) {
			t.Errorf("kept %q: %q", d, out)
		}
	}
	// the text after a decoded reference keeps its column
	line := strings.Split(out, "\n")[2]
	if col := utf8.RuneCountInString(line[:strings.Index(line, "bar")]); col != strings.Index(strings.Split(src, "\n")[2], "bar") {
		t.Errorf("column of bar moved to %d in %q", col, line)
	}
}

// Code on a page is not its prose: blocks and inline code are blanked, as
// in Markdown, and the prose around them keeps its place.
func TestHTMLCodeBlanked(t *testing.T) {
	src := "<p>Print the <code>{secret_number}</code> variable:</p>\n<pre><code>println!(\"{secret_number}\");\n// As an AI language model\n</code></pre>\n<p>Press <kbd>Ctrl</kbd>+<kbd>C</kbd> to stop.</p>\n"
	p := HTMLText([]byte(src))
	sameShape(t, []byte(src), p.Text)
	out := string(p.Text)
	for _, k := range []string{"Print the", "variable:", "Press", "to stop."} {
		if !strings.Contains(out, k) {
			t.Errorf("lost %q: %q", k, out)
		}
	}
	for _, d := range []string{"secret_number", "println", "AI language model", "Ctrl"} {
		if strings.Contains(out, d) {
			t.Errorf("kept code %q: %q", d, out)
		}
	}
}

// A link copied from a chat answer keeps the chat's parameter in its
// address: the reader shows it where the link is, in HTML and Markdown,
// but not in code, and lines keep their shape.
func TestChatLinksRevealed(t *testing.T) {
	html := "<p>Caf\u00e9 visits rose, says the <a title=\"\u00e9t\u00e9\" href=\"https://x.org/r?utm_source=chatgpt.com\">report</a>.</p>\n<pre><code>curl https://x.org/r?utm_source=chatgpt.com</code></pre>\n<p>Run <code><a href=\"https://x.org/?utm_source=chatgpt.com\">the demo</a></code>.</p>\n"
	p := HTMLText([]byte(html))
	sameShape(t, []byte(html), p.Text)
	out := string(p.Text)
	if n := strings.Count(out, "?utm_source=chatgpt.com"); n != 1 {
		t.Errorf("HTML: %d chat-link parameters shown, want 1 (the link's, not the code's): %q", n, out)
	}
	line := strings.Split(out, "\n")[0]
	if col := utf8.RuneCountInString(line[:strings.Index(line, "?utm")]); col != utf8.RuneCountInString(html[:strings.Index(html, "?utm")]) {
		t.Errorf("HTML: parameter at column %d, want where it stands in the file", col)
	}
	md := "Visits rose, says the [report](https://x.org/r?a=1&utm_source=openai).\n\n    curl https://x.org/r?utm_source=openai\n\nSee `https://x.org/?utm_source=openai` too.\n"
	mout := string(MarkdownText([]byte(md)))
	if n := strings.Count(mout, "&utm_source=openai"); n != 1 || strings.Count(mout, "utm_source") != 1 {
		t.Errorf("Markdown: want the link's parameter only: %q", mout)
	}
	if strings.Index(mout, "&utm_source") != strings.Index(md, "&utm_source") {
		t.Errorf("Markdown: parameter moved: %q", mout)
	}
}

// A paragraph is the main text's even where its inline markup leaves blanks
// the extractor's text does not have: a link before a full stop, inline
// code (which the extractor keeps and this reader blanks).
func TestMainTextWithInlineMarkup(t *testing.T) {
	p1 := "The bridge opened in 1932 and carries forty thousand cars a day across the river, says the <a href=\"/r\">city report</a>."
	p2 := "Engineers will add a <code>sensor.cfg</code> file to every lamp post so that the council can watch the traffic all night."
	p3 := "The council plans to repaint the bridge next year at a cost of two million pounds, officials said on Tuesday afternoon."
	src := "<html><body><article><h1>Bridge</h1>\n<p>" + p1 + "</p>\n<p>" + p2 + "</p>\n<p>" + p3 + "</p>\n</article></body></html>\n"
	p := HTMLText([]byte(src))
	if p.Main == nil {
		t.Fatal("no main text extracted")
	}
	for _, l := range strings.Split(string(p.Text), "\n") {
		if strings.Contains(l, "bridge opened") || strings.Contains(l, "Engineers") || strings.Contains(l, "repaint") {
			if !p.Main(l) {
				t.Errorf("not taken for the main text: %q", l)
			}
		}
	}
}

func TestFormatOf(t *testing.T) {
	for name, want := range map[string]Format{"a.md": Markdown, "b.MARKDOWN": Markdown, "c.html": HTML, "d.htm": HTML, "e.txt": Text, "f": Text, "-": Text} {
		if got := FormatOf(name); got != want {
			t.Errorf("FormatOf(%q) = %q, want %q", name, got, want)
		}
	}
}

// A reference that decodes to a line break ("&#10;", "&#XA;", "&#13;")
// stays on its line, as a space: findings must point into the file as
// written.
func TestHTMLLineBreakReferences(t *testing.T) {
	for _, src := range []string{"<p>a&#10;b</p>", "<p>a&#XA;b</p>", "<p>a&#13;b\nc</p>", "&#xa;"} {
		p := HTMLText([]byte(src))
		sameShape(t, []byte(src), p.Text)
		if strings.ContainsAny(string(p.Text), "\r") || strings.Count(string(p.Text), "\n") != strings.Count(src, "\n") {
			t.Errorf("%q: a reference broke the line: %q", src, p.Text)
		}
	}
}

// A minified page (one line) is read a block a line: the menu items, the
// paragraphs and the share bar each get a line, and each line's origin is
// its place in the file's single line.
func TestHTMLBlocksBreakLines(t *testing.T) {
	src := `<html><body><nav><ul><li><a href="/">Home</a></li><li>News</li></ul></nav>` +
		`<article><h1>Pond closes</h1><p>The pond closes today.</p><p>It opens in May.<br>Fencing goes up.</p></article>` +
		`<div class="share">Share this article</div></body></html>`
	p := HTMLText([]byte(src))
	sameShapeHTML(t, []byte(src), p)
	var got []string
	for _, l := range strings.Split(string(p.Text), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			got = append(got, l)
		}
	}
	want := []string{"Home", "News", "Pond closes", "The pond closes today.", "It opens in May.", "Fencing goes up.", "Share this article"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("lines %q, want %q", got, want)
	}
	for k, l := range strings.Split(string(p.Text), "\n") {
		if w := strings.TrimSpace(l); w != "" {
			o := p.Origins[k]
			col := o.Col + utf8.RuneCountInString(l[:strings.Index(l, w)])
			if o.Line != 0 || !strings.HasPrefix(src[col:], w) {
				t.Errorf("%q: origin %+v points at %q", w, o, src[col:min(len(src), col+len(w))])
			}
		}
	}
}
