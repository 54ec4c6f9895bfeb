package features

import (
	"fmt"
	"sort"
	"strings"
	"testing"
)

// resMine are the feature families written in leak.go, disclosure.go and residue.go.
func resMine() []*Feature {
	var out []*Feature
	for _, f := range Catalogue() {
		if strings.HasPrefix(f.ID, "residue.") || strings.HasPrefix(f.ID, "leak.") || strings.HasPrefix(f.ID, "disclosure.") {
			out = append(out, f)
		}
	}
	return out
}

// resAll runs the families on text and lists "rule line:col match" findings.
func resAll(text string) []string {
	d := NewDocumentString(text)
	var out []string
	for _, f := range resMine() {
		for _, fd := range f.Extract(d).Findings {
			out = append(out, fmt.Sprintf("%s %d:%d %s", f.ID, fd.Line, fd.Column, fd.Match))
		}
	}
	sort.Strings(out)
	return out
}

// A scraped page: widgets around a short article, every one on its own line.
const resScraped = "Example Gazette\n" + // 1
	"\u00a0\n" + // 2
	"0\n" + // 3
	"Home\n" + // 4
	"News\n" + // 5
	"Sport\n" + // 6
	"Business\n" + // 7
	"Contact\n" + // 8
	"\n" + // 9
	"Council Approves New Budget\n" + // 10
	"\n" + // 11
	"The council approved its budget on Tuesday after a long debate.\n" + // 12
	"\n" + // 13
	"Also Read: Roadworks to start in June\n" + // 14
	"\n" + // 15
	"Advertisement\n" + // 16
	"\n" + // 17
	"Councillors said the plan would protect libraries and parks.\n" + // 18
	"\n" + // 19
	"  Share this article\n" + // 20
	"Facebook Twitter WhatsApp\n" + // 21
	"Tags: budget, council\n" + // 22
	"3/related/default\n" + // 23
	"2 Comments\n" + // 24
	"Leave a Reply\n" + // 25
	"Subscribe to our newsletter\n" + // 26
	"We use cookies to give you the best experience.\n" + // 27
	"Source link\n" + // 28
	"\n" + // 29
	"\u00a0\n" + // 30
	"\n" // 31, then the empty line after the final newline

