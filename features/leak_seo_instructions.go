package features

import "strings"

// This file implements rule leak.seo-instructions; the rule's declaration,
// with its examples, is in leak.go's init.

// seoColonLabels are brief fields; they count only when followed by a colon.
var seoColonLabels = []string{
	"meta description", "meta title", "meta keywords", "seo meta description",
	"focus keyword", "focus keywords", "focus keyphrase", "focus key phrase",
	"target keyword", "target keywords", "primary keyword", "primary keywords",
	"secondary keyword", "secondary keywords", "lsi keywords",
	"seo title", "seo keywords", "seo slug", "url slug", "slug",
}

// seoHeadingLabels are section titles of a leaked brief: alone on their line
// or followed by a colon.
var seoHeadingLabels = []string{
	"seo considerations", "seo optimization", "seo optimisation", "seo optimization tips",
	"seo optimisation tips", "seo elements", "seo notes", "seo recommendations",
}

var seoInstructionPhrases = NewPhraseSet([]string{
	"focus strategically on keywords", "focusing strategically on keywords",
	"focuses strategically on keywords",
	"incorporating these keywords naturally", "incorporate these keywords naturally",
	"incorporating the keywords naturally", "incorporate the keywords naturally",
	"naturally incorporating these keywords", "naturally incorporate these keywords",
	"naturally incorporating the keywords", "naturally incorporate the keywords",
	"to optimize online visibility", "to optimise online visibility",
	"optimize this article for search engines", "optimise this article for search engines",
	"optimize the article for search engines", "optimise the article for search engines",
	"optimized for search engines and readers", "optimised for search engines and readers",
	"include the following keywords", "use the following keywords",
	"using the following keywords", "seo-optimized article", "seo-optimised article",
	"seo-friendly article",
})

// seoLabelLine reports whether a line opens with a leaked SEO brief label.
func seoLabelLine(line string) bool {
	t := strings.TrimSpace(line)
	t = strings.TrimLeft(t, "#*_->• \t")
	if t == "" {
		return false
	}
	switch c := t[0] | 0x20; c { // cheap pre-check on the first letter
	case 'm', 'f', 't', 'p', 's', 'u', 'l':
	default:
		return false
	}
	p := t
	if len(p) > 48 {
		p = p[:48]
	}
	p = lowerASCII(p)
	for _, l := range seoColonLabels {
		if strings.HasPrefix(p, l) && strings.HasPrefix(strings.TrimLeft(p[len(l):], "*_ "), ":") {
			if strings.HasSuffix(l, "slug") {
				// a newsroom slug ("SLUG: BC-Budget-Vote") is not an SEO brief;
				// a URL slug is lower-case kebab-case.
				v := strings.Trim(t[strings.IndexByte(t, ':')+1:], "*_ \t`")
				return seoKebab(v)
			}
			return true
		}
	}
	if len(t) > 48 {
		return false
	}
	for _, l := range seoHeadingLabels {
		if strings.HasPrefix(p, l) && strings.Trim(p[len(l):], "*_: ") == "" {
			return true
		}
	}
	return false
}

// seoKebab: "best-hiking-boots" (lower-case words joined by hyphens).
func seoKebab(v string) bool {
	if !strings.Contains(v, "-") || strings.HasPrefix(v, "-") || strings.HasSuffix(v, "-") {
		return false
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '/') {
			return false
		}
	}
	return true
}

func extractSEOInstructions(d *Document) Result {
	var fs []Finding
	seen := map[int]bool{}
	for i, l := range d.Lines {
		if !l.Blank && seoLabelLine(l.Text) {
			seen[i] = true
			fs = append(fs, d.LineFinding(i, 1))
		}
	}
	for _, m := range seoInstructionPhrases.FindLongest(d) {
		li := d.Tokens[m.FirstToken].Line
		if seen[li] || d.acrossBreak(m) || leakQuoteBefore(d, m) || reportedInstruction(d, m) {
			continue
		}
		seen[li] = true
		fs = append(fs, d.Finding(m.Span, 1))
	}
	leakSortFindings(fs)
	return leakResult(fs)
}

// reportedVerbs, followed by "to" earlier in the sentence, make an
// instruction reported rather than given: "Writers were told to ...,
// incorporating the keywords naturally", "asked freelancers to use the
// following keywords". A leaked brief gives it: "Write 800 words, ...".
var reportedVerbs = map[string]bool{
	"told": true, "asked": true, "instructed": true, "required": true, "ordered": true,
	"directed": true, "urged": true, "expected": true, "paid": true, "encouraged": true,
}

// reportedInstruction tells whether a reportedVerbs word stands earlier in
// m's sentence with "to" among the four tokens after it.
func reportedInstruction(d *Document, m PhraseMatch) bool {
	start, _ := sentenceOf(d, m.FirstToken)
	for k := start; k < m.FirstToken; k++ {
		if !reportedVerbs[d.Tokens[k].Lower] {
			continue
		}
		for j := k + 1; j <= k+4 && j < m.FirstToken; j++ {
			if d.Tokens[j].Lower == "to" {
				return true
			}
		}
	}
	return false
}
