package features

import (
	"maps"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Residue features: page-template leftovers scraped along with the article
// (comment counters, share bars, newsletter boxes, cookie banners, menus).
// They fire on widget LINES — the label standing alone on its line, or a line
// that is clearly a widget — never on the same words inside a sentence, so an
// article about comment sections or cookies stays quiet.

func init() {
	register(
		&Feature{
			ID:          "residue.comment-counter",
			AnyLanguage: true,
			Suspect:     true,
			Category:    Residue,
			Description: "comment-count and engagement-counter lines: \"0 Comments\", \"Comments (3)\", \"Post a Comment (0)\", \"37 views\", \"0 Shares\", a blog's \"6 Comments on <title>\"",
			Fires: []string{
				"0 Comments",
				"Council approves new budget.\n\n12 comments",
				"Comments (3)",
				"Post a Comment (0)",
				"1 Comment",
				"Comments: 27",
				"Comments(48)",
				"37 views",
				"0 Shares",
				"6 Comments on        Interactive maps, now in your language",
				"One thought on “Spring in the valley”",
				"12 Responses to \"Budget day\"",
			},
			Quiet: []string{
				"The post drew 12 comments within an hour, most of them angry.",
				"Comments from residents will be accepted until 3 May.",
				"The minister declined to comment on the 3 cases.",
				"Readers left 1,200 comments under the original story.",
				"Comments",
				"The video drew 37 views in its first hour, the council said.",
				"12 comments on the draft were received by the council.",
				"Three thoughts on leadership",
				"5 replies to the survey",
			},
			Extract: extractCommentCounter,
		},
		&Feature{
			ID:          "residue.comment-prompt",
			Suspect:     true,
			Category:    Residue,
			Description: "comment-form leftovers: \"Leave a Reply\", \"Post a Comment\", \"Your email address will not be published\"",
			Fires: []string{
				"Leave a Reply",
				"Post a Comment",
				"Leave a comment",
				"Cancel reply",
				"Your email address will not be published. Required fields are marked *",
				"Required fields are marked *",
				"Join the conversation",
				"Be the first to comment!",
				"## Add a comment",
			},
			Quiet: []string{
				"Readers were invited to leave a comment on the council's website.",
				"Join the conversation about the new park at the town hall on Friday.",
				"She said she would leave a reply to the letter until after the vote.",
				"The site said your email address will not be published, but it was.",
				"He was the first to comment on the ruling outside the court.",
			},
			Extract: extractCommentPrompt,
		},
		&Feature{
			ID:          "residue.related-links",
			Suspect:     true,
			Category:    Residue,
			Description: "related-link widgets: \"Also read\", \"Read more\", \"You may also like\", \"READ MORE: <headline>\"",
			Fires: []string{
				"Also read",
				"Also Read: Floods close three roads in the valley",
				"READ MORE: Council tax to rise by 5%",
				"Related posts",
				"Related Tutorials",
				"You may also like",
				"Others are reading now",
				"Don’t miss",
				"Read more...",
				"Related | Mayor opens new library",
				"Recommended for you",
				"We Also Love",
				"More Videos from the BBC",
				"More from Jane Smith",
				"From around the web",
				"Story Timeline",
				"The storm closed the port.\n\nYOU MAY ALSO LIKE: Partner Arrested After Gran Found Dead At Home",
				"Most read | Floods close three roads in the valley",
			},
			Quiet: []string{
				"Read more about the scheme in our guide to council tax.",
				"UP NEXT", // the heading of an agency's game report: "Thunder: Host the Lakers on Friday."
				"Also read the small print before signing, experts warn.",
				"The related posts were removed after the complaint.",
				"You may also like the new menu, the chef said with a smile.",
				"Most read books of the year included two debut novels.",
				"Related: the minister's earlier statement on housing, which critics said was vague and misleading to voters.",
				"Related work",
				"More from the archive of the city council was released on Tuesday.",
				"More from this evening.",
				"From around the web, readers sent in photos of the storm.",
				"Trending: the word of the year, the dictionary said, was chosen by its readers from a long list of candidates.",
			},
			Extract: extractRelatedLinks,
		},
		&Feature{
			ID:          "residue.share",
			Suspect:     true,
			Category:    Residue,
			Description: "share and follow widgets: \"Share this article\", \"Tweet\", \"Copy link\", runs of network names",
			Fires: []string{
				"Share",
				"Share this article",
				"Share on Facebook",
				"Tweet",
				"Share via Email",
				"Copy link",
				"WhatsApp",
				"Facebook Twitter LinkedIn",
				"Facebook | Twitter | Email",
				"Follow us on Google News",
				"The storm closed the port.\n\nFacebook\nTwitter\nPrint",
				"Print",
				"10.7k     Pinterest" + strings.Repeat(" ", 80) + "Facebook" + strings.Repeat(" ", 80) + "Twitter",
				"Retweet this article!",
				"Click to share on Twitter (Opens in new window)",
				"Please follow and like us:",
				"Read or Share this story: https://www.example.com/story/news/2020/03/17/council-budget/123/",
				"Flipboard\n\nThe council voted on Tuesday to close the library, citing costs.",
				"Email a friend",
				"Your friend's email",
				"Follow\n\nThe council voted on Tuesday to close the library, citing costs.",
			},
			Quiet: []string{
				"Share prices fell sharply on Tuesday after the results.",
				"She shared the post on Facebook, where it was seen by thousands.",
				"## Facebook\n\nFacebook said it would remove the accounts within a week, after pressure from regulators.",
				"Follow us on a tour of the old mill, the guide said.",
				"Print editions will end next year, the publisher announced.",
				"Print\n\nPrint editions of the paper will end next year, the publisher announced after a long review.",
				"12 Facebook",
				"10 Facebook Twitter posts",
				"Read or share this story with a friend who needs it.",
				"Email a friend who lives abroad and ask what the bill costs there.",
				"Like us, the council was surprised by the result.",
				"Facebook\n\nFacebook said on Tuesday that it would remove the accounts, after pressure from regulators.",
				"- Email\n\nThe council voted on Tuesday to close the library, citing costs.",
			},
			Extract: extractShare,
		},
		&Feature{
			ID:          "residue.subscribe",
			Suspect:     true,
			Category:    Residue,
			Description: "newsletter and subscribe boxes: \"Subscribe to our newsletter\", \"Enter your email address\", \"Sign up\"; a news app's promotion: \"Download the Harbour News app\"",
			Fires: []string{
				"Subscribe",
				"Subscribe to our newsletter",
				"Sign up for our newsletter",
				"Enter your email address",
				"Get the latest news delivered to your inbox",
				"Sign up",
				"Newsletter",
				"Sign up for our daily briefing and get the top stories in your inbox every morning",
				"Sign up        to the daily Crime newsletter. All the latest crime news and trials.",
				"Get the newsletter that the city is talking about",
				"To receive news updates daily, enter your email address",
				"Never miss a story",
				"Support our journalism. Subscribe today.",
				"Click here to subscribe to The Harbour Weekly newsletter",
				"Want more science? Get a subscription to our sister magazine",
				"To read the full story",
				"The bridge reopens next month.\n\nDH Newsletter",
				"You have been successfully subscribed!",
				"Invalid Email",
				"Sign Up for       News Updates",
				"The ferry will run every hour from May.\n\nGet the latest news straight to your phone with the Harbour Post app.",
				"CLICK HERE TO GET THE HARBOUR NEWS APP",
				"Download the Harbour Times app for full coverage of the storm",
				"Get the app",
			},
			Quiet: []string{
				"Subscribers to the newsletter complained that it arrived late.",
				"Sign-up rates for the newsletter fell by half last year, the company said.",
				"He urged voters to sign up before the deadline on Friday.",
				"The newsletter, founded in 1998, has 40,000 readers.",
				"\"Subscribe to our newsletter,\" he joked at the end of the speech.",
				"Subscribers to the newsletter, which is free, number 40,000.",
				"Never miss a chance to see the harbour at dawn, the guide said.",
				"Click here to see the full list of winners.",
				"To read the full story of the expedition, he said, you need the diaries.",
				"The Morning Newsletter is read by 40,000 people.",
				"Her first newsletter",
				"Invalid email addresses cost the council £2,000 in returned letters.",
				"Download the app, open it and scan the code on the poster.",
				"Download the council's app for the latest news on bin collections, the leader said.",
				"Residents can sign up for news updates on the council's website.",
				"Get the latest version of the app before the update on Friday.",
			},
			Extract: extractSubscribe,
		},
		&Feature{
			ID:          "residue.cookie",
			Suspect:     true,
			Category:    Residue,
			Description: "cookie and consent banners: \"We use cookies to ...\", \"Accept all cookies\", \"Manage consent\"",
			Fires: []string{
				"We use cookies to improve your experience on our site.",
				"Accept all cookies",
				"Cookie settings",
				"Manage consent",
				"By continuing to browse you agree to our use of cookies.",
				"This website uses cookies to ensure you get the best experience.",
				"Reject all",
			},
			Quiet: []string{
				"Most websites now tell visitors that they use cookies to track them.",
				"Many readers accept all cookies without reading the terms, the study found.",
				"Cookie settings are hidden deep in the browser menu, the regulator said.",
				"\"We use cookies only for analytics,\" the company's spokesperson said.",
				"The bakery sold 4,000 cookies at the fair.",
			},
			Extract: extractCookie,
		},
		&Feature{
			ID:          "residue.site-chrome",
			Suspect:     true,
			Category:    Residue,
			Description: "a page's header and footer links and notices: \"Skip to content\", \"Privacy Policy\", \"Terms of Use\", \"Back to top\", \"Next post\", copyright lines, \"Text size\", a feed's \"1 min ago\", a breadcrumb's \"Home »\", a wiki's \"This page was last edited on ...\", a pager's \"Page 1 of 3\", a date stamp with its time of day (\"19 Nov 2019 05:44 GMT\"), a lone \"Home\", \"Search\" or counter as the first or last line, a reading time (\"1 Min Read\"), a site's legal links (\"Intel Terms of Use\"), a credit such as \"Powered by Blogger\", a video's label and length (\"Watch video 02:17\"), a widget still loading (\"Loading comments...\")",
			Fires: []string{
				"Skip to main content",
				"Privacy Policy",
				"Terms & Conditions",
				"Back to top",
				"Previous post: Council sets the budget for 2021",
				"© 2020 The Daily Courier. All rights reserved.",
				"Copyright 2019 Smith Media Ltd",
				"Do Not Sell My Personal Information",
				"Text size:",
				"1 min ago\nCouncil sets the budget",
				"Home »\nGardening",
				"Sign in",
				"Previous\nChapter 5: The Harbour\nNext",
				"Portions of this content are ©1998–2015 by individual contributors.",
				"Edit this page",
				"Retrieved from \"https://en.wikipedia.org/w/index.php?title=Bridge&oldid=1\"",
				"This link is to an external site that may or may not meet accessibility guidelines.",
				"You are here",
				"Story Saved",
				"↑ Back to top",
				"▲top",
				"This page was last edited on 3 May 2021, at 10:12.",
				"Last edited by harbourfan; 05-03-2019 at 10:12 AM.",
				"Page 1 of 3",
				"Pages: 1 2 3 Next",
				"Article Pages:    1    2    3",
				"Home\n\nThe council met on Tuesday to set the budget for the coming year.",
				"The council met on Tuesday to set the budget for the coming year.\n\nSearch",
				"19 Nov 2019 05:44 GMT",
				"Updated: Nov 20 2019, 15:24pm IST",
				"11/19/2019 06:18 PM",
				"October 23, 2015 - 17:44 BST",
				"Published 1 day ago",
				"Tue Jan 14, 2013 9:22 pm",
				"1 Min Read",
				"Reading time: 4 minutes",
				"Intel Terms of Use",
				"Find out more",
				"Powered by Blogger",
				"blog comments powered by Disqus",
				"Watch video 02:17",
				"Video 1:45",
				"Retrieved from \"        https://en.wikipedia.org/w/index.php?title=Bridge&oldid=1   \"",
				"Loading comments...",
				"Loading ...",
				"LOADING                ERROR LOADING",
				"The harbour wall was finished in March, months late and over budget.\n\n14",
				"0\n\nThe harbour wall was finished in March, months late and over budget.",
			},
			Quiet: []string{
				"It happened 5 years ago.",
				"Two years ago",
				"The garden centre reopened on Saturday.\n\nHome\nGardening\n\nIts owners said trade was slow.",
				"September 12, 2016",
				"Published 18 November 2019",
				"On 19 Nov 2019 at 05:44 GMT the first tremor struck.",
				"The match kicks off at 15:00 GMT.\n\nHelp came from the crowd.",
				"# Help\n\nThis page explains how to reset your password and what to do when it fails.",
				"We changed our privacy policy",
				"## Learn more\n\nThe guide explains every option of the tool in turn.",
				"END OF TERMS AND CONDITIONS",
				"It took 5 minutes to read the whole report.",
				"Find out more about the scheme on the council's website.",
				"Gardening »",
				"Sign in to your account to read the rest, the site told readers.",
				"Next, the council will vote on the budget.",
				"The council did not say what would happen\nnext",
				"The logo ©, the firm said, is theirs.",
				"The files were retrieved from the archive in 2019.",
				"Search for the missing boy resumed on Tuesday.",
				"Read the privacy policy before you sign the form, the council advised.",
				"The company changed its terms of use in May.",
				"© Getty Images",
				"He was back to top form by the spring.",
				"The next post office opens in June.",
				"Copyright law has not kept up with streaming, the report argues.",
				"You are here because you care about the town, the mayor told the crowd.",
				"Bookmark the page and come back in May.",
				"Top",
				"This page was last edited by the mayor's office before the vote, the records show.",
				"Last edited by hand, the map still shows the old harbour wall.",
				"Page 4 of the report lists the costs.",
				"Pages: 12 and 14 of the report",
				"Page: 3",
				"The new trams are powered by electricity from the city's solar farm.",
				"## Powered by Rust\n\nThe tool is written in Rust and compiles to a single binary.",
				"Powered by the Sun",
				"The phone is light and quick.\n\nPowered by Snapdragon\n\nIts screen is bright enough for a sunny day.\n\nThe battery lasts two days.\n\nThe camera struggles at night.\n\nThe speakers are loud.\n\nThe price is fair for what it does.",
				"Watch the video at 10:30 tonight.",
				"Video 3",
				"## Loading\n\nPut the plates on the lower rack and the glasses on the upper one.",
				"Loading",
				"The harbour wall was finished in March.\n\n2019",
				"Top scorers\n\n14\n\nSmith scored twice in the second half, and the home side held on.",
				"12\n\nThe ferry left before dawn, and nobody on the quay waved it off.",
			},
			Extract: extractSiteChrome,
		},
		&Feature{
			ID:          "residue.advertisement",
			Suspect:     true,
			Category:    Residue,
			Description: "advertisement slots: \"Advertisement\", \"Story continues below advertisement\", \"Sponsored content\"; a shop's affiliate notice: \"We may earn a commission ...\", \"This post contains affiliate links\"",
			Fires: []string{
				"Advertisement",
				"ADVERTISEMENT",
				"- Advertisement -",
				"Sponsored content",
				"Story continues below advertisement",
				"Scroll to continue with content",
				"Ad",
				"Promoted Links by Taboola",
				"is sponsored by",
				"The kettle boils a litre in two minutes and costs £30.\n\nIf you buy something through one of these links, we may earn an affiliate commission.",
				"Some posts on this site may contain affiliate links.",
				"The Harbour Post may receive a commission",
				"This article contains references to products from our advertisers. We may receive compensation when you click on links to those products.",
				"As an Amazon Associate I earn from qualifying purchases.",
				"FTC: We use income earning auto affiliate links.",
			},
			Quiet: []string{
				"The advertisement ran in three newspapers last week.",
				"This episode is sponsored by a local bakery.",
				"Sponsored content is growing fast, an industry report said.",
				"Ad revenue fell by 12% in the second quarter.",
				"The story continues below the surface, the diver said.",
				"Bloggers who use affiliate links must say so, the regulator said.",
				"Affiliate links now pay for much of the web's product reviews, a study of 500 sites found.",
				"\"We may earn a commission on some links,\" the notice at the foot of the page reads.",
				"The agent will earn a commission of 3% on the sale of the house.",
				"Many of the sites earn a commission when readers buy, but few say so.",
			},
			Extract: extractAdvertisement,
		},
		&Feature{
			ID:          "residue.source-link",
			Suspect:     true,
			Category:    Residue,
			Description: "syndication footers: \"Source link\", \"Originally published at ...\", \"The post ... appeared first on ...\"",
			Fires: []string{
				"Source link",
				"The bridge reopens next month.\n\nSource: example-news.com",
				"Rain is expected all week.\n\nSource: Daily Example",
				"Originally published at example.com",
				"The post Ten Things to Do in Leeds appeared first on Example Travel.",
				"Prices rose again.\n\nVia Example Wire",
				"This article was originally published on Example Review.",
			},
			Quiet: []string{
				"The source of the leak, officials said, was a contractor.",
				"Source: officials familiar with the talks said the deal was close.",
				"Originally published in 1998, the report was ignored for years.",
				"The post of mayor has been vacant since March.",
				"Via a spokesman, the club said it would appeal.",
				"Source: Office for National Statistics\n\nThe figures show a sharp rise in rents across the region, with the north hit hardest.\n\nMinisters said more homes were coming.\n\nCritics were not convinced.\n\nThe debate continues next week.",
			},
			Extract: extractSourceLink,
		},
		&Feature{
			ID:          "residue.tag-list",
			Suspect:     true,
			Category:    Residue,
			Description: "tag and category lists: \"Tags:\", \"Filed under:\", \"Categories:\"",
			Fires: []string{
				"Tags:",
				"Tags\nBudget\nSchools",
				"Filed under: Politics, Elections",
				"Categories: World News",
				"Topics: climate, energy, farming",
				"Tagged: travel, Portugal",
				"Tags      Budget      Council      Harbour",
				"This article tagged under:",
				"Tagged under: Politics, Budget",
			},
			Quiet: []string{
				"Tags on the luggage showed it had come from Lisbon.",
				"Filed under a false name, the claim was rejected.",
				"Topics: The meeting covered budgets, schools and roads.",
				"The categories of spending were set by parliament.",
				"Tags  are sold at the market for two pounds each.",
				"Labels  to  apply to the resources in use by the cluster, as key and value pairs",
				"Tagged under a false name, the parcel reached the wrong town.",
			},
			Extract: extractTagList,
		},
		&Feature{
			ID:          "residue.template-id",
			AnyLanguage: true,
			Suspect:     true,
			Category:    Residue,
			Description: "blog-theme widget identifiers such as \"3/related/default\" or \"recent/hot-posts\"",
			Fires: []string{
				"3/related/default",
				"recent/hot-posts",
				"5/sidebar/recent",
				"The council met.\n\n6/recent/post-list",
			},
			Quiet: []string{
				"24/7",
				"12/05/2024",
				"https://example.com/recent/hot-posts",
				"and/or",
				"The shop is open 24/7 and sells recent/popular titles, the owner said.",
			},
			Extract: extractTemplateID,
		},
		&Feature{
			ID:          "residue.site-counter",
			Suspect:     true,
			Category:    Residue,
			Description: "a short site-name header followed by a line holding only a number (a counter widget)",
			Fires: []string{
				"Daily Example\n\u00a0\n0\n\nCouncil approves new budget for schools after a long debate.",
				"Example Times\n\n12\n\n3\n\nFloods close roads across the valley.",
			},
			Quiet: []string{
				"Steps\n\n1\n\nMix the flour\n\n2\n\nAdd the eggs\n\n3\n\nBake for an hour",
				"Arsenal 2 Chelsea 1, and the crowd went home happy.",
				"The final score was 3-1 to the visitors.",
				"Prices rose again last year, driven by energy costs and rents.\n\n2024",
			},
			Extract: extractSiteCounter,
		},
		&Feature{
			ID:          "residue.nav-menu",
			Suspect:     true,
			Category:    Residue,
			Description: "navigation menus: runs of very short lines (Home, News, Sport, ...), a one-line menu, a breadcrumb from Home above the article, a section's name alone above the headline",
			Fires: []string{
				"Home\nNews\nSport\nBusiness\nContact",
				"Home / News / Sport / Business / Contact",
				"Home\n\nWorld\n\nPolitics\n\nOpinion",
				"Gardening\nRecipes\nTravel Tips\nBooks\nMusic Reviews",
				"Home » News » World",
				"Home     »" + strings.Repeat(" ", 60) + "Garden     »" + strings.Repeat(" ", 60) + "Vines     »" + strings.Repeat(" ", 60) + "Climbers",
				"About\nStore\nSearch\n\nThe council voted on Tuesday to close the library, citing costs.",
				"News\nWorld\nEurope\n\nThe council voted on Tuesday to close the library, citing costs.",
				"The council voted on Tuesday to close the library, citing costs.\n\nSections\nDonate\nAdvertising",
				"Home      /       India News     /       Artist spreads awareness with wall paintings\n\nThe council voted on Tuesday to close the library, citing costs.",
				"You are here\n\nHome     >     Companies &     Markets\n\nThe council voted on Tuesday to close the library, citing costs.",
				"Crime\n\nThe council voted on Tuesday to close the library, citing costs.",
				"News\nWorld\n\nThe council voted on Tuesday to close the library, citing costs.",
			},
			Quiet: []string{
				"## Background\n\nThe plan was first proposed in 2019.\n\n## What Happens Next\n\nA vote is due in May.\n\n## Reaction\n\nResidents welcomed it.\n\n## Costs\n\nNobody knows yet.",
				"Key changes\n\n- Longer hours\n- Free parking\n- New café\n- Bigger library",
				"You will need:\n- Flour\n- Eggs\n- Butter\n- Sugar\n- Milk\n- Salt",
				"Rock / Pop / Jazz / Folk",
				"Garden » Vines » Climbers",
				"#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n#include <unistd.h>\n#include <errno.h>",
				"Budget Cuts Hit Local Schools Hard\nBy Jane Smith\nEducation Correspondent\nLondon\nThe council voted on Tuesday to cut funding.",
				"The council voted on Tuesday to close the library.\n\nStore\nSearch\nDonate\n\nResidents said they would fight the decision in court.",
				"The festival has three stages this year.\n\nMusic\nFood\nTheatre",
				"The festival has three stages this year.\n\nMain Stage\nRiverside\nThe Tent",
				"Flour\nSugar\nEggs\n\nMix them in a bowl, then bake the cake for forty minutes at 180 degrees.",
				"Open the app.\n\nTap the menu.\n\nThen go to:\n\nHome > Settings > Display\n\nThen switch off dark mode.",
				"Home / Away kits\n\nThe club unveiled both shirts on Friday, to mixed reviews from fans.",
				"Home / The place where the heart is, they say.",
				"The festival has two new stages this year, the organisers said.\n\nMusic\nFood",
				"The council voted on Tuesday to close the library, citing costs.\n\nHome",
				"# News\n\nThe council voted on Tuesday to close the library, citing costs.",
				"News\n====\n\nThe council voted on Tuesday to close the library, citing costs.",
				"- Politics\n\nThe council voted on Tuesday to close the library, citing costs.",
			},
			Extract: extractNavMenu,
		},
		&Feature{
			ID:          "residue.trailing-blank",
			AnyLanguage: true,
			Suspect:     true,
			Category:    Residue,
			Description: "three or more blank (or non-breaking-space) lines left at the end of a plain-text file (not HTML or Markdown, whose markup reads as blank lines)",
			Fires: []string{
				"The council met on Tuesday.\n\n\n\n",
				"The council met on Tuesday.\n\u00a0\n \n\u00a0\n",
				"The council met on Tuesday.\n\n\n \n",
			},
			Quiet: []string{
				"The council met on Tuesday.\n",
				"The council met on Tuesday.\n\n\n",
				"The council met on Tuesday.\n\n",
				"The council met on Tuesday.\n\n\n\nIt voted to close the pool.\n",
			},
			Extract: extractTrailingBlank,
		},
	)
}

// ---- shared helpers (prefixed res to keep the package namespace clear) ----

// resMaxLine is the longest line a widget label can be.
const resMaxLine = 80

func resResult(fs []Finding) Result {
	return Result{Value: math.Log1p(float64(len(fs))), Findings: fs}
}

// resArrows decorate a widget's label on either side ("↑ Back to top").
const resArrows = "↑▲⬆^"

func resEdge(r rune) bool { return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' }

// resBlank: blank, or only spaces, non-breaking and zero-width spaces.
// resTrim drops the space around a line: an HTML page's lines keep the
// blanks of their tags, which say nothing of how long the text is.
func resTrim(s string) string { return strings.TrimFunc(s, resEdge) }

// resOver tells whether a line reads longer than limit bytes: trimmed, and
// each run of spaces inside it counted as one (an HTML page's tags leave
// runs of blanks between the items of a menu or a share bar).
func resOver(s string, limit int) bool {
	return len(resTrim(s)) > limit && resVisible(s) > limit
}

// resLen is resOver's length of line i, worked out once for every line of
// the document: a dozen rules ask it of every line.
func (d *Document) resLen(i int) int {
	if d.resLens == nil {
		d.resLens = make([]int32, len(d.Lines))
		for k, l := range d.Lines {
			d.resLens[k] = int32(resVisible(l.Text))
		}
	}
	return int(d.resLens[i])
}

// resVisible is the length resOver compares.
func resVisible(s string) int {
	s = resTrim(s)
	if strings.Index(s, "  ") < 0 {
		return len(s) // no run to fold: most lines, and every line of prose
	}
	n, space := 0, false
	for _, r := range s {
		switch {
		case !resEdge(r):
			space = false
			n += utf8.RuneLen(r)
		case !space:
			space = true
			n++ // a run of blanks reads as one space
		}
	}
	return n
}

func resBlank(l Line) bool {
	return l.Blank || resTrim(l.Text) == ""
}

// resKey normalises a candidate widget line: surrounding (non-breaking) space,
// list bullets and Markdown markers, trailing separators and ellipses are
// dropped; the rest is lower-cased with single spaces and ASCII apostrophes.
func resKey(s string) string {
	s = resLead(s)
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return resEdge(r) || strings.ContainsRune(":|»›→>.!-–—*_#=…▪►"+resArrows, r)
	})
	if strings.ContainsRune(s, '’') {
		s = strings.ReplaceAll(s, "’", "'")
	}
	key := foldLine(s)
	if strings.HasSuffix(key, ")") {
		// a link's note for screen readers is no part of its label:
		// "Click to share on Twitter (Opens in new window)"
		for _, note := range []string{" (opens in new window)", " (opens in a new window)", " (opens in new tab)", " (opens in a new tab)"} {
			if k, ok := strings.CutSuffix(key, note); ok {
				return k
			}
		}
	}
	return key
}

