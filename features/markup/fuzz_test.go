package markup

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// The fuzz targets check what the readers promise (sameShape: the
// same lines, each with as many characters), so findings point into the
// file as written, on any input.
//
// Seeds: the project's Markdown and HTML texts and markup edge cases;
// regressions the fuzzer finds are kept in testdata/fuzz/<Target>.
func addSeeds(f *testing.F) {
	for _, glob := range []string{"../../testdata/check/*", "../../testdata/bad/*.md", "../../testdata/articles/*.txt"} {
		paths, _ := filepath.Glob(glob)
		for _, p := range paths {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b)
			}
		}
	}
	for _, s := range []string{"", "---\na: b\n---\n# T\n", "+++\n", "> - 1. [a](b)\n", "```\ncode\n", "<!-- c -->", "&amp;&#8217;&bogus;&#x;",
		"<div><p>x</div>", "<script>x</script>y", "[a]: b\n[a]\n", "a\r\nb\rc", "\xff<b>\xfe</b>", "<table><tr><td>x"} {
		f.Add([]byte(s))
	}
}

func FuzzMarkdownText(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		src = bytes.ToValidUTF8(src, []byte("\uFFFD")) // input decodes files first
		sameShape(t, src, MarkdownText(src))
	})
}

func FuzzHTMLText(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		src = bytes.ToValidUTF8(src, []byte("\uFFFD"))
		p := HTMLText(src)
		sameShapeHTML(t, src, p)
		if p.Main != nil {
			for _, l := range bytes.Split(p.Text, []byte("\n")) {
				p.Main(string(l))
			}
		}
	})
}
