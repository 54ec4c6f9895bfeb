package features

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Residue features: page-template leftovers scraped along with the article
// (comment counters, share bars, newsletter boxes, cookie banners, menus).
// They fire on widget LINES — the label standing alone on its line, or a line
// that is clearly a widget — never on the same words inside a sentence, so an
// article about comment sections or cookies stays quiet.
//
// Each rule's code is in its own file, residue_<rule>.go (residue.nav-menu's
// in residue_nav_menu.go); the helpers several rules share follow init.

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
				"Get the latest news in your inbox",
				"Join our newsletter",
				"Enter your email address:",
				"Stay up to date with our newsletter",
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
				"Get rid of spam emails by setting up a filter, the guide suggests.",
				"Stay away from emails that ask for your password, the bank warned.",
				"Enter your email address and a password, the bank's guide says, and never reuse either.",
				"Join the thousands of families who have signed the petition, the newsletter's editor wrote.",
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
				"By continuing to use this site, you agree to our use of cookies.",
				"By continuing to use this website you consent to the use of cookies in accordance with our Cookie Policy.",
				"By using our website, you agree to our Privacy Policy.",
			},
			Quiet: []string{
				"Most websites now tell visitors that they use cookies to track them.",
				"Many readers accept all cookies without reading the terms, the study found.",
				"Cookie settings are hidden deep in the browser menu, the regulator said.",
				"\"We use cookies only for analytics,\" the company's spokesperson said.",
				"The bakery sold 4,000 cookies at the fair.",
				"By continuing to use this drug after the warning, patients risked liver damage, the study found.",
				"By using this website's data, researchers were able to map the outbreak.",
				"We use cookies to track readers, the company admitted in court.",
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
				"The council voted on Tuesday to close the library, citing costs.\n\nMore Sections\n\nGardening\nRecipes\nTravel Tips\nBooks\nMusic Reviews",
				"Harbour Daily News\n\n- Gardening\n- Recipes\n- Travel Tips\n- Books\n- Music Reviews\n\nThe council voted on Tuesday to close the library, citing costs.",
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
				// a list under a heading of the article, inside it, is the article's
				"# Pancakes\n\nThese pancakes are quick to make, and my children love them on a Sunday morning.\n\n## Ingredients\n\n- Flour\n- Butter\n- Sugar\n- Eggs\n- Milk\n- Salt\n\n## Method\n\nMix the flour, sugar and salt in a bowl, then make a well in the middle.\n\nWhisk in the eggs and milk, melt the butter in a pan and fry the batter.",
				"Camping on a budget\n\nYou do not need expensive gear to spend a night outdoors, and most of it can be borrowed.\n\nWhat You Need\n\n- Tent\n- Sleeping Bag\n- Stove\n- Head Torch\n- Water Bottle\n- First Aid Kit\n\nPitch the tent before dark, and practise at home first if you have never done it.",
				"Camping on a budget\n\nYou do not need expensive gear to spend a night outdoors, and most of it can be borrowed.\n\nWhat You Need\n\nTent\nSleeping Bag\nStove\nHead Torch\nWater Bottle\nFirst Aid Kit\n\nPitch the tent before dark, and practise at home first if you have never done it.",
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

// resLetters lets every short line through a filter, for labels that
// start with a site's name ("DH Newsletter", "Intel Terms of Use").
var resLetters = resSet(strings.Split("abcdefghijklmnopqrstuvwxyz", "")...)

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

// navStyle is the leading bullet or heading mark of a line, or 0.
func navStyle(s string) rune {
	s = strings.TrimLeftFunc(s, resEdge)
	r, _ := utf8.DecodeRuneInString(s)
	if strings.ContainsRune("-*•·>#▪►◦", r) {
		return r
	}
	return 0
}

// resReportVerbs say who said or found something: the verb of an
// attribution clause (", the bank warned", ", the guide suggests").
var resReportVerbs = map[string]bool{
	"said": true, "says": true, "told": true, "tells": true, "wrote": true, "writes": true,
	"warned": true, "warns": true, "suggested": true, "suggests": true, "found": true, "finds": true,
	"added": true, "adds": true, "explained": true, "explains": true, "noted": true, "advised": true,
	"advises": true, "argued": true, "argues": true, "claimed": true, "insisted": true, "announced": true,
	"stated": true, "urged": true, "urges": true, "concluded": true, "recalled": true, "reported": true,
	"according": true, "recommended": true, "recommends": true, "cautioned": true, "admitted": true,
}

// resReported: key (a resKey) reports what someone said or found rather
// than speaking to the reader as a widget does: it opens with a quotation
// mark, or a clause after a comma, of six words at most, holds a reporting
// verb ("..., the bank warned", "..., the bank's guide says, and ...",
// "..., according to the council"). A widget speaks for the site in its
// own voice and quotes nobody.
func resReported(key string) bool {
	if r, _ := utf8.DecodeRuneInString(key); strings.ContainsRune("\"“”«'‘", r) {
		return true
	}
	clauses := strings.Split(key, ", ")
	for _, c := range clauses[1:] {
		words := strings.Fields(c)
		if len(words) > 6 {
			continue
		}
		for _, w := range words {
			if resReportVerbs[strings.TrimRight(w, ".,;:!?\"”'’)")] {
				return true
			}
		}
	}
	return false
}