// resSet builds a lookup of widget labels, normalised like resKey.
func resSet(labels ...string) map[string]bool {
	m := make(map[string]bool, len(labels))
	for _, l := range labels {
		m[resKey(l)] = true
	}
	return m
}

// resUnion merges label sets into a new one.
func resUnion(sets ...map[string]bool) map[string]bool {
	m := map[string]bool{}
	for _, set := range sets {
		for k := range set {
			m[k] = true
		}
	}
	return m
}

// resFilter is the cheap pre-check of a line scan, so that the normalised
// key is built only for lines that may match: a short line (at most
// resMaxLine bytes) must start with one of the initials of the labels, a
// longer one (up to maxLen) with one of the prefix forms.
type resFilter struct {
	maxLen   int
	initials [128]bool
	heads    []string // lower-case prefixes that long lines may start with
}

// newResFilter derives the filter from the label sets and the prefixes.
func newResFilter(maxLen int, sets []map[string]bool, heads ...string) *resFilter {
	f := &resFilter{maxLen: maxLen}
	add := func(k string) {
		if k != "" && k[0] < 128 {
			f.initials[k[0]] = true
		}
	}
	for _, m := range sets {
		for k := range m {
			add(k)
		}
	}
	for _, h := range heads {
		add(h)
		f.heads = append(f.heads, h)
		if strings.Contains(h, "'") {
			f.heads = append(f.heads, strings.ReplaceAll(h, "'", "’"))
		}
	}
	return f
}

