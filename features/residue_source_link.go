package features

import "strings"

// This file implements rule residue.source-link; the rule's declaration,
// with its examples, is in residue.go's init.

var sourceLabels = resSet("Source link", "Read the original article", "View original article", "Original article", "Source links")

// resShortName: 1–4 words, no sentence punctuation inside.
func resShortName(s string) bool {
	n := len(strings.Fields(s))
	return n >= 1 && n <= 4 && !strings.ContainsAny(s, ",;")
}

var sourceFilter = newResFilter(300, []map[string]bool{sourceLabels, resSet("source", "originally", "the post", "this", "via")},
	"source", "originally ", "the post ", "this article ", "this story ", "this post ", "via ")

func extractSourceLink(d *Document) Result {
	return resScan(d, sourceFilter, func(i int, key string) bool {
		if sourceLabels[key] {
			return true
		}
		raw := d.Lines[i].Text
		switch key[0] {
		case 's':
			if rest := resAfterLabel(key, "source"); rest != "" {
				if resDomain(rest) {
					return true
				}
				return resShortName(rest) && !resEndsSentence(raw) && resNearEnd(d, i, 3)
			}
		case 'o':
			for _, p := range []string{"originally published at ", "originally published on ", "originally posted at ", "originally posted on ", "originally appeared on "} {
				if strings.HasPrefix(key, p) {
					return !strings.Contains(key, ",") && len(strings.Fields(key)) <= 15
				}
			}
		case 't':
			if strings.HasPrefix(key, "the post ") && strings.Contains(key, " appeared first on ") {
				return true
			}
			for _, p := range []string{"this article was originally published", "this story was originally published",
				"this post was originally published", "this article first appeared", "this story first appeared",
				"this post first appeared", "this article was first published", "this article is republished from",
				"this story was first published"} {
				if strings.HasPrefix(key, p) {
					return true
				}
			}
		case 'v':
			if strings.HasPrefix(key, "via ") {
				return resShortName(key[4:]) && !resEndsSentence(raw) && resNearEnd(d, i, 3)
			}
		}
		return false
	})
}
