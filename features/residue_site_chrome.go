package features

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file implements rule residue.site-chrome; the rule's declaration,
// with its examples, is in residue.go's init.

// chromeLabels are links and notices of a site's header and footer, which
// no article carries as a line of its own. Single words ("Home", "Search",
// "Menu") are left to residue.nav-menu, which wants a run of them.
var chromeLabels = resSet(
	"Skip to content", "Skip to main content", "Skip navigation", "Jump to navigation",
	"Privacy Policy", "Privacy Notice", "Privacy Statement", "Privacy & Cookies", "Privacy and Cookies",
	"Privacy Policy & Cookies", "Your Privacy Choices", "Your Privacy Rights",
	"Terms of Use", "Terms of Service", "Terms and Conditions", "Terms & Conditions", "Terms of Sale",
	"Accessibility Statement", "Sitemap", "Site Map", "Site Index", "Advertise With Us", "Media Kit",
	"Do Not Sell My Personal Information", "Do Not Sell My Info", "Do Not Sell or Share My Personal Information",
	"Back to top", "Scroll to top", "Go to top", "Top of page",
	"Previous post", "Next post", "Previous article", "Next article", "Previous story", "Next story",
	"Older posts", "Newer posts", "Older post", "Newer post",
	"Affiliate Disclosure", "Advertiser Disclosure", "Editorial Policy", "Editorial Guidelines",
	"Corrections Policy", "Ethics Policy", "All rights reserved", "Powered by WordPress",
	"Proudly powered by WordPress", "Leave this field empty if you're human", "Leave this field blank",
	"Text size", "Font size", "Change text size", "Change font size",
	"Sign in", "Log in", "Sign out", "Log out", "Sign in / Register", "Log in / Register",
	"Previous", "Next", "Prev", "Previous page", "Next page",
	"Search for", "Edit this page", "Powered by", "Report a correction", "Report a correction or typo",
	"Report a typo", "Report an error", "Suggest a correction", "×", "✕",
	"You are here", "Story saved", "Article saved", "Save story", "Save article", "Save for later",
	"Loading comments", "Loading video", "Loading player", "Loading newsletters", "Error loading", "Loading error loading",
	"Bookmark", "Bookmark this article", "Add to bookmarks",
	"Copyright Infringement Notification", "Copyright Policy",
	"DMCA", "DMCA Policy", "Legal Notice", "Legal Notices", "Cookie Policy", "Community Guidelines",
)

// ctaLabels are a page's buttons, which a document may also use as a
// section's title ("## Learn more" in a README): as a heading they stay
// quiet.
var ctaLabels = resSet("Learn more", "Find out more", "Click here")

// legalLinks end a footer link that names its site first ("Intel Terms of
// Use", "BBC Privacy Policy").
var legalLinks = []string{" terms of use", " terms of service", " privacy policy", " privacy notice", " cookie policy", " terms and conditions", " terms & conditions"}

// chromeLegal: a footer's legal link after the site's name, in title case
// ("Intel Terms of Use"); a sentence ("We changed our privacy policy") is
// not in title case.
func chromeLegal(raw, key string) bool {
	found := false
	for _, l := range legalLinks {
		found = found || strings.HasSuffix(key, l)
	}
	if !found {
		return false
	}
	// not a heading in capitals: "END OF TERMS AND CONDITIONS" closes a licence
	return strings.ContainsFunc(raw, unicode.IsLower) && resTitle(raw, 7, legalSmallWords)
}

var legalSmallWords = map[string]bool{"of": true, "and": true, "&": true}

// chromeReadTime: a reading-time label ("1 Min Read", "5 minute read",
// "Reading time: 4 minutes").
func chromeReadTime(key string) bool {
	if !strings.Contains(key, " min") {
		return false
	}
	f := strings.Fields(strings.TrimPrefix(strings.TrimPrefix(key, "reading time"), ":"))
	switch {
	case len(f) == 3 && f[2] == "read", len(f) == 4 && f[2] == "read" && f[3] == "time":
	case len(f) == 2 && strings.HasPrefix(key, "reading time"):
	default:
		return false
	}
	return resCount(f[0]) && (f[1] == "min" || f[1] == "mins" || f[1] == "minute" || f[1] == "minutes")
}

