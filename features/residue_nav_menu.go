package features

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file implements rule residue.nav-menu; the rule's declaration,
// with its examples, is in residue.go's init.

// menuWords: what a site's menu lists, its topics and its own pages.
var menuWords = resUnion(siteWords, resSet(
	"home", "home page", "homepage", "news", "sport", "sports", "business", "world", "opinion",
	"login", "log in", "sign in", "register", "menu", "search", "about", "about us", "contact",
	"contact us", "politics", "entertainment", "lifestyle", "tech", "technology", "health", "science",
	"culture", "travel", "video", "videos", "podcasts", "podcast", "weather", "local", "uk", "us",
	"national", "economy", "markets", "arts", "books", "food", "style", "education", "jobs",
	"careers", "privacy", "privacy policy", "terms", "terms of use", "terms of service", "subscribe",
	"newsletter", "newsletters", "more", "latest", "shop", "blog", "games", "puzzles", "obituaries",
	"crime", "environment", "climate", "music", "film", "tv", "money", "cars", "property",
	"motoring", "fashion", "advertise", "faq", "help", "sitemap", "archive", "events", "photos",
	"gallery", "live", "my account", "account", "log out", "logout", "cookie policy", "football",
	"cricket", "tennis", "golf", "rugby", "f1", "us news", "uk news", "world news", "local news",
	"community", "pricing", "products", "deals", "recipes", "reviews", "guides", "trending", "popular",
))

// navItem: a menu entry — 1 to 3 words, no digits, no terminal punctuation,
// not a byline or a quotation.
func navItem(s string) bool {
	s = strings.TrimFunc(s, resEdge)
	s = strings.TrimLeft(s, "-*•·>#▪►◦ ")
	if s == "" || resOver(s, 40) {
		return false
	}
	f := strings.Fields(s)
	if len(f) > 3 || strings.EqualFold(f[0], "by") {
		return false
	}
	r0, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsLetter(r0) {
		return false
	}
	if r, _ := utf8.DecodeLastRuneInString(s); strings.ContainsRune(".!?,;:\"”)'’", r) {
		return false
	}
	for _, r := range s {
		if unicode.IsDigit(r) || r == '@' {
			return false
		}
	}
	// code is no menu: "#include <stdio.h>", "MAX_MEMBERS", "f(x)"
	return !strings.ContainsAny(s, "<>{}()=;_")
}

// navSeparators split a one-line menu.
var navSeparators = []string{" | ", " / ", " • ", " · ", " » ", " > ", " › "}

// navOneLine: "Home / News / Sport / Business / Contact", "Home » News » World".
func navOneLine(s string) bool {
	s = strings.TrimFunc(s, resEdge)
	if resOver(s, 160) {
		return false
	}
	for _, sep := range navSeparators {
		if !strings.Contains(s, sep) {
			continue
		}
		parts := strings.Split(s, sep)
		menu := 0
		for _, p := range parts {
			if !navItem(p) {
				return false
			}
			if menuWords[resKey(p)] {
				menu++
			}
		}
		n := len(parts)
		if (sep == " » " || sep == " › ") && resKey(parts[0]) == "home" {
			return true // a breadcrumb ("Home » Garden » Vines"); a UI path is written with ">"
		}
		return n >= 5 || n >= 3 && menu >= 2 && 2*menu > n
	}
	return false
}

// navEdgeMenu: a run of three menu entries is a menu only where a page's
// header or footer would be. Opening the document, above its headline,
// two of them must be a menu's words, topics included ("News / World /
// Europe"); closing it, two must be the site's own pages ("About",
// "Store", "Search"): "Music, Food, Theatre" ending an article is as
// likely its own list.
func navEdgeMenu(d *Document, run []int) bool {
	site, menu := 0, 0
	for _, i := range run {
		k := resKey(d.Lines[i].Text)
		if siteWords[k] {
			site++
		}
		if menuWords[k] {
			menu++
		}
	}
	if resPrevNonBlank(d, run[0]) < 0 {
		return menu >= 2
	}
	return site >= 2 && resNextNonBlank(d, run[len(run)-1]) < 0
}

// navCrumb: a breadcrumb, "Home / India News / <the headline>", "Home >
// Companies & Markets": steps of a menu entry each after "Home", the last
// of which may be the article's own title; with a slash or a bar, two
// steps at least ("Home / Away kits" is a pair). Only where it stands,
// above the first line of prose, tells it from a path in a how-to ("Home >
// Settings").
func navCrumb(s string) bool {
	if r, _ := utf8.DecodeRuneInString(resLead(s)); r != 'H' {
		return false
	}
	s = foldLine(resTrim(s))
	for _, sep := range []string{" / ", " > ", " » ", " › ", " | "} {
		parts := strings.Split(s, sep)
		if len(parts) < 2 {
			continue
		}
		if parts[0] != "home" || len(parts) < 3 && (sep == " / " || sep == " | ") {
			return false
		}
		for _, p := range parts[1 : len(parts)-1] {
			if !navItem(p) {
				return false
			}
		}
		last := parts[len(parts)-1]
		return len(strings.Fields(last)) <= 15 && !resEndsSentence(last)
	}
	return false
}

