package features

import "strings"

// This file implements rule residue.advertisement; the rule's declaration,
// with its examples, is in residue.go's init.

var adLabels = resSet(
	"Advertisement", "Advertisements", "Advert", "Ad", "Ads", "Sponsored", "Sponsored content",
	"Sponsored post", "Sponsored links", "Paid content", "Paid post", "Promoted", "Promoted content",
	"Partner content", "Story continues below advertisement", "Article continues below advertisement",
	"Article continues below", "Story continues below", "Continue reading below",
	"Scroll to continue with content", "Scroll to continue", "Advertisement - Scroll to continue",
	"Continue reading after the ad", "Content continues below", "Ad feedback", "Report this ad",
	"Skip ad", "Close ad", "Advertisement - story continues below", "(Advertisement)",
	"Continue reading the main story", "Remove ads", "Ad loading",
	"Taboola", "Outbrain", "Promoted links", "Promoted stories", "Sponsored stories", "Ads by Google",
	"Promoted by Taboola", "Promoted links by Taboola", "Recommended by Outbrain", "AdChoices", "Ad choices", "Sponsored by",
	"Is sponsored by", "Show ad", "Hide ad",
)

var adFilter = newResFilter(resMaxLine, []map[string]bool{adLabels, resSet("(", "[")})

func extractAdvertisement(d *Document) Result {
	r := resScan(d, adFilter, func(_ int, key string) bool {
		return adLabels[strings.Trim(key, "()[] ")]
	})
	ms := affiliatePhrases.Find(d)
	if len(ms) == 0 {
		return r
	}
	lines := map[int]bool{}
	for _, f := range r.Findings {
		lines[f.Line] = true
	}
	for _, m := range ms {
		f := d.LineFinding(d.Tokens[m.FirstToken].Line, 1)
		if lines[f.Line] || !affiliateNotice(d, m) {
			continue
		}
		lines[f.Line] = true
		r.Findings = append(r.Findings, f)
	}
	leakSortFindings(r.Findings)
	return resResult(r.Findings)
}

// affiliatePhrases are what a shop's disclosure says of the links around
// it. A sentence holding one is a notice when the site speaks of itself
// (affiliateNotice).
var affiliatePhrases = NewPhraseSet([]string{
	"affiliate link", "affiliate links", "affiliate commission", "affiliate commissions",
	"may earn a commission", "may earn a small commission", "may earn commission", "may earn an affiliate commission",
	"may receive a commission", "may receive a small commission", "may receive commission", "may receive compensation",
	"may be compensated", "may get a commission", "may earn a share", "might earn a commission",
	"we earn a commission", "we earn a small commission", "we receive a commission", "we receive a small commission",
	"earn from qualifying purchases", "as an amazon associate",
})

// affiliateSelf are the words by which a notice names the site and its
// links: "we", "this post", "our advertisers".
var affiliateSelf = map[string]bool{
	"we": true, "our": true, "us": true, "i": true, "my": true, "this": true, "these": true,
	"site": true, "page": true, "post": true, "posts": true, "article": true, "story": true, "stories": true,
}

// affiliateNotice: m's sentence speaks of the site itself ("we", "this
// post") or is a label of a dozen words ("The Harbour Post may receive a
// commission"); a report of the practice ("..., the regulator said"; a
// quotation) is news about it, not a notice.
func affiliateNotice(d *Document, m PhraseMatch) bool {
	start, end := sentenceOf(d, m.FirstToken)
	words, self := 0, false
	for k := start; k < end; k++ {
		t := d.Tokens[k]
		if t.Kind == Punct && strings.ContainsAny(t.Text, "\"“”«»") || attributionVerbs[t.Lower] || t.Lower == "according" {
			return false
		}
		if t.Kind == Word {
			words++
			self = self || affiliateSelf[t.Lower]
		}
	}
	return self || words <= 12
}
