package features

import "strings"

// This file implements rule residue.tag-list; the rule's declaration,
// with its examples, is in residue.go's init.

var tagLabels = resSet("Tags", "Tag", "Filed under", "Categories", "Category", "Topics", "Tagged",
	"Tagged with", "Labels", "Posted in", "Related tags", "Article tags", "Tags for this article",
	"Tagged under", "Tagged in", "This article tagged under", "This article is tagged under")

var tagPrefixes = []string{"tags", "tag", "filed under", "categories", "category", "topics", "tagged",
	"tagged with", "tagged under", "tagged in", "labels", "posted in", "related tags"}

var tagFilter = newResFilter(250, []map[string]bool{tagLabels}, tagPrefixes...)

func extractTagList(d *Document) Result {
	return resScan(d, tagFilter, func(i int, key string) bool {
		if tagLabels[key] {
			return true
		}
		switch key[0] {
		case 't', 'f', 'c', 'l', 'p', 'r':
		default:
			return false
		}
		for _, p := range tagPrefixes {
			if rest := resAfterLabel(key, p); rest != "" {
				// a list of tags, not a sentence.
				return !resEndsSentence(d.Lines[i].Text) && len(strings.Fields(rest)) <= 30
			}
		}
		// a page's table layout: the label, then its tags apart by runs
		// of blanks ("Tags      Budget      Council"); a justified line of
		// running text ("Labels  to apply to the resources ...") has
		// longer stretches between its runs
		raw := resLead(d.Lines[i].Text)
		for _, p := range tagPrefixes {
			if len(raw) > len(p)+2 && strings.EqualFold(raw[:len(p)], p) && (raw[len(p):len(p)+2] == "  " || raw[len(p)] == '\t') {
				return !resEndsSentence(raw) && len(strings.Fields(raw)) <= 30 && tagColumns(raw[len(p):])
			}
		}
		return false
	})
}

// tagColumns: two or more items of at most four words each, apart by runs
// of two or more blanks or by tabs.
func tagColumns(s string) bool {
	items := 0
	for _, item := range strings.Split(strings.ReplaceAll(s, "\t", "  "), "  ") {
		if item = strings.TrimSpace(item); item == "" {
			continue
		}
		if len(strings.Fields(item)) > 4 {
			return false
		}
		items++
	}
	return items >= 2
}