// resLead strips leading space, bullets and Markdown marks.
func resLead(s string) string {
	return strings.TrimLeftFunc(s, func(r rune) bool {
		return resEdge(r) || strings.ContainsRune("-*•·|>#»›–—_=+▪►◦"+resArrows, r)
	})
}

// pass tells whether line, n bytes long as resOver counts, may match.
func (f *resFilter) pass(line string, n int) bool {
	if n > f.maxLen {
		return false
	}
	s := resLead(line)
	if s == "" {
		return false
	}
	if n <= resMaxLine {
		c := s[0]
		if c >= 128 {
			return true
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		return f.initials[c]
	}
	for _, h := range f.heads {
		if len(s) >= len(h) && strings.EqualFold(s[:len(h)], h) {
			return true
		}
	}
	return false
}

// resScan runs match over every non-blank line that passes the filter and
// reports one finding per line it accepts; key is the line's resKey. A line
// that goes on from the one above in a hard-wrapped paragraph is no widget
// on its own, whatever words the wrap put first ("Subscribe to the
// newsletter to get ..." halfway through a sentence).
func resScan(d *Document, f *resFilter, match func(i int, key string) bool) Result {
	var fs []Finding
	for i, l := range d.Lines {
		if l.Blank || !f.pass(l.Text, d.resLen(i)) || i > 0 && d.wrapped[i] && d.wrapped[i-1] {
			continue
		}
		key := resKey(l.Text)
		if key != "" && match(i, key) {
			fs = append(fs, d.LineFinding(i, 1))
		}
	}
	return resResult(fs)
}

// resPrevNonBlank and resNextNonBlank return the neighbouring non-blank line, or -1.
func resPrevNonBlank(d *Document, i int) int {
	for k := i - 1; k >= 0; k-- {
		if !resBlank(d.Lines[k]) {
			return k
		}
	}
	return -1
}

func resNextNonBlank(d *Document, i int) int {
	for k := i + 1; k < len(d.Lines); k++ {
		if !resBlank(d.Lines[k]) {
			return k
		}
	}
	return -1
}

// resNearEnd: line i is among the last n non-blank lines.
func resNearEnd(d *Document, i, n int) bool {
	for k := i; n > 0; n-- {
		k = resNextNonBlank(d, k)
		if k < 0 {
			return true
		}
	}
	return false
}

// resProse: a line that reads as running text (more than six words, or
// ending with sentence punctuation).
func resProse(s string) bool {
	s = strings.TrimFunc(s, resEdge)
	if r, _ := utf8.DecodeLastRuneInString(s); strings.ContainsRune(".!?\"”", r) {
		return true
	}
	return len(strings.Fields(s)) > 6
}

// resEndsSentence: the trimmed line ends with . ! ? or a closing quote.
func resEndsSentence(s string) bool {
	s = strings.TrimFunc(s, resEdge)
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?\"”", r)
}