// navEdgeLone: one or two entries alone at the very top of the document,
// every one of them a menu's word: a section's name above the headline
// ("Crime", "Politics"), with an article below it (a page of menu words
// alone is left to the runs). No person-written text of the corpus
// (5,491), nor any of the 85 clean article bodies, opens with such a line.
// A heading ("# News", or "News" over "====") is the document's title. At
// the bottom, a lone "Home" or "NEWS" is as often a manual's own
// navigation or a table of contents' last entry, so it is left alone.
func navEdgeLone(d *Document, run []int) bool {
	if resPrevNonBlank(d, run[0]) >= 0 {
		return false
	}
	prose := false
	for _, l := range d.Lines {
		if prose = !l.Blank && resProse(l.Text); prose {
			break
		}
	}
	if !prose {
		return false
	}
	for _, i := range run {
		if navStyle(d.Lines[i].Text) != 0 || !menuWords[resKey(d.Lines[i].Text)] {
			return false
		}
		if i+1 < len(d.Lines) && strings.Trim(resTrim(d.Lines[i+1].Text), "=-") == "" && !resBlank(d.Lines[i+1]) {
			return false // a setext heading
		}
	}
	return true
}

// navOwnList: a run of five or more short lines, too few of them a menu's
// words, is the article's own list (a recipe's ingredients, a kit list)
// when the article introduces it: the line above ends with a colon ("You
// will need:"), or a heading of the article stands over it, inside the
// article, with running text both above the heading and below the list.
// The heading is the line right above the run ("## Ingredients", "What You
// Need" over "- Tent"), or the run's own first line standing apart, a blank
// line between it and the items packed below it. A menu stands at the
// page's edge, above the article or below it, where no such heading is.
func navOwnList(d *Document, run []int) bool {
	p := resPrevNonBlank(d, run[0])
	if p >= 0 && strings.HasSuffix(resTrim(d.Lines[p].Text), ":") {
		return true
	}
	head, items := p, run
	if !navHeading(d, head) {
		// the run's first line over the rest, packed: "What You Need", a
		// blank line, then "Tent", "Stove", ... one after another.
		if !navHeading(d, run[0]) || run[1] == run[0]+1 {
			return false
		}
		for k := 2; k < len(run); k++ {
			if run[k] != run[k-1]+1 {
				return false
			}
		}
		head, items = run[0], run[1:]
	}
	for _, i := range append([]int{head}, items...) {
		if !navArticleLine(d, i) {
			return false
		}
	}
	return navProseAround(d, head, items[len(items)-1])
}

// navArticleLine: line i belongs to the article's main text, as an HTML
// page's extractor found it (every line of any other document does). A
// page's menus stand outside it, headed or not.
func navArticleLine(d *Document, i int) bool {
	return d.proseKeep == nil || d.proseKeep(d.Lines[i].Text)
}

// navHeading: line i is a heading of the article, a Markdown heading or a
// title-case line (the document's Headings), or a single capitalised word.
func navHeading(d *Document, i int) bool {
	if i < 0 {
		return false
	}
	if d.IsHeading(i) {
		return true
	}
	t := resTrim(d.Lines[i].Text)
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsUpper(r) && len(strings.Fields(t)) == 1 && navItem(t)
}

// navProseAround: a line of the article's running text comes before line
// first and another after line last.
func navProseAround(d *Document, first, last int) bool {
	before, after := false, false
	for k := first - 1; k >= 0 && !before; k-- {
		before = !resBlank(d.Lines[k]) && resProse(d.Lines[k].Text) && navArticleLine(d, k)
	}
	for k := last + 1; k < len(d.Lines) && !after; k++ {
		after = !resBlank(d.Lines[k]) && resProse(d.Lines[k].Text) && navArticleLine(d, k)
	}
	return before && after
}

func extractNavMenu(d *Document) Result {
	var fs []Finding
	var run []int
	prose := false // a line of prose came before
	menu := 0
	style := rune(-1)
	flush := func() {
		n := len(run)
		if n > 0 && n <= 2 && navEdgeLone(d, run) || n == 3 && navEdgeMenu(d, run) {
			for _, i := range run {
				fs = append(fs, d.LineFinding(i, 1))
			}
		}
		if n >= 4 {
			if (n >= 5 && !navOwnList(d, run)) || 2*menu > n {
				for _, i := range run {
					fs = append(fs, d.LineFinding(i, 1))
				}
			}
		}
		run, menu, style = run[:0], 0, -1
	}
	blanks := 0
	for i, l := range d.Lines {
		if resBlank(l) {
			blanks++
			if blanks > 2 {
				flush()
			}
			continue
		}
		blanks = 0
		if !prose && navCrumb(l.Text) {
			flush()
			fs = append(fs, d.LineFinding(i, 1))
			continue
		}
		prose = prose || resProse(l.Text)
		if d.resLen(i) > 160 {
			flush()
			continue
		}
		if navItem(l.Text) {
			// a menu is uniform: a heading or a bullet style change ends the run.
			if st := navStyle(l.Text); st != style {
				flush()
				style = st
			}
			run = append(run, i)
			if menuWords[resKey(l.Text)] {
				menu++
			}
			continue
		}
		flush()
		if navOneLine(l.Text) {
			fs = append(fs, d.LineFinding(i, 1))
		}
	}
	flush()
	return resResult(fs)
}