// pagerWords are page links that are also everyday words: a pager prints
// them capitalised, while a hard-wrapped sentence can leave "next" alone
// on its last line.
var pagerWords = resSet("Previous", "Next", "Prev")

// chromePrefixes open a line that then names a page ("Next post: ...") or
// a site ("Skip to primary sidebar", "© 2020 ...").
var chromePrefixes = []string{
	"skip to ", "previous post", "next post", "previous article", "next article", "copyright ", "©", "(c) ",
	"this link is to an external site", "retrieved from \"", "this page was last ", "last edited by ", "page ",
}

// edgeLabels are a header's or footer's single links, which an article
// may use as a heading ("Home", "Help") but never as its first or last line:
// there they are the page's edge, scraped with it.
var edgeLabels = resSet("Home", "Search", "Menu", "Main menu", "Help", "Navigation", "Up next",
	"Search this site", "Open menu", "Close menu", "Toggle navigation", "Show more", "Load more")

var chromeFilter = newResFilter(200, []map[string]bool{chromeLabels, siteWords, resLetters,
	resSet("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")}, chromePrefixes...)

// agoUnits are the units of a post's relative timestamp ("1 min ago").
var agoUnits = map[string]bool{
	"sec": true, "secs": true, "second": true, "seconds": true, "min": true, "mins": true,
	"minute": true, "minutes": true, "hr": true, "hrs": true, "hour": true, "hours": true,
	"day": true, "days": true, "week": true, "weeks": true, "month": true, "months": true,
	"year": true, "years": true,
}

// chromeAgo: a line that is only a relative timestamp ("1 min ago", "5
// hours ago", "Published 1 day ago"): a feed's or a comment's date, which
// no writer types.
func chromeAgo(key string) bool {
	if !strings.HasSuffix(key, " ago") {
		return false
	}
	f := stampLabel(strings.Fields(key))
	return len(f) == 3 && f[2] == "ago" && agoUnits[f[1]] && resCount(f[0])
}

// stampLabels open a page's date line: "Published", "Updated on", "Last
// updated:".
var stampLabels = map[string]bool{"published": true, "updated": true, "posted": true, "modified": true,
	"last updated": true, "last modified": true, "first published": true}

// stampLabel drops a date line's label ("updated:", "published on") from
// its words.
func stampLabel(f []string) []string {
	for n := 2; n >= 1; n-- {
		if len(f) > n && stampLabels[strings.TrimSuffix(strings.Join(f[:n], " "), ":")] {
			f = f[n:]
			if f[0] == "on" || f[0] == "at" || f[0] == ":" {
				f = f[1:]
			}
			return f
		}
	}
	return f
}

// chromeStamp: a line that is only a page's date stamp, a date with a time
// of day ("19 Nov 2019 05:44 GMT", "11/19/2019 06:18 PM", "Updated: Nov 20
// 2019, 15:24 IST"), which a CMS prints and no writer types. A date alone
// ("September 12, 2016", "Published 18 November 2019") stays quiet: a
// writer's dateline, and what an extractor keeps as part of the article.
func chromeStamp(key string) bool {
	if strings.IndexAny(key, "0123456789") < 0 {
		return false // most short lines: no number, no date
	}
	f := strings.FieldsFunc(key, func(r rune) bool { return r == ' ' || r == ',' || r == '|' || r == '•' || r == '·' })
	if len(f) < 2 || len(f) > 12 {
		return false
	}
	f = stampLabel(f)
	if len(f) > 0 && stampWeekday(f[0]) {
		f = f[1:]
	}
	f, date := stampDate(f)
	if !date {
		return false
	}
	if len(f) > 0 && (f[0] == "at" || f[0] == "-" || f[0] == "–" || f[0] == "/") {
		f = f[1:]
	}
	clock := false
	if len(f) > 0 && stampClock(f[0]) {
		clock = true
		f = f[1:]
		if len(f) > 0 && stampMeridiem(f[0]) {
			f = f[1:]
		}
		if len(f) > 0 && stampZone(f[0]) {
			f = f[1:]
		}
	}
	return len(f) == 0 && clock
}

