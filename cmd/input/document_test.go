package input

import (
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/chaff-dev/chaff/features"
)

type at struct {
	line, col int
	rule      string
}

// evidence runs the catalogue on a testdata file read by its format and
// returns the findings of the evidence categories (not the statistics).
func evidence(t *testing.T, name string) ([]at, []features.Finding) {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "..", "testdata", "check", name))
	if err != nil {
		t.Fatal(err)
	}
	var got []at
	var all []features.Finding
	for _, r := range features.Extract(Document(name, src)) {
		for _, f := range r.Findings {
			all = append(all, f)
			switch f.Category {
			case features.Template, features.Style, features.Structure:
				continue
			}
			got = append(got, at{f.Line, f.Column, f.Rule})
		}
	}
	sort.Slice(got, func(i, j int) bool {
		if got[i].line != got[j].line {
			return got[i].line < got[j].line
		}
		return got[i].rule < got[j].rule
	})
	return got, all
}

// In Markdown, front matter, code, inline code, HTML comments and link
// destinations hold residue and leak phrases that must not fire; the prose
// findings point at the right line and column of the file.
func TestMarkdownFindingsOnlyInProse(t *testing.T) {
	got, all := evidence(t, "article.md")
	want := []at{{25, 1, "leak.chatbot"}, {29, 1, "residue.share"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("evidence %+v, want %+v", got, want)
	}
	notProse := map[int]bool{1: true, 2: true, 3: true, 4: true, 5: true, 11: true, 12: true, 13: true, 14: true, 19: true, 21: true, 22: true}
	for _, f := range all {
		if notProse[f.Line] {
			t.Errorf("finding inside front matter or code: %+v", f)
		}
		if f.Rule == "structure.markdown-leak" {
			t.Errorf("Markdown syntax in a Markdown file is not a leak: %+v", f)
		}
	}
}

// In HTML, the residue rules see the page's own widgets and point at their
// lines in the file; the head, styles and scripts are not text.
func TestHTMLResidueAtItsLines(t *testing.T) {
	got, all := evidence(t, "page.html")
	want := []at{
		{11, 21, "residue.nav-menu"}, {12, 25, "residue.nav-menu"}, {13, 26, "residue.nav-menu"}, {14, 29, "residue.nav-menu"}, {15, 28, "residue.nav-menu"},
		{25, 6, "residue.share"}, {26, 6, "residue.share"},
		{29, 7, "residue.comment-counter"}, {30, 6, "residue.comment-prompt"}, {31, 6, "residue.comment-prompt"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("evidence %+v,\nwant %+v", got, want)
	}
	for _, f := range all {
		if f.Line <= 7 {
			t.Errorf("finding in the page head: %+v", f)
		}
	}
}

// Markdown turns code, link definitions and comments into blank lines, so
// a file that ends in one must not read as trailing blank residue (it made
// 60 of 173 READMEs of the module cache suspect); plain text still does.
func TestTrailingBlankNotFromMarkup(t *testing.T) {
	article := "# Release notes\n\nThe new version reads WARC files and writes one line per record.\n\n"
	cases := []struct {
		name, src string
		fires     bool
	}{
		{"notes.md", article + "```sh\nchaff score --format jsonl crawl.warc.gz\n\n\nchaff rules\n```\n", false},
		{"notes.md", article + "See [the guide][g] and [the FAQ][f].\n\n[g]: https://example.com/guide\n[f]: https://example.com/faq\n[h]: https://example.com/\n", false},
		{"notes.md", article + "<!--\nreviewed\nby\nthe desk\n-->\n", false},
		{"notes.txt", article + "\n\n\n\n", true},
	}
	for _, c := range cases {
		fired := false
		for _, r := range features.Extract(Document(c.name, []byte(c.src))) {
			for _, f := range r.Findings {
				fired = fired || f.Rule == "residue.trailing-blank"
			}
		}
		if fired != c.fires {
			t.Errorf("%s ending %q: trailing-blank fired %v, want %v", c.name, c.src[len(article):], fired, c.fires)
		}
	}
}

// On an HTML page, leaks are read in the article's main text only: an
// unrendered template variable in a widget or lorem ipsum in a footer is
// the site's doing, not the article's, and must not flag it. A disclosure
// counts anywhere on the page.
func TestHTMLLeaksOnlyInArticle(t *testing.T) {
	page := func(body, footer string) string {
		return `<!DOCTYPE html><html lang="en"><head><title>Quarry pond closes</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li>Signed in as {{ user.name }}</li></ul></nav>
<article><h1>Quarry pond closes for the summer</h1>
<p>The old quarry pond at Fenwick Hill will stay closed to swimmers until September, the parish council decided on Tuesday after two people were pulled from the water in June.</p>
<p>"It's cold, it's deep and there are ledges you can't see," said councillor Dev Mistry, who proposed the ban. Fencing goes up next week.</p>
<p>Residents who swim there every morning say they will petition for a supervised season next year. "We've done it for thirty years," said Mabel Orr, 71.</p>
` + body + `</article>
<footer><p>Lorem ipsum dolor sit amet, consectetur adipiscing elit.</p>` + footer + `</footer>
</body></html>`
	}
	cases := []struct {
		name, body, footer string
		want               []string
	}{
		{"widgets only", "", "", nil},
		{"slot in the article", "<p>The council's full report is online: [Insert link to report]</p>\n", "", []string{"leak.placeholder"}},
		{"disclosure in the article", "<p>This article was written with the help of AI.</p>\n", "", []string{"disclosure.ai-use"}},
		// a disclosure is about the article wherever the page puts it
		{"disclosure in the footer", "", "<p>This article was written with the help of AI.</p>", []string{"disclosure.ai-use"}},
	}
	for _, c := range cases {
		var got []string
		for _, r := range features.Extract(Document("page.html", []byte(page(c.body, c.footer)))) {
			for _, f := range r.Findings {
				if f.Category == features.Leak || f.Category == features.Disclosure {
					got = append(got, f.Rule)
				}
			}
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: leak and disclosure findings %v, want %v", c.name, got, c.want)
		}
	}
}

// A minified page (the whole file on one line) is read a block a line: the
// residue rules find what they find on the page as written, and every
// finding points at its match in the file's one line.
func TestMinifiedHTML(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "testdata", "check", "page.html"))
	if err != nil {
		t.Fatal(err)
	}
	rules := func(src []byte) (map[string]int, []features.Finding) {
		n := map[string]int{}
		var all []features.Finding
		for _, r := range features.Extract(Document("page.html", src)) {
			for _, f := range r.Findings {
				if f.Category == features.Residue || f.Category == features.Leak {
					n[f.Rule]++
					all = append(all, f)
				}
			}
		}
		return n, all
	}
	flat := []byte(strings.Join(strings.Fields(string(src)), " "))
	want, _ := rules(src)
	got, findings := rules(flat)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("minified: residue and leak findings %v, want %v as pretty-printed", got, want)
	}
	line := []rune(string(flat))
	for _, f := range findings {
		at := string(line[min(f.Column-1, len(line)):])
		if f.Line != 1 || !strings.HasPrefix(at, f.Match) {
			t.Errorf("%s at %d:%d points at %.20q, not at %q", f.Rule, f.Line, f.Column, at, f.Match)
		}
	}
}