// resAfterLabel returns what follows label in key when the label is followed
// by a colon or a pipe ("also read: x", "related | x"), or "" otherwise.
func resAfterLabel(key, label string) string {
	if !strings.HasPrefix(key, label) {
		return ""
	}
	rest := strings.TrimLeft(key[len(label):], " ")
	if rest == "" || (rest[0] != ':' && rest[0] != '|') {
		return ""
	}
	return strings.TrimSpace(rest[1:])
}

// resCount: a count as widgets print it ("12", "1,204", "(3)", "[3]").
func resCount(s string) bool {
	s = strings.Trim(s, "()[]")
	if s == "" || len(s) > 9 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || (c == ',' || c == '.' || c == 'k') && i > 0) {
			return false
		}
	}
	return true
}

// ---- residue.comment-counter ----

var commentWords = resSet("comment", "comments", "comment(s)", "responses", "response", "replies",
	// the counters beside them: views, likes, shares, votes, reviews
	"view", "views", "like", "likes", "share", "shares", "vote", "votes", "reaction", "reactions", "review", "reviews")

var commentCounterHeads = resSet("comments", "comment", "post a comment", "view comments", "show comments",
	"leave a comment", "read comments", "add comment", "add a comment", "see comments", "all comments")

// commentHeadingWords and commentHeadingLinks make a blog's comment-section
// heading: "6 Comments on Interactive maps", "12 Responses to “Budget
// day”", "One thought on “Spring”".
var (
	commentHeadingWords = resSet("comment", "comments", "response", "responses", "reply", "replies", "thought", "thoughts")
	commentHeadingLinks = resSet("on", "to")
)