var stampMonths = func() map[string]bool {
	m := map[string]bool{}
	for _, s := range []string{"january", "february", "march", "april", "may", "june", "july", "august",
		"september", "october", "november", "december"} {
		m[s], m[s[:3]], m[s[:3]+"."] = true, true, true
	}
	m["sept"], m["sept."] = true, true
	return m
}()

func stampWeekday(w string) bool {
	w = strings.TrimSuffix(w, ".")
	for _, d := range []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"} {
		if w == d || w == d[:3] {
			return true
		}
	}
	return false
}

// stampDate takes a date off the front of f: "19 nov 2019", "nov 20 2019",
// "november 20th 2019", "11/19/2019", "2019-11-19", "20.11.2019".
func stampDate(f []string) ([]string, bool) {
	if len(f) >= 3 && stampDay(f[0]) && stampMonths[f[1]] && stampYear(f[2]) {
		return f[3:], true
	}
	if len(f) >= 3 && stampMonths[f[0]] && stampDay(f[1]) && stampYear(f[2]) {
		return f[3:], true
	}
	if len(f) >= 1 && stampNumericDate(f[0]) {
		return f[1:], true
	}
	return f, false
}

func stampDay(w string) bool {
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		w = strings.TrimSuffix(w, suf)
	}
	return len(w) >= 1 && len(w) <= 2 && isDigit(w[0]) && isDigit(w[len(w)-1])
}

func stampYear(w string) bool { return len(w) == 4 && resHasYear(w) }

// stampNumericDate: three numbers joined by / - or ., one of them a year or
// all of them short ("11/19/2019", "2019-11-19", "19.11.19").
func stampNumericDate(w string) bool {
	var sep byte
	for i := 0; i < len(w); i++ {
		if c := w[i]; c == '/' || c == '-' || c == '.' {
			sep = c
			break
		}
	}
	if sep == 0 {
		return false
	}
	parts := strings.Split(w, string(sep))
	if len(parts) != 3 {
		return false
	}
	for _, p := range parts {
		if len(p) == 0 || len(p) > 4 {
			return false
		}
		for i := 0; i < len(p); i++ {
			if !isDigit(p[i]) {
				return false
			}
		}
	}
	return len(parts[0]) == 4 || len(parts[2]) == 4 || len(parts[2]) == 2
}

// stampClock: "05:44", "9:22", "15:24pm", "10:12:30", "6.18pm".
func stampClock(w string) bool {
	for _, m := range []string{"am", "pm", "a.m.", "p.m."} {
		if v, ok := strings.CutSuffix(w, m); ok {
			w = v
			break
		}
	}
	i := strings.IndexAny(w, ":.")
	if i < 1 || i > 2 || len(w) < i+3 {
		return false
	}
	for k := 0; k < len(w); k++ {
		if !isDigit(w[k]) && !(w[k] == ':' && (k == i || k == i+3)) && !(k == i && w[k] == '.') {
			return false
		}
	}
	return len(w) == i+3 || len(w) == i+6 && w[i] == ':'
}

func stampMeridiem(w string) bool {
	return w == "am" || w == "pm" || w == "a.m." || w == "p.m." || w == "a.m" || w == "p.m"
}

// stampZone: a time zone's letters ("GMT", "IST", "ET") or an offset ("+0100", "UTC+1").
func stampZone(w string) bool {
	if (w[0] == '+' || w[0] == '-') && len(w) >= 3 && len(w) <= 6 {
		return isDigit(w[1])
	}
	if len(w) < 2 || len(w) > 5 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; !(c >= 'a' && c <= 'z' || i >= 3 && (c == '+' || c == '-' || isDigit(c))) {
			return false
		}
	}
	return true
}

