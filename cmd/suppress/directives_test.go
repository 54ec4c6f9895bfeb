package suppress

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/chaff-dev/chaff/features"
)

// suppressedLines lists the lines of src on which rule is suppressed.
func suppressedLines(d *Directives, rule string, n int) []int {
	var out []int
	for l := 1; l <= n+1; l++ {
		if d.Suppressed(rule, l) {
			out = append(out, l)
		}
	}
	return out
}

func TestSuppressed(t *testing.T) {
	type want map[string][]int // rule -> suppressed lines
	tests := []struct {
		name string
		src  string
		want want
	}{
		{
			name: "no directives",
			src:  "one\ntwo\n",
			want: want{"residue.share": nil},
		},
		{
			name: "disable all to end of file",
			src:  "a\n<!-- chaff-disable -->\nb\nc",
			want: want{"residue.share": {2, 3, 4, 5}, "leak.chatbot": {2, 3, 4, 5}},
		},
		{
			name: "disable enable range includes the comment lines",
			src:  "a\n<!-- chaff-disable -->\nb\n<!-- chaff-enable -->\nc",
			want: want{"residue.share": {2, 3, 4}, "style.hedges": {2, 3, 4}},
		},
		{
			name: "one rule by ID",
			src:  "a\n<!-- chaff-disable residue.share -->\nb\n<!-- chaff-enable residue.share -->\nc",
			want: want{"residue.share": {2, 3, 4}, "residue.cookie": nil},
		},
		{
			name: "category prefix",
			src:  "<!-- chaff-disable residue -->\nb\n<!-- chaff-enable residue -->\nc",
			want: want{"residue.share": {1, 2, 3}, "residue.cookie": {1, 2, 3}, "leak.chatbot": nil},
		},
		{
			name: "prefix must end at a dot",
			src:  "<!-- chaff-disable resid -->\nb",
			want: want{"residue.share": nil},
		},
		{
			name: "several rules with commas and spaces, free whitespace",
			src:  "<!--chaff-disable   residue.share,leak.chatbot ,  style.hedges-->\nb",
			want: want{"residue.share": {1, 2, 3}, "leak.chatbot": {1, 2, 3}, "style.hedges": {1, 2, 3}, "residue.cookie": nil},
		},
		{
			name: "enable of one rule inside disable-all",
			src:  "<!-- chaff-disable -->\nb\n<!-- chaff-enable residue.share -->\nd\n<!-- chaff-enable -->\nf",
			want: want{"residue.share": {1, 2, 3}, "residue.cookie": {1, 2, 3, 4, 5}},
		},
		{
			name: "enable of a category inside disable-all",
			src:  "<!-- chaff-disable -->\nb\n<!-- chaff-enable residue -->\nd",
			want: want{"residue.share": {1, 2, 3}, "leak.chatbot": {1, 2, 3, 4, 5}},
		},
		{
			name: "nested ranges of different rules",
			src: strings.Join([]string{
				"<!-- chaff-disable residue -->",      // 1
				"a",                                   // 2
				"<!-- chaff-disable leak.chatbot -->", // 3
				"b",                                   // 4
				"<!-- chaff-enable residue -->",       // 5
				"c",                                   // 6
				"<!-- chaff-enable leak.chatbot -->",  // 7
				"d",                                   // 8
			}, "\n"),
			want: want{"residue.share": {1, 2, 3, 4, 5}, "leak.chatbot": {3, 4, 5, 6, 7}, "style.hedges": nil},
		},
		{
			name: "nested disable of the same rule: the first enable ends it",
			src:  "<!-- chaff-disable -->\na\n<!-- chaff-disable residue -->\nb\n<!-- chaff-enable residue -->\nc\n<!-- chaff-enable -->\nd",
			want: want{"residue.share": {1, 2, 3, 4, 5}, "leak.chatbot": {1, 2, 3, 4, 5, 6, 7}},
		},
		{
			name: "disable again after an enable",
			src:  "<!-- chaff-disable -->\na\n<!-- chaff-enable -->\nb\n<!-- chaff-disable residue -->\nc",
			want: want{"residue.share": {1, 2, 3, 5, 6, 7}, "leak.chatbot": {1, 2, 3}},
		},
		{
			name: "enable then disable on one line",
			src:  "<!-- chaff-disable -->\na\n<!-- chaff-enable --> <!-- chaff-disable -->\nb",
			want: want{"residue.share": {1, 2, 3, 4, 5}},
		},
		{
			name: "enable with nothing disabled is harmless",
			src:  "<!-- chaff-enable -->\na",
			want: want{"residue.share": nil},
		},
		{
			name: "next line",
			src:  "a\n<!-- chaff-disable-next-line residue.share -->\nb\nc",
			want: want{"residue.share": {3}, "residue.cookie": nil},
		},
		{
			name: "next line skips blank lines",
			src:  "a\n<!-- chaff-disable-next-line -->\n\n   \n\t\nb\nc",
			want: want{"residue.share": {6}, "leak.chatbot": {6}},
		},
		{
			name: "next line skips other directive lines",
			src:  "<!-- chaff-disable-next-line residue -->\n<!-- chaff-disable-next-line leak -->\nb\nc",
			want: want{"residue.share": {3}, "leak.chatbot": {3}, "style.hedges": nil},
		},
		{
			name: "next line targets an ordinary comment line",
			src:  "<!-- chaff-disable-next-line residue -->\n<!-- Share this article -->\nb",
			want: want{"residue.share": {2}},
		},
		{
			name: "next line from a comment at the end of a text line",
			src:  "a <!-- chaff-disable-next-line -->\nb\nc",
			want: want{"residue.share": {2}},
		},
		{
			name: "next line with a reason",
			src:  "<!-- chaff-disable-next-line residue.share -- the author's byline -->\nb",
			want: want{"residue.share": {2}, "residue.cookie": nil},
		},
		{
			name: "reason after disable-all",
			src:  "<!-- chaff-disable -- quoted chatbot transcript -->\nb",
			want: want{"leak.chatbot": {1, 2, 3}},
		},
		{
			name: "directive words are case-insensitive, rules too",
			src:  "<!-- Chaff-Disable-Next-Line Residue.Share -->\nb",
			want: want{"residue.share": {2}},
		},
		{
			name: "directives in a backtick fence are ignored",
			src:  "a\n```markdown\n<!-- chaff-disable -->\n```\nb",
			want: want{"residue.share": nil},
		},
		{
			name: "directives in a tilde fence are ignored, backticks do not close it",
			src:  "~~~~\n<!-- chaff-disable -->\n```\n<!-- chaff-disable-next-line -->\n~~~~\nb\n<!-- chaff-disable-next-line -->\nc",
			want: want{"residue.share": {8}},
		},
		{
			name: "a longer fence needs a fence as long to close",
			src:  "````\n```\n<!-- chaff-disable -->\n````\nb",
			want: want{"residue.share": nil},
		},
		{
			name: "fence indented three spaces is a fence, four is not",
			src:  "   ```\n<!-- chaff-disable-next-line -->\n   ```\nb\n    ```\n<!-- chaff-disable-next-line -->\nc",
			want: want{"residue.share": {7}},
		},
		{
			name: "a fence in a list item is a fence, indented as the item's text",
			src:  "1. Write this:\n\n    ```html\n    <!-- chaff-disable -->\n    ```\n\nb",
			want: want{"residue.share": nil},
		},
		{
			name: "a fence in a blockquote is a fence",
			src:  "> Example:\n>\n> ```\n> <!-- chaff-disable -->\n> ```\n\nb",
			want: want{"residue.share": nil},
		},
		{
			name: "after the list, a line indented four spaces is code again, not a fence",
			src:  "- item\n\nA paragraph.\n\n    ```\n<!-- chaff-disable-next-line -->\nc",
			want: want{"residue.share": {7}},
		},
		{
			name: "directive in an inline code span is ignored",
			src:  "Write `<!-- chaff-disable -->` to silence chaff.\nb",
			want: want{"residue.share": nil},
		},
		{
			name: "directive after an inline code span counts",
			src:  "Write `x` <!-- chaff-disable-next-line -->\nb",
			want: want{"residue.share": {2}},
		},
		{
			name: "comment spanning lines",
			src:  "a\n<!--\n  chaff-disable\n  residue.share\n-->\nb\n<!-- chaff-enable -->\nc",
			want: want{"residue.share": {2, 3, 4, 5, 6, 7}, "leak.chatbot": nil},
		},
		{
			name: "next line after a comment spanning lines",
			src:  "<!-- chaff-disable-next-line\n     residue -->\nb\nc",
			want: want{"residue.share": {3}},
		},
		{
			name: "CRLF input",
			src:  "a\r\n<!-- chaff-disable-next-line residue.share -->\r\n\r\nb\r\n<!-- chaff-disable -->\r\nc\r\n<!-- chaff-enable -->\r\nd\r\n",
			want: want{"residue.share": {4, 5, 6, 7}, "leak.chatbot": {5, 6, 7}},
		},
		{
			name: "lone CR ends a line, as in features.Document",
			src:  "a\r<!-- chaff-disable-next-line -->\rb\rc",
			want: want{"residue.share": {3}},
		},
		{
			name: "BOM",
			src:  "\uFEFF<!-- chaff-disable-next-line -->\nb",
			want: want{"residue.share": {2}},
		},
		{
			name: "ordinary comments and unknown words do nothing",
			src:  "<!-- chaff is a linter -->\n<!-- chaff-disabel -->\nb",
			want: want{"residue.share": nil},
		},
		{
			name: "unclosed comment is not a directive",
			src:  "<!-- chaff-disable\nb\nc",
			want: want{"residue.share": nil},
		},
		{
			name: "HTML document",
			src:  "<html><body>\n<p>Hi</p>\n<!-- chaff-disable residue -->\n<div class=share>Share</div>\n<!-- chaff-enable residue -->\n</body></html>",
			want: want{"residue.share": {3, 4, 5}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Parse([]byte(tt.src))
			n := len(splitLines([]byte(tt.src)))
			for rule, w := range tt.want {
				if got := suppressedLines(d, rule, n); !reflect.DeepEqual(got, w) {
					t.Errorf("%s: suppressed on %v, want %v", rule, got, w)
				}
			}
		})
	}
}