// commentHeading: the count, the word, "on" or "to", then the post's title,
// quoted as the theme prints it (only "comments on" is also met unquoted:
// "5 replies to the survey" and "Three thoughts on leadership" may be a
// person's heading). A sentence ("12 comments on the draft were
// received.") ends with a full stop.
func commentHeading(line, key string) bool {
	f := strings.Fields(key)
	if len(f) < 4 || len(f) > 24 || !(resCount(f[0]) || f[0] == "one") || !commentHeadingWords[f[1]] || !commentHeadingLinks[f[2]] {
		return false
	}
	quoted := false
	for _, q := range []string{"\"", "“", "'", "‘", "«"} {
		quoted = quoted || strings.HasPrefix(f[3], q)
	}
	if !quoted && !(strings.HasPrefix(f[1], "comment") && f[2] == "on") {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(resTrim(line))
	return r != '.' && r != ','
}

// commentCounter: "12 comments", "comments (3)", "post a comment (0)", "comments: 27".
func commentCounter(key string) bool {
	if i := strings.IndexByte(key, '('); i > 0 && key[i-1] != ' ' {
		key = key[:i] + " " + key[i:] // "Comments(48)"
	}
	f := strings.Fields(key)
	if len(f) < 2 || len(f) > 5 {
		return false
	}
	if len(f) == 2 && resCount(f[0]) && !strings.HasPrefix(f[0], "(") && commentWords[f[1]] {
		return true
	}
	last := f[len(f)-1]
	head := strings.TrimRight(strings.Join(f[:len(f)-1], " "), ":")
	return resCount(last) && commentCounterHeads[head]
}

var commentCounterFilter = newResFilter(200, []map[string]bool{commentCounterHeads, resSet("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "(")},
	"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "one ")

func extractCommentCounter(d *Document) Result {
	return resScan(d, commentCounterFilter, func(i int, key string) bool {
		return commentCounter(key) || commentHeading(d.Lines[i].Text, key)
	})
}

// ---- residue.comment-prompt ----

var commentPrompts = resSet(
	"Post a Comment", "Leave a Reply", "Leave a comment", "Add a comment", "Cancel reply",
	"Leave a Reply Cancel reply", "Your email address will not be published",
	"Required fields are marked", "Join the conversation", "Be the first to comment",
	"Comments", "Write a comment", "Submit a comment", "Post comment", "Submit comment",
	"No comments", "No comments yet", "Show comments", "View comments", "Load comments",
	"You must be logged in to post a comment", "Comments are closed", "Log in to comment",
	"Save my name, email, and website in this browser for the next time I comment",
	"Notify me of new posts by email", "Notify me of follow-up comments by email",
	"Start the conversation", "Add your comment", "Reply", "Sign in to comment", "Login to comment",
	"Log in to reply", "Report this post", "Report this comment", "Report abuse",
)

var commentPromptPrefixes = []string{
	"your email address will not be published", "you must be logged in to post a comment",
	"save my name, email, and website", "leave a reply cancel reply",
}

var commentPromptFilter = newResFilter(160, []map[string]bool{commentPrompts}, commentPromptPrefixes...)

func extractCommentPrompt(d *Document) Result {
	return resScan(d, commentPromptFilter, func(_ int, key string) bool {
		if commentPrompts[key] {
			return true
		}
		for _, p := range commentPromptPrefixes {
			if strings.HasPrefix(key, p) && (len(key) == len(p) || key[len(p)] == '.' || key[len(p)] == ' ') {
				// the sentence must be the widget text itself, not quoted prose.
				return !strings.Contains(key[len(p):], ",")
			}
		}
		return false
	})
}

// ---- residue.related-links ----

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

// ---- residue.share ----

var shareStrong = resSet(
	"Share", "Share this", "Share this article", "Share this story", "Share this post",
	"Share this page", "Share article", "Share story", "Share on Facebook", "Share on Twitter",
	"Share on X", "Share on LinkedIn", "Share on WhatsApp", "Share on Reddit", "Share on Pinterest",
	"Share via Email", "Share via WhatsApp", "Share by email", "Copy link", "Copy URL", "Link copied",
	"Copy article link", "Tweet", "Share this with", "Follow us", "Follow us on Google News",
	"Follow us on Twitter", "Follow us on Facebook", "Follow us on Instagram", "Share the article",
	"Share full article", "Share options", "Share page", "Email this article", "Print this article",
	"Print this page", "Click to share on Facebook", "Click to share on Twitter", "Click to print",
	"Click to email a link to a friend", "Share to Facebook", "Share to Twitter",
	"Retweet", "Retweet this article", "Retweet this", "Sharing is caring", "Share or comment on this article",
	"Please follow and like us", "Follow and like us", "Like us on Facebook",
	"Email a friend", "Email to a friend", "Email this to a friend", "Send to a friend", "Send to friend",
	"Forward to a friend", "Share with a friend", "Your friend's email", "Friend's email", "Email this",
	"Email this story", "Email this page",
)

// shareNetworks are the words of a share bar.
var shareNetworks = map[string]bool{
	"facebook": true, "twitter": true, "x": true, "linkedin": true, "whatsapp": true, "email": true,
	"e-mail": true, "mail": true, "print": true, "pinterest": true, "reddit": true, "telegram": true,
	"messenger": true, "tumblr": true, "flipboard": true, "sms": true, "bluesky": true,
	"threads": true, "instagram": true, "youtube": true, "tiktok": true, "copylink": true,
	"share": true, "tweet": true, "pocket": true, "mastodon": true, "vk": true, "pin": true,
	"comment": true, "comments": true, "gift": true, "follow": true,
}

// shareKind: 2 for a line that is a share widget on its own, 1 for a lone
// network name or "Print"/"Email" (a widget only among other widget lines or
// when no prose follows), 0 otherwise.
func shareKind(key string) int {
	if shareStrong[key] {
		return 2
	}
	for _, p := range []string{"share on ", "share via ", "share to ", "follow us on ", "click to share on ", "like us on "} {
		if strings.HasPrefix(key, p) && len(strings.Fields(key[len(p):])) <= 3 {
			return 2
		}
	}
	if rest := resAfterLabel(key, "read or share this story"); rest != "" && resDomain(rest) {
		return 2 // a news network's share line, with the story's address
	}
	key = strings.ReplaceAll(key, "copy link", "copylink")
	parts := strings.FieldsFunc(key, func(r rune) bool { return strings.ContainsRune(" |/,·•:", r) })
	if len(parts) == 0 {
		return 0
	}
	networks := 0
	for _, p := range parts {
		switch {
		case shareNetworks[p]:
			networks++
		case resCount(p) && len(parts) >= 3:
			// a share count among the buttons ("10.7k Pinterest Facebook")
		default:
			return 0
		}
	}
	if networks >= 2 {
		return 2
	}
	if networks == 1 && len(parts) == 1 {
		return 1
	}
	return 0
}

var shareFilter = newResFilter(300, []map[string]bool{shareStrong, shareNetworks, resSet("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")},
	"read or share this story")

func extractShare(d *Document) Result {
	kind := func(k int) int {
		if k < 0 || d.resLen(k) > resMaxLine {
			return 0
		}
		return shareKind(resKey(d.Lines[k].Text))
	}
	return resScan(d, shareFilter, func(i int, key string) bool {
		switch shareKind(key) {
		case 2:
			return true
		case 1:
			p, n := resPrevNonBlank(d, i), resNextNonBlank(d, i)
			if p < 0 && n >= 0 && navStyle(d.Lines[i].Text) == 0 {
				// opening the document: a share bar's last button above
				// the article, unless the article goes on to name it (a
				// title, "Facebook", over "Facebook said ...")
				return !strings.Contains(strings.ToLower(d.Lines[n].Text), key)
			}
			return n < 0 || !resProse(d.Lines[n].Text) || kind(p) > 0 || kind(n) > 0
		}
		return false
	})
}

// ---- residue.subscribe ----

var subscribeLabels = resSet(
	"Subscribe", "Subscribe now", "Subscribe today", "Subscribe here", "Subscribe for free",
	"Subscribe to our newsletter", "Subscribe to the newsletter", "Subscribe to newsletter",
	"Subscribe to our newsletters", "Sign up for our newsletter", "Sign up to our newsletter",
	"Sign up for the newsletter", "Sign up for our newsletters", "Sign up", "Sign up now",
	"Sign up here", "Sign me up", "Enter your email", "Enter your email address",
	"Your email address", "Email address", "Get the latest news delivered to your inbox",
	"Newsletter", "Newsletters", "Our newsletter", "Newsletter sign-up", "Newsletter signup",
	"Newsletter sign up", "Join our newsletter", "Join our mailing list", "Thank you for subscribing",
	"Thanks for subscribing", "You're subscribed", "You're all set", "Get our newsletter",
	"Free newsletter", "Sign up to our free newsletter", "You have already subscribed", "Register now",
	"Never miss a story", "Never miss a thing", "Never miss an update", "Support our journalism",
	"Support local journalism", "Support independent journalism", "To read the full story",
	"Read the full story", "To continue reading", "Subscribe to read", "Subscribe to continue reading",
	"Subscribe to read the full story", "You have been successfully subscribed", "You have successfully subscribed",
	"Successfully subscribed", "Thanks for signing up", "Thank you for signing up",
	"Invalid email", "Invalid email address", "Please enter a valid email address", "Please enter a valid email",
	"Enter a valid email address",
)

var subscribeVerbs = []string{"get ", "sign up", "subscribe", "receive ", "enter ", "join ", "stay ", "want ", "never miss", "to receive ", "click here to ", "click to "}

var subscribeObjects = []string{"newsletter", "your inbox", "our mailing list", "your email", "e-mails", "emails", "email updates", "subscription", "news updates", "news alerts"}

// appVerbs open a news app's promotion; appNews are what it promises.
var (
	appVerbs = []string{"get ", "download ", "install ", "click here to get ", "click here to download ", "tap here to get "}
	appNews  = []string{"news", "headlines", "coverage", "stories", "updates", "breaking", "full story"}
)

// appPromo: a line that tells the reader to get a site's app for its news,
// "Get the latest news straight to your phone with the Harbour Post app",
// "Download the Harbour Times app for full coverage"; a how-to's "Download
// the app, open it and ..." promises no news, and an attribution makes it
// a report.
func appPromo(key string) bool {
	if key == "get the app" || key == "download the app" || key == "get our app" || key == "download our app" {
		return true
	}
	if len(strings.Fields(key)) > 20 || !strings.Contains(" "+key+" ", " app ") {
		return false
	}
	verb := false
	for _, v := range appVerbs {
		verb = verb || strings.HasPrefix(key, v)
	}
	if !verb || strings.Contains(key, ", the ") || strings.Contains(key, " said") {
		return false
	}
	for _, w := range appNews {
		if strings.Contains(key, w) {
			return true
		}
	}
	return false
}

// resLetters lets every short line through a filter, for labels that
// start with a site's name ("DH Newsletter", "Intel Terms of Use").
var resLetters = resSet(strings.Split("abcdefghijklmnopqrstuvwxyz", "")...)

var subscribeFilter = newResFilter(200, []map[string]bool{subscribeLabels, resLetters}, append(subscribeVerbs, appVerbs...)...)

// newsletterTitle: a newsletter box's title, a short name ending in
// "Newsletter" ("DH Newsletter", "The Morning Briefing Newsletter"), in
// title case and without sentence punctuation.
func newsletterTitle(raw, key string) bool {
	if !strings.HasSuffix(key, " newsletter") && !strings.HasSuffix(key, " newsletters") {
		return false
	}
	return resTitle(raw, 5, nil)
}

// resTitle: a widget's title rather than a sentence, at most maxWords
// words, no sentence punctuation, every word capitalised (or a number, or
// one of the small words allowed lower-case).
func resTitle(raw string, maxWords int, small map[string]bool) bool {
	words := strings.Fields(resLead(raw))
	if len(words) > maxWords || strings.ContainsAny(raw, ",;.!?") {
		return false
	}
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) && !unicode.IsDigit(r) && !small[w] {
			return false
		}
	}
	return true
}

func extractSubscribe(d *Document) Result {
	return resScan(d, subscribeFilter, func(i int, key string) bool {
		if subscribeLabels[key] || newsletterTitle(d.Lines[i].Text, key) || appPromo(key) {
			return true
		}
		if a, b, ok := strings.Cut(key, ". "); ok && subscribeLabels[a] && subscribeLabels[b] {
			return true // "Support our journalism. Subscribe today."
		}
		if len(strings.Fields(key)) > 24 {
			return false
		}
		verb := false
		for _, v := range subscribeVerbs {
			// a whole word: "Subscribers to the newsletter ..." is news
			if strings.HasPrefix(key, v) && (len(key) == len(v) || v[len(v)-1] == ' ' || key[len(v)] == ' ') {
				verb = true
				break
			}
		}
		if !verb {
			return false
		}
		for _, o := range subscribeObjects {
			if strings.Contains(key, o) {
				return true
			}
		}
		return false
	})
}

// ---- residue.cookie ----

var cookieLabels = resSet(
	"Accept all cookies", "Accept cookies", "Accept all", "Reject all", "Reject all cookies",
	"Allow all cookies", "Allow cookies", "Allow all", "Decline cookies", "Necessary cookies only",
	"Only necessary cookies", "Use necessary cookies only", "Cookie settings", "Cookies settings",
	"Cookie preferences", "Manage cookies", "Manage consent", "Manage consent preferences",
	"Manage preferences", "Manage cookie preferences", "Cookie policy", "Cookies policy",
	"Cookie consent", "We value your privacy", "Privacy preferences", "Consent preferences",
	"Customise cookies", "Customize cookies", "Accept and close", "Agree and proceed",
)

var cookiePrefixes = []string{
	"we use cookies", "this website uses cookies", "this site uses cookies", "our website uses cookies",
	"our site uses cookies", "we and our partners use cookies", "we and our partners store",
	"by continuing to browse", "by continuing to use this", "by continuing to use our",
	"by using this website", "by using this site", "by using our site", "by using our website",
	"by clicking \"accept", "by clicking “accept", "by clicking accept",
}

var cookieFilter = newResFilter(600, []map[string]bool{cookieLabels}, cookiePrefixes...)

func extractCookie(d *Document) Result {
	return resScan(d, cookieFilter, func(_ int, key string) bool {
		if cookieLabels[key] {
			return true
		}
		if key[0] != 'w' && key[0] != 't' && key[0] != 'o' && key[0] != 'b' {
			return false
		}
		for _, p := range cookiePrefixes {
			if strings.HasPrefix(key, p) {
				return true
			}
		}
		return false
	})
}

// ---- residue.site-chrome ----

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

// ---- residue.advertisement ----

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

// ---- residue.source-link ----

var sourceLabels = resSet("Source link", "Read the original article", "View original article", "Original article", "Source links")

// resDomain: "example.com", "www.example.co.uk", "https://x.org/a".
func resDomain(s string) bool {
	if strings.ContainsAny(s, " \t") || len(s) < 4 {
		return false
	}
	if strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "www.") {
		return true
	}
	dot := strings.LastIndexByte(s, '.')
	if dot <= 0 || dot >= len(s)-2 {
		return false
	}
	for _, r := range s[dot+1:] {
		if !(r >= 'a' && r <= 'z') {
			return false
		}
	}
	return true
}

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

// ---- residue.tag-list ----

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

// ---- residue.template-id ----

// templateWords are the parts of Blogger-style widget identifiers.
var templateWords = map[string]bool{
	"recent": true, "related": true, "default": true, "hot-posts": true, "post-list": true,
	"sidebar": true, "post-tag": true, "col-left": true, "col-right": true, "grid-big": true,
	"grid-small": true, "featured": true, "random": true, "comments": true, "slider": true,
	"carousel": true, "mega-menu": true, "block": true, "list": true, "grid": true, "ticker": true,
	"posts": true, "hot": true, "tab": true, "trending": true, "popular": true, "block-1": true,
	"block-2": true, "feat-big": true, "feat-list": true, "videos": true, "mega-grid": true,
	"recent-posts": true, "list1": true, "list2": true,
}

func templateID(t string) bool {
	if len(t) > 60 || strings.IndexByte(t, '/') < 0 || strings.ContainsAny(t, " \t") ||
		strings.Contains(t, "://") || strings.HasPrefix(t, "www.") {
		return false
	}
	if strings.Contains(t, "$results={") || strings.Contains(t, "$label={") || strings.Contains(t, "$type={") {
		return true
	}
	parts := strings.Split(t, "/")
	known, numeric := false, 0
	for _, p := range parts {
		if p == "" {
			return false
		}
		digits := true
		for i := 0; i < len(p); i++ {
			c := p[i]
			switch {
			case c >= '0' && c <= '9':
			case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '-', c == '_':
				digits = false
			default:
				return false
			}
		}
		if digits {
			numeric++
		}
		if templateWords[lowerASCII(p)] {
			known = true
		}
	}
	return known && numeric < len(parts)
}

func extractTemplateID(d *Document) Result {
	var fs []Finding
	for i, l := range d.Lines {
		if l.Blank || d.resLen(i) > resMaxLine || strings.IndexByte(l.Text, '/') < 0 && strings.IndexByte(l.Text, '$') < 0 {
			continue
		}
		t := strings.TrimFunc(l.Text, resEdge)
		if templateID(t) || strings.HasPrefix(t, "$") && templateID(strings.ReplaceAll(t, " ", "")) {
			fs = append(fs, d.LineFinding(i, 1))
		}
	}
	return resResult(fs)
}

// ---- residue.site-counter ----

// resNumberLine: the line holds only a number ("0", "12", "1,204").
func resNumberLine(s string) bool {
	s = strings.TrimFunc(s, resEdge)
	return s != "" && resCount(s) && s[0] >= '0' && s[0] <= '9'
}

// resHeaderLine: a site name — 1 to 5 words, a letter, no terminal punctuation.
func resHeaderLine(s string) bool {
	s = strings.TrimFunc(s, resEdge)
	if s == "" || resOver(s, 60) || resNumberLine(s) {
		return false
	}
	if n := len(strings.Fields(s)); n > 5 {
		return false
	}
	if r, _ := utf8.DecodeLastRuneInString(s); strings.ContainsRune(".!?:;,\"”)", r) {
		return false
	}
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

func extractSiteCounter(d *Document) Result {
	// a numbered list (1, 2, 3 on lines of their own) is not a counter.
	prevVal, steps := -10, 0
	for i, l := range d.Lines {
		if l.Blank || d.resLen(i) > 16 || !resNumberLine(l.Text) {
			continue
		}
		v := resAtoi(strings.TrimFunc(l.Text, resEdge))
		if v == prevVal+1 {
			steps++
		}
		prevVal = v
	}
	if steps >= 1 {
		return Result{}
	}
	var fs []Finding
	fired := map[int]bool{}
	for i, l := range d.Lines {
		if l.Blank || d.resLen(i) > 16 || !resNumberLine(l.Text) {
			continue
		}
		p := resPrevNonBlank(d, i)
		if p < 0 {
			continue
		}
		switch {
		case fired[p] && resNumberLine(d.Lines[p].Text):
			// another counter right after a counter of the same header.
		case resHeaderLine(d.Lines[p].Text):
			if !fired[p] {
				fired[p] = true
				fs = append(fs, d.LineFinding(p, 1))
			}
		default:
			continue
		}
		fired[i] = true
		fs = append(fs, d.LineFinding(i, 1))
	}
	return resResult(fs)
}

func resAtoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= '0' && c <= '9' {
			n = n*10 + int(c-'0')
			if n > 1e8 {
				return -100
			}
		} else if c != ',' {
			return -100
		}
	}
	return n
}

// ---- residue.nav-menu ----

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

// siteWords name a site's own pages and services rather than a topic: a
// list of them is the site talking about itself, never the article.
var siteWords = resSet(
	"home", "homepage", "home page", "about", "about us", "contact", "contact us", "search", "menu",
	"login", "log in", "log out", "logout", "sign in", "sign up", "sign out", "register", "my account",
	"account", "profile", "my profile", "subscribe", "newsletter", "newsletters", "donate", "advertise",
	"advertising", "advertise with us", "store", "shop", "careers", "jobs", "privacy", "privacy policy",
	"terms", "terms of use", "terms of service", "cookie policy", "faq", "help", "support", "sitemap",
	"site map", "rss", "feedback", "press", "newsroom", "sections", "current issue", "archive",
	"archives", "blog", "forum", "forums", "team", "our team", "authors", "contributors", "services",
)

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

// navStyle is the leading bullet or heading mark of a line, or 0.
func navStyle(s string) rune {
	s = strings.TrimLeftFunc(s, resEdge)
	r, _ := utf8.DecodeRuneInString(s)
	if strings.ContainsRune("-*•·>#▪►◦", r) {
		return r
	}
	return 0
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
			colon := false
			if p := resPrevNonBlank(d, run[0]); p >= 0 {
				colon = strings.HasSuffix(strings.TrimFunc(d.Lines[p].Text, resEdge), ":")
			}
			if (n >= 5 && !colon) || 2*menu > n {
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

// ---- residue.trailing-blank ----

func extractTrailingBlank(d *Document) Result {
	if d.Format == "html" || d.Format == "markdown" {
		// markup reads as blank lines (closing tags; a closing code
		// block, link definitions or comments in Markdown): a file's
		// trailing blanks say nothing there
		return Result{}
	}
	n := len(d.Lines)
	end := n
	if strings.HasSuffix(d.Text, "\n") {
		end-- // the empty line after the final newline is not a blank line
	}
	first := end
	for first > 0 && resBlank(d.Lines[first-1]) {
		first--
	}
	if first == 0 || end-first < 3 {
		return Result{}
	}
	l := d.Lines[first]
	return resResult([]Finding{d.Finding(Span{l.Start, l.Start}, 1)})
}