// chromeEdge: a header's or footer's single link as the document's first
// or last line, beside the article's text (a run of such lines is a menu,
// residue.nav-menu's). A Markdown heading is a title the writer chose ("#
// Help" atop a help page), not a scraped link.
func chromeEdge(d *Document, i int, key string) bool {
	if !edgeLabels[key] && !edgeCounter(key) || strings.HasPrefix(resTrim(d.Lines[i].Text), "#") {
		return false
	}
	prev, next := resPrevNonBlank(d, i), resNextNonBlank(d, i)
	// above the text a number may be a chapter's ("1", "22"); only a
	// counter's "0" is never one
	if prev < 0 && !edgeLabels[key] && key != "0" {
		return false
	}
	switch {
	case prev < 0 && next < 0:
		return true
	case prev < 0:
		return resProse(d.Lines[next].Text)
	case next < 0:
		return resProse(d.Lines[prev].Text)
	}
	return false
}

// edgeCounter: a number of one to three digits alone, a like, comment or
// share counter (or a page number) scraped with the page's edge (above the
// text, only "0": see chromeEdge). Not a year: "2019" under an essay dates
// it.
func edgeCounter(key string) bool {
	if len(key) == 0 || len(key) > 3 {
		return false
	}
	for i := 0; i < len(key); i++ {
		if !isDigit(key[i]) {
			return false
		}
	}
	return true
}

// chromePoweredBy: a footer's credit to the software behind the page
// ("Powered by Blogger", "blog comments powered by Disqus"): a short line
// that is no sentence and ends in the name, capitalised, among the last
// five (a review's spec list may say "Powered by Snapdragon" higher up).
// "Powered by the Sun" and a Markdown heading ("## Powered by Rust") are
// titles.
func chromePoweredBy(raw, key string) bool {
	if !strings.Contains(key, "powered by ") || strings.HasPrefix(resTrim(raw), "#") || endsSentence(raw) {
		return false
	}
	f := strings.Fields(raw)
	if len(f) > 6 {
		return false
	}
	for j := 1; j+1 < len(f); j++ {
		if strings.EqualFold(f[j-1], "powered") && strings.EqualFold(f[j], "by") {
			name := f[j+1:]
			r, _ := utf8.DecodeRuneInString(name[0])
			return len(name) <= 2 && unicode.IsUpper(r)
		}
	}
	return false
}

// videoLabels name a video player's link, which shows the video's length
// after it ("Watch video 02:17").
var videoLabels = map[string]bool{"video": true, "watch video": true, "play video": true, "watch": true, "watch now": true, "duration": true}

// chromeVideo: a video label and its length, "Watch video 02:17", "Video
// 1:45".
func chromeVideo(key string) bool {
	f := strings.Fields(key)
	if len(f) < 2 || len(f) > 3 {
		return false
	}
	d := f[len(f)-1]
	c := strings.IndexByte(d, ':')
	if c < 1 || c > 2 || len(d)-c-1 != 2 {
		return false
	}
	for i := 0; i < len(d); i++ {
		if i != c && !isDigit(d[i]) {
			return false
		}
	}
	return videoLabels[strings.TrimSuffix(strings.Join(f[:len(f)-1], " "), ":")]
}

