package features

import (
	"maps"
	"slices"
	"strings"
)

// This file implements rule residue.related-links; the rule's declaration,
// with its examples, is in residue.go's init.

var relatedLabels = resSet(
	"Also read", "Read more", "Read also", "Also see", "See also", "Related", "Related posts",
	"Related articles", "Related stories", "Related news", "Related content", "Related coverage",
	"Related topics", "Recommended", "Recommended for you", "Recommended stories",
	"Recommended articles", "You may also like", "You might also like", "You may be interested in",
	"Others are reading now", "More stories", "More from this section", "More on this story",
	"Most read", "Most popular", "Most viewed", "Popular posts", "Popular stories", "Don't miss",
	"Trending now", "Trending", "Trending stories", "Read next", "Read this next", "Keep reading",
	"Continue reading", "What to read next", "Top stories", "Editor's picks", "Must read",
	"More like this", "Latest stories", "Latest news", "Related reading", "In case you missed it",
	"We also love", "You might like", "You may like", "More for you", "More to explore",
	"Recent posts", "Recent articles", "Latest posts", "Popular now", "Most shared", "Most commented",
	"Latest articles", "More on", "From around the site", "From around the web", "Around the web",
	"More from around the web", "From the web", "Watch next", "Story timeline",
)

// relatedPrefixes may open a line that then names the linked headline.
var relatedPrefixes = []string{
	"also read", "read more", "read also", "also see", "see also", "related", "recommended",
	"don't miss", "must read", "read next", "related story", "related article", "related post",
	"related news", "related content", "more on this", "trending",
}

var relatedFilter = newResFilter(250, []map[string]bool{relatedLabels}, append(relatedPrefixes, slices.Sorted(maps.Keys(relatedLabels))...)...)

// relatedHeadline: a box's label, a colon or a bar, then the headline it
// links ("YOU MAY ALSO LIKE: Partner arrested after ...", "Most read |
// Floods close roads"), for every label of the box.
func relatedHeadline(raw, key string) bool {
	i := strings.IndexAny(key, ":|")
	if i <= 0 || !relatedLabels[strings.TrimSpace(key[:i])] {
		return false
	}
	n := len(strings.Fields(key[i+1:]))
	return n >= 1 && (n <= 14 || n <= 20 && !resEndsSentence(raw))
}

func extractRelatedLinks(d *Document) Result {
	return resScan(d, relatedFilter, func(i int, key string) bool {
		if relatedLabels[key] {
			return true
		}
		if rest, ok := strings.CutPrefix(key, "related "); ok && relatedWidgetNoun(rest) {
			return true
		}
		if relatedMoreFrom(key) && !resEndsSentence(d.Lines[i].Text) {
			return true
		}
		if relatedHeadline(d.Lines[i].Text, key) {
			return true
		}
		if key[0] != 'a' && key[0] != 'r' && key[0] != 's' && key[0] != 'd' && key[0] != 'm' && key[0] != 't' {
			return false
		}
		for _, p := range relatedPrefixes {
			if rest := resAfterLabel(key, p); rest != "" && len(strings.Fields(rest)) <= 20 {
				// a headline, not a long sentence of commentary.
				return len(strings.Fields(rest)) <= 14 || !resEndsSentence(d.Lines[i].Text)
			}
		}
		return false
	})
}

// relatedMoreFrom: "More from the BBC", "More videos from Reuters": a box
// of the site's or the author's other stories, named in a few words.
func relatedMoreFrom(key string) bool {
	for _, p := range []string{"more from ", "more videos from ", "more stories from ", "more articles from ", "more by "} {
		if rest, ok := strings.CutPrefix(key, p); ok {
			n := len(strings.Fields(rest))
			return n >= 1 && n <= 4
		}
	}
	return false
}

// relatedWidgetNoun: "tutorials", "recipes", "product videos": what a
// related-links box lists, one or two words ending in a plural. A paper's
// "Related work" section is singular.
func relatedWidgetNoun(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 || len(f) > 2 {
		return false
	}
	last := f[len(f)-1]
	return len(last) > 3 && strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ss") && !strings.ContainsAny(s, "0123456789")
}