func TestResidueScrapedPage(t *testing.T) {
	want := []string{
		"residue.advertisement 16:1 Advertisement",
		"residue.comment-counter 24:1 2 Comments",
		"residue.comment-prompt 25:1 Leave a Reply",
		"residue.cookie 27:1 We use cookies to give you the best experience.",
		"residue.nav-menu 4:1 Home",
		"residue.nav-menu 5:1 News",
		"residue.nav-menu 6:1 Sport",
		"residue.nav-menu 7:1 Business",
		"residue.nav-menu 8:1 Contact",
		"residue.related-links 14:1 Also Read: Roadworks to start in June",
		"residue.share 20:3 Share this article",
		"residue.share 21:1 Facebook Twitter WhatsApp",
		"residue.site-counter 1:1 Example Gazette",
		"residue.site-counter 3:1 0",
		"residue.source-link 28:1 Source link",
		"residue.subscribe 26:1 Subscribe to our newsletter",
		"residue.tag-list 22:1 Tags: budget, council",
		"residue.template-id 23:1 3/related/default",
		"residue.trailing-blank 29:1 ",
	}
	got := resAll(resScraped)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings\n got:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

// A person-written news article: byline, dateline, caption, subheadings,
// quotes, a bullet list, and prose about comments, cookies, newsletters,
// sharing, advertising and AI. Nothing of leak, disclosure or residue may fire.
const resHuman = "Town Hall Votes to Close Comment Section\n" +
	"\n" +
	"By Jane Smith\n" +
	"Local Democracy Reporter\n" +
	"\n" +
	"LEEDS, 4 March — Councillors voted on Tuesday to close the comment section on the council's website.\n" +
	"\n" +
	"Photo: Councillor Ann Cole at the meeting. (Example Press)\n" +
	"\n" +
	"The page drew 1,200 comments last year, and officers said moderating them cost £40,000.\n" +
	"\"We told [the leader] that people wanted to be heard,\" said resident Tom Hart. \"Leave a comment, they said, and then nobody read them.\"\n" +
	"\n" +
	"## What Changes\n" +
	"\n" +
	"Residents can still:\n" +
	"- Email councillors\n" +
	"- Attend meetings\n" +
	"- Sign petitions\n" +
	"- Phone the office\n" +
	"- Write letters\n" +
	"\n" +
	"The council's website will also stop using advertising cookies. \"We use cookies only to keep the site working,\" a spokesman said.\n" +
	"Read more about the changes in our guide to council services.\n" +
	"\n" +
	"## Reaction\n" +
	"\n" +
	"Opposition members said the decision was rushed. Share prices of the firm that ran the forum fell 3%.\n" +
	"The council's newsletter, sent to 9,000 homes, will explain the change. Residents can sign up at libraries.\n" +
	"Some residents asked whether the council now used AI to write its newsletters; officers said it did not.\n" +
	"Researchers found that AI-generated comments were rare on the forum.\n" +
	"\n" +
	"The final score in the charity match was 3-1 to the council team.\n" +
	"\n" +
	"Source: Leeds City Council minutes, 4 March.\n"

func TestResidueHumanArticleQuiet(t *testing.T) {
	if got := resAll(resHuman); len(got) != 0 {
		t.Errorf("a person-written article fired:\n  %s", strings.Join(got, "\n  "))
	}
}

func TestTrailingBlankPosition(t *testing.T) {
	cases := []struct {
		text string
		want string
	}{
		{"End.\n\n\n\n", "2:1"},
		{"End.\n \n\u00a0\n\t", "2:1"},
		{"End.\n\u200b\n\n\n", "2:1"},
		{"End.\n\n\n", ""},
		{"\n\n\n\n", ""},
		{"", ""},
	}
	for _, c := range cases {
		r := leakRun(t, "residue.trailing-blank", c.text)
		got := ""
		if len(r.Findings) == 1 {
			got = fmt.Sprintf("%d:%d", r.Findings[0].Line, r.Findings[0].Column)
		} else if len(r.Findings) > 1 {
			got = "many"
		}
		if got != c.want {
			t.Errorf("%q: got %q, want %q", c.text, got, c.want)
		}
	}
}

func TestNavMenuRuns(t *testing.T) {
	// four menu words pass; four other short lines do not; a bullet style
	// change splits the run.
	if r := leakRun(t, "residue.nav-menu", "Intro text goes here, and it is long enough.\nHome\nNews\nWorld\nLogin\nThe story starts."); len(r.Findings) != 4 {
		t.Errorf("menu of four: %s", leakWhere(r.Findings))
	}
	if r := leakRun(t, "residue.nav-menu", "Tent\nStove\nLantern\nMap"); len(r.Findings) != 0 {
		t.Errorf("four plain lines: %s", leakWhere(r.Findings))
	}
	if r := leakRun(t, "residue.nav-menu", "Garden Tools\nSpring Bulbs\n- Tulips\n- Crocus\n- Daffodils"); len(r.Findings) != 0 {
		t.Errorf("heading lines then bullets: %s", leakWhere(r.Findings))
	}
	// lines separated by three blank lines are not one menu.
	if r := leakRun(t, "residue.nav-menu", "Home\n\n\n\nNews\n\n\n\nSport\n\n\n\nWorld\n\n\n\nOpinion"); len(r.Findings) != 0 {
		t.Errorf("far-apart lines: %s", leakWhere(r.Findings))
	}
}

func TestSiteCounterChain(t *testing.T) {
	r := leakRun(t, "residue.site-counter", "Example Post\n\n\u00a0\n12\n\u00a0\n0\nThe mayor resigned on Friday after a long row over parking fees.\n")
	if got := leakWhere(r.Findings); got != "1:1 Example Post | 4:1 12 | 6:1 0" {
		t.Errorf("got %s", got)
	}
	// a number after a sentence is not a counter.
	if r := leakRun(t, "residue.site-counter", "Turnout was low.\n\n42\n"); len(r.Findings) != 0 {
		t.Errorf("after a sentence: %s", leakWhere(r.Findings))
	}
}

func TestShareWeakLabels(t *testing.T) {
	// a lone network name fires next to another share line, but not as a
	// subheading followed by prose.
	if r := leakRun(t, "residue.share", "Story ends here, the council said.\n\nEmail\nCopy link\n"); len(r.Findings) != 2 {
		t.Errorf("Email next to Copy link: %s", leakWhere(r.Findings))
	}
	if r := leakRun(t, "residue.share", "## TikTok\n\nTikTok said it had removed the videos, which were viewed 2m times."); len(r.Findings) != 0 {
		t.Errorf("subheading: %s", leakWhere(r.Findings))
	}
}

func TestResKey(t *testing.T) {
	cases := map[string]string{
		"  **Also Read:**  ":     "also read",
		"• Share this article":   "share this article",
		"Read more…":             "read more",
		"\u00a0Don’t Miss\u00a0": "don't miss",
		"- Advertisement -":      "advertisement",
		"Related | Headline":     "related | headline",
	}
	for in, want := range cases {
		if got := resKey(in); got != want {
			t.Errorf("resKey(%q) = %q, want %q", in, got, want)
		}
	}
}

// An HTML page's tags leave runs of blanks between a menu's items: the
// residue rules measure a line as it reads, each run one space.
func TestResVisible(t *testing.T) {
	for _, c := range []struct {
		line string
		want int
	}{
		{"Home » News", 12}, // » is two bytes
		{"  Home » News  ", 12},
		{"Home     »" + strings.Repeat(" ", 60) + "News", 12},
		{"Home\u00a0\u00a0\u00a0  »  News", 12},
		{"", 0},
		{"A single line of prose, with one space between its words.", 57},
	} {
		if got := resVisible(c.line); got != c.want {
			t.Errorf("resVisible(%q) = %d, want %d", c.line, got, c.want)
		}
		if got := resOver(c.line, c.want); got {
			t.Errorf("resOver(%q, %d) = true, want false", c.line, c.want)
		}
		if c.want > 0 && !resOver(c.line, c.want-1) {
			t.Errorf("resOver(%q, %d) = false, want true", c.line, c.want-1)
		}
	}
}

// Sentences that open like a cookie banner or a sign-up box, each the
// first line of a paragraph of a person's article (the lines a paragraph
// wraps onto are no widget anyway): none is residue.
func TestResidueWidgetOpeningsInProse(t *testing.T) {
	for _, s := range []string{
		"By continuing to use this drug after the warning, patients risked liver damage, the study found.",
		"By using this website's data, researchers were able to map the outbreak.",
		"Get rid of spam emails by setting up a filter, the guide suggests.",
		"Stay away from emails that ask for your password, the bank warned.",
		"Enter your email address and a password, the bank's guide says, and never reuse either.",
		"Join the thousands of families who have signed the petition, the newsletter's editor wrote.",
	} {
		text := "Fraud Cases Rise Again\n\n" +
			"Reports of online fraud rose by a third last year, according to figures published on Monday.\n\n" +
			s + "\nOfficials said the figures were the highest since records began in 2009.\n\n" +
			"The council will publish its own advice for residents next month.\n"
		if got := resAll(text); len(got) != 0 {
			t.Errorf("%q fired:\n  %s", s, strings.Join(got, "\n  "))
		}
	}
}

// The article's own list under its heading is no menu; the same run of
// short lines at the page's edge, above the article or below it, is.
func TestNavMenuHeadedList(t *testing.T) {
	list := "- Flour\n- Butter\n- Sugar\n- Eggs\n- Milk\n- Salt\n"
	intro := "These pancakes are quick to make, and my children love them on a Sunday morning.\n\n"
	method := "\n## Method\n\nMix the flour, sugar and salt in a bowl, then make a well in the middle.\n"
	for _, c := range []struct {
		name, text string
		want       int
	}{
		{"recipe", "# Pancakes\n\n" + intro + "## Ingredients\n\n" + list + method, 0},
		{"colon heading", "# Pancakes\n\n" + intro + "## Ingredients:\n\n" + list + method, 0},
		{"plain title-case heading", intro + "What You Need\n\n" + list + method, 0},
		{"heading first in the run", intro + "Ingredients\n\nFlour\nButter\nSugar\nEggs\nMilk\nSalt\n" + method, 0},
		{"no heading", intro + list + method, 6},
		{"headed, above the article", "## Ingredients\n\n" + list + method, 6},
		{"headed, below the article", intro + "## Ingredients\n\n" + list, 6},
		{"items apart, first not a heading", intro + "Flour\nButter\nSugar\nEggs\nMilk\nSalt\n" + method, 6},
	} {
		if r := leakRun(t, "residue.nav-menu", c.text); len(r.Findings) != c.want {
			t.Errorf("%s: %d findings, want %d: %s", c.name, len(r.Findings), c.want, leakWhere(r.Findings))
		}
	}
}