// chromeCrumb: a breadcrumb's first step left on a line of its own ("Home »").
func chromeCrumb(line, key string) bool {
	if !siteWords[key] {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(resTrim(line))
	return r == '»' || r == '›' || r == '>'
}

func extractSiteChrome(d *Document) Result {
	return resScan(d, chromeFilter, func(i int, key string) bool {
		if pagerWords[key] {
			r, _ := utf8.DecodeRuneInString(resLead(d.Lines[i].Text))
			return unicode.IsUpper(r)
		}
		if chromeLabels[key] || chromeAgo(key) || chromeStamp(key) || chromeCrumb(d.Lines[i].Text, key) || chromeEdge(d, i, key) ||
			chromeReadTime(key) || chromeLegal(d.Lines[i].Text, key) || chromePoweredBy(d.Lines[i].Text, key) && resNearEnd(d, i, 5) || chromeVideo(key) ||
			ctaLabels[key] && !strings.HasPrefix(resTrim(d.Lines[i].Text), "#") {
			return true
		}
		if key == "top" && strings.ContainsAny(d.Lines[i].Text, resArrows) {
			return true // a back-to-top link drawn as an arrow: "▲top", "Top ↑"
		}
		if key == "loading" {
			// a widget still loading when the page was saved; without its
			// dots the word may be a manual's heading
			t := resTrim(d.Lines[i].Text)
			return strings.HasSuffix(t, "...") || strings.HasSuffix(t, "…")
		}
		words := len(strings.Fields(key))
		switch {
		case strings.HasPrefix(key, "skip to "):
			return words <= 5
		case strings.HasPrefix(key, "©") || strings.HasPrefix(key, "copyright ") || strings.HasPrefix(key, "(c) "):
			// a copyright line names a year or reserves the rights; a
			// photo credit ("© Getty Images") does neither
			return words <= 25 && (resHasYear(key) || strings.Contains(key, "all rights reserved"))
		case strings.HasSuffix(key, "all rights reserved"):
			return words <= 25
		case strings.Contains(key, "©"):
			// "Portions of this content are ©1998–2015 by ..."
			return words <= 25 && resHasYear(key)
		}
		if strings.HasPrefix(key, "this link is to an external site") || strings.HasPrefix(key, "retrieved from \"http") || strings.HasPrefix(key, "retrieved from \" http") {
			return words <= 20 // a news site's external-link notice; a wiki's source footer
		}
		if strings.HasPrefix(key, "this page was last edited") || strings.HasPrefix(key, "this page was last modified") {
			return words <= 16 && resHasYear(key) // a wiki's footer: "This page was last edited on 3 May 2021, at 10:12."
		}
		if strings.HasPrefix(key, "last edited by ") {
			return words <= 10 // a forum post's edit note: "Last edited by sam; 05-03-2019 at 10:12 AM"
		}
		if f := strings.Fields(key); len(f) == 4 && f[0] == "page" && f[2] == "of" && resCount(f[1]) && resCount(f[3]) {
			return true // a pager's "Page 1 of 3"
		}
		if chromePages(key) {
			return true
		}
		for _, p := range []string{"previous post:", "next post:", "previous article:", "next article:"} {
			if strings.HasPrefix(key, p) {
				return words <= 20
			}
		}
		return false
	})
}

// chromePages: a pager's list of pages after its label, "Pages: 1 2 3
// Next", "Article Pages: 1 2 3"; at least two numbers, and nothing else
// but the pager's arrows and words.
func chromePages(key string) bool {
	label, rest, ok := strings.Cut(key, ":")
	if !ok || label != "pages" && label != "page" && label != "article pages" {
		return false
	}
	numbers := 0
	for _, w := range strings.Fields(rest) {
		switch {
		case resCount(w) && !strings.ContainsAny(w, ",.k"):
			numbers++
		case pagerWords[w], w == "»", w == "«", w == "…", w == "...", w == "›", w == "‹", w == "last", w == "first":
		default:
			return false
		}
	}
	return numbers >= 2
}

// resHasYear reports whether s holds a year from 1900 to 2099 as a word.
func resHasYear(s string) bool {
	for i := 0; i+4 <= len(s); i++ {
		if (s[i:i+2] == "19" || s[i:i+2] == "20") && isDigit(s[i+2]) && isDigit(s[i+3]) &&
			(i == 0 || !isDigit(s[i-1])) && (i+4 == len(s) || !isDigit(s[i+4])) {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