func TestProblems(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string // "line: substring"
	}{
		{"none", "<!-- chaff-disable residue.share, leak -->\n<!-- chaff-enable -->", nil},
		{"misspelt directive", "a\n<!-- chaff-disabel residue -->", []string{`2: unknown directive "chaff-disabel" (did you mean "chaff-disable"?)`}},
		{"swapped letters", "<!-- chaff-enalbe -->", []string{`1: unknown directive "chaff-enalbe" (did you mean "chaff-enable"?)`}},
		{"far off", "<!-- chaff-ignore-file -->", []string{`1: unknown directive "chaff-ignore-file" (want chaff-disable`}},
		{"unknown rule", "<!-- chaff-disable residue.shares -->", []string{`1: unknown rule "residue.shares" (did you mean "residue.share"?)`}},
		{"unknown category", "<!-- chaff-disable-next-line residu -->\nb", []string{`1: unknown rule "residu" (did you mean "residue"?)`}},
		{"next line at end", "a\n<!-- chaff-disable-next-line -->\n\n", []string{`2: chaff-disable-next-line has no line after it`}},
		{"unclosed", "a\n<!-- chaff-disable\nb", []string{`2: directive comment is never closed`}},
		{"in a fence", "```\n<!-- chaff-disabel -->\n```", nil},
		{"sorted by line", "<!-- chaff-disable-next-line -->\n<!-- chaff-disabel -->", []string{`1: chaff-disable-next-line has no line after it`, `2: unknown directive`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := Parse([]byte(tt.src)).Problems()
			if len(ps) != len(tt.want) {
				t.Fatalf("problems %v, want %d like %v", ps, len(tt.want), tt.want)
			}
			for i, p := range ps {
				if got := p.String(); !strings.HasPrefix(got, tt.want[i]) {
					t.Errorf("problem %d = %q, want prefix %q", i, got, tt.want[i])
				}
			}
		})
	}
}

func TestRuleIDsAreKnown(t *testing.T) {
	for _, id := range []string{"residue.share", "residue.cookie", "leak.chatbot", "style.hedges"} {
		if _, err := features.Lookup(id); err != nil {
			t.Fatalf("the tests use %s: %v", id, err)
		}
	}
}

func TestFilter(t *testing.T) {
	d := Parse([]byte("a\n<!-- chaff-disable-next-line residue -->\nShare this\nShare that"))
	fs := []features.Finding{
		{Rule: "residue.share", Line: 3, Column: 1},
		{Rule: "leak.chatbot", Line: 3, Column: 1},
		{Rule: "residue.share", Line: 4, Column: 1},
	}
	kept, sup := d.Filter(fs)
	if fmt.Sprint(kept) != fmt.Sprint(fs[1:]) || fmt.Sprint(sup) != fmt.Sprint(fs[:1]) {
		t.Errorf("kept %v, suppressed %v", kept, sup)
	}
	var none *Directives
	if none.Suppressed("residue.share", 1) || none.Problems() != nil {
		t.Error("nil Directives suppress nothing")
	}
}
