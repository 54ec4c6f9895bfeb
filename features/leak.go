package features

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Leak features: prompt and chatbot artefacts left in the published text.
// Every one of them is hard evidence, so each rule is written to stay quiet
// on journalism that quotes or discusses such artefacts.
//
// Each rule's code is in its own file, leak_<rule>.go (leak.chat-citation's
// in leak_chat_citation.go); the helpers several rules share follow init.

func init() {
	register(
		&Feature{
			ID:          "leak.seo-instructions",
			Category:    Leak,
			Description: "leaked SEO brief: meta description, focus keywords, slug lines or keyword instructions",
			Hard:        true,
			Fires: []string{
				"## SEO Considerations\nUse short paragraphs and clear subheadings.",
				"Meta Description: Discover the best hiking boots for wet weather in our complete guide.",
				"**Focus Keywords:** garden furniture, outdoor sofa, patio set",
				"Slug: best-budget-laptops-for-students",
				"The article should focus strategically on keywords such as cheap flights and last-minute deals.",
				"Write 800 words, incorporating these keywords naturally throughout the text.",
				"Target keywords: mortgage rates, first-time buyers",
				"SEO Title: Ten Reasons to Visit Lisbon This Spring",
				"Write 800 words for the travel section and use the\nfollowing keywords: cheap flights, city breaks.",
			},
			Quiet: []string{
				"The agency hired consultants to improve its search engine optimisation last year.",
				"Meta description of its new privacy policy drew criticism from regulators on Tuesday.",
				"Slug numbers rose sharply in gardens across the county this spring, growers said.",
				"Publishers chase keywords, critics say, and headlines suffer for it.",
				"The focus keyword for the campaign, she joked, was simply \"more\".",
				"Target: keep inflation near 2% by the end of the year.",
				"SLUG: BC-Budget-Vote",
				"## Keywords Currently in Use\n\nThe following keywords are reserved and cannot be used as names.",
				"Keywords Currently in Use\nThe following keywords are reserved and cannot be used as names.",
				"Writers were told to produce 800 words a day, incorporating the keywords naturally, the leaked brief showed.",
				"The agency asked freelancers to use the following keywords in every post, two of them said.",
			},
			Extract: extractSEOInstructions,
		},
		&Feature{
			ID:          "leak.chatbot",
			Category:    Leak,
			Description: "chatbot voice: \"As an AI language model\", \"Certainly! Here's\", knowledge-cutoff talk; an assistant's sign-off (\"I hope this helps\", \"Let me know if you'd like\") only beside them",
			Hard:        true,
			Fires: []string{
				"As an AI language model, I cannot predict the outcome, but analysts said turnout will be high.",
				"As an AI language model, I cannot predict the outcome of the election.",
				"Certainly! Here is a 600-word article about the new bridge.",
				"Sure! Here's a catchy introduction for your blog post.",
				"Here is a rewritten version of the article with a more formal tone.",
				"Certainly! Here is the article.\n\nThe museum opens at nine on weekdays.\n\nI hope this helps! Let me know if you'd like me to add more examples.",
				"As of my last knowledge update in 2023, the stadium had not been finished.",
				"I don't have real-time access to stock prices, but analysts expect growth.",
				"I cannot fulfill that request.",
				"Of course! Here's the article:\n\nThe museum opens at nine on weekdays.",
				"Here's a revised version of the news article, optimized for SEO:",
				"Here is an SEO-optimized version of your blog post.",
				"Here's a polished version of your text:\n\nThe museum opens at nine on weekdays.",
				"Sure, here's the adjusted text with a more casual tone:\n\nThe museum opens at nine on weekdays.",
				"Certainly. Here is the revised text:\n\nThe museum opens at nine on weekdays.",
				"Here is the reworded passage:\n\nThe museum opens at nine on weekdays.",
			},
			Quiet: []string{
				"As an AI language model, ChatGPT cannot vote, the professor joked during the debate.",
				"I cannot fulfill that request, the minister told reporters when asked to resign.",
				"Sellers were caught when listings carried the phrase \"As an AI language model\" in their titles.",
				"\"I hope this helps the families,\" the mayor said after announcing the fund.",
				"Parents should feel free to ask teachers any questions at the open evening.",
				"Certainly, the council said, the roadworks will finish before winter.",
				"The chatbot's answers often begin with the words as an AI language model, researchers noted.",
				"Here is a version of events that the court accepted, the lawyer argued.",
				"Let me know if you see him, the woman told neighbours.",
				"Critics describe the chatbot as a large language model that predicts the next word.",
				"As of my last update on Tuesday, the fire was contained, the reporter wrote.",
				"Sure, here's the thing: nobody expected the vote to pass.",
				"The bot replied my knowledge cutoff is 2021 when asked about the match.",
				"Here is a revised version of the timetable, which starts in June.",
				"Of course, here's the catch: the bridge will close for a year.",
				"The editor wrote back: a shorter version of your article will run on Sunday.",
				"The council changed the bylaw on Tuesday.\n\nHere is the revised text:\n\nNo dogs on the beach from May to September.",
				"\"Sure, here you go:\" he said, and handed over the keys.",
				"Sure, here's what I did:\n\nI moved the money into an index fund and left it there.",
				"Here's the short version:\n\nThe council will close the pool in May to save money.",
				"\"Of course! Here's the money,\" he said, handing over the envelope.",
				"Index funds are the safe choice for most savers. Good luck, and I hope this helps.",
				"That's the sauce I grew up with. Let me know if you'd like the recipe for the bread too!",
				"If you have any other questions, feel free to ask!",
				"| Phrase | Fix |\n| --- | --- |\n| I hope this helps, let's dive in | delete |",
			},
			Extract: extractChatbot,
		},
		&Feature{
			ID:          "leak.placeholder",
			Category:    Leak,
			Description: "unfilled template placeholders such as [Your Name], [Insert link], {{city}} or INSERT QUOTE HERE (not code, and in technical writing only slots named in words)",
			Hard:        true,
			Fires: []string{
				"For more information, contact [Your Name] at [Company Name].",
				"The event takes place on [Date] in [Location].",
				"Click here to read the full report: [Insert link to report]",
				"Welcome to {{city}}, the friendliest town in the region.",
				"INSERT QUOTE FROM CEO HERE",
				"Our team at [COMPANY_NAME] is ready to help.",
				"Lorem ipsum dolor sit amet, consectetur adipiscing elit.",
				"Book your table today (insert booking link here).",
				"Welcome to {city_name}, the friendliest town in the region.",
				"For details, contact [Name of Company] before the end of the month.",
				"Run the installer with --quiet, then call setup() and set PATH= before you write to [Your Name].",
				"Tracking links like https://example.com/?utm_source=news&utm_medium=mail are fine, but [COMPANY_NAME] is not.",
				"    Dear readers, this column was written by [Your Name] for the spring issue.",
				"\"We are thrilled with the result,\" said [Name], the firm's director.",
				"Dear [Recipient Name],\n\nThank you for your order, which will reach you on [Delivery Date].",
				"The mayor said: \"[Insert quote from mayor about the new park]\"",
			},
			Quiet: []string{
				"\"We told [the minister] that the figures were wrong,\" she said.",
				"The court heard that [Smith] had left the building before midnight.",
				"[UPDATE] The council has since responded to our questions.",
				"Read the [link](https://example.com/report) for the full findings.",
				"Concentration [X] rose as the solution cooled, the study found.",
				"\"They will look after [your children] as their own,\" the head teacher said.",
				"Engineers had to insert a new cable here after the storm.",
				"The full report is online [link] and runs to 200 pages.",
				"\"They [company] never paid us,\" the builder said.",
				"The log command takes a template such as '{rev}: {author}' and prints one line a commit.",
				"Give her a gift she loves and she says: \"Oh, [name of the gift]! Thank you, I love it.\"",
				"PLEASE READ THE RULES BEFORE POSTING. [LINK IN THE SIDEBAR] THANK YOU.",
				"gcloud projects create [PROJECT_ID] --no-enable-cloud-apis --folder=FOLDER_ID --labels=KEY=VALUE",
				"The service now installs to ${CMAKE_INSTALL_LIBEXECDIR}/dbus-daemon-launch-helper.",
				"png_color std_color_cube[MAX_SCREEN_COLORS] = { ... };",
				"Resources are named projects/{project_id}/locations/{location_id} in the API.",
				".link files gained support for the [Link] Promiscuous= setting and MACAddressPolicy= in udev_builtin_net_id().",
				"ar [-X32_64] [-]p[mod] archive member...",
				"Usage: factor [NUMBER]...",
				"To try a script, edit a file and source it:\n\t:edit test.vim\n\t[insert the script lines you want]\n\t:w\n\nSee :help expr-option and :help i_CTRL-G_U for getline() and col().",
				"Typing a text like this, with the mapping for getline() and col() from above:\n\n   Lorem ipsum (dolor\n\nrepeats with |.| (see :help i_CTRL-G_U).",
				"This method can be called after convert(), e.g.: $converter->convert(\"lorem ipsum dolor sit amet\"); $retval = $converter->retval(); print retval();",
				"ip [-all] netns del [ NAME ]\nip [-all] netns exec [ NAME ] cmd ...\nip [-a] netns set [ NAME ] NETNSID",
				"OBJECT := { ctrl CTRL_OPTS }\nCTRL_OPTS := { help | list }\nPARMS := { name NAME | id ID }",
				"The Initial Developer of the Original Code is [______]. All Rights Reserved.",
				"Bindings take the form {tag_key_short_name}; see --tag-value and parent=ORG_ID for the resource_type.",
				"To adapt the template, replace [Your Name] with your own name and [Company] with your employer's.",
				"The form letter, which began \"Dear [Recipient],\" went to thousands of voters by mistake.",
				"The product page was so careless that it still read \"[Insert link here]\" where the link belonged.",
				"By Monday the site's front page still read \"INSERT QUOTE HERE\", and readers noticed.",
				"Placeholders such as [Client Name] had been left in the published report, the inquiry found.",
			},
			Extract: extractPlaceholder,
		},
		&Feature{
			ID:          "leak.chat-citation",
			AnyLanguage: true,
			Category:    Leak,
			Description: "chat-interface citation markers: oaicite, contentReference, turn0search0, 【4†source】, utm_source=chatgpt.com",
			Hard:        true,
			Fires: []string{
				"The bridge opened in 1932. :contentReference[oaicite:0]{index=0}",
				"Prices rose by 4% last year citeturn0search3.",
				"The lake is the deepest in Europe【4†source】.",
				"See https://example.org/report?utm_source=chatgpt.com for details.",
				"See https://example.org/report?id=4&utm_source=openai for details.",
				"Visitors doubled in a decade turn2news11 and hotels filled up.",
			},
			Quiet: []string{
				"The chatbot sometimes added stray citation markers, the company admitted.",
				"It was her turn to search the house, and his turn after that.",
				"Turn 10 at the circuit is where most crashes happen.",
				"See https://example.org/report?utm_source=newsletter for details.",
				"The source, who asked not to be named, said talks had stalled.",
				"Analytics tools now show visits tagged utm_source=chatgpt.com as referrals, the agency said.",
			},
			Extract: extractChatCitation,
		},
	)
}

// leakResult turns findings into the evidence value log1p(count).
func leakResult(fs []Finding) Result {
	return Result{Value: math.Log1p(float64(len(fs))), Findings: fs}
}

// sentenceOf returns the token range [start, end) of the sentence holding
// token k, or the whole document when no sentence does.
func sentenceOf(d *Document, k int) (start, end int) {
	for _, s := range d.Sentences {
		if s.FirstToken <= k && k < s.EndToken {
			return s.FirstToken, s.EndToken
		}
	}
	return 0, len(d.Tokens)
}

// leakSortFindings orders findings by position.
func leakSortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		if fs[i].Line != fs[j].Line {
			return fs[i].Line < fs[j].Line
		}
		return fs[i].Column < fs[j].Column
	})
}

// leakQuoteBefore tells whether the text just before offset opens a quotation
// or names the words as a phrase, the way articles about chatbots cite them;
// a table cell that opens with the words lists them (a style guide's
// "| I hope this helps | delete |").
func leakQuoteBefore(d *Document, m PhraseMatch) bool {
	s := strings.TrimRightFunc(d.Text[:m.Start], unicode.IsSpace)
	if r, _ := utf8.DecodeLastRuneInString(s); strings.ContainsRune("\"“'‘«„`|", r) {
		return true
	}
	if m.FirstToken > 0 {
		switch d.Tokens[m.FirstToken-1].Lower {
		case "phrase", "phrases", "words", "wording", "line", "message", "saying", "reads", "read", "reading",
			"said", "says", "replied", "replies", "wrote", "writes", "answered", "answers", "responded",
			"told", "typed", "claimed", "stating", "states", "stated":
			return true
		}
	}
	return false
}

// attributionVerbs end a sentence that reports what someone said: "I
// cannot fulfill that request, the minister told reporters".
var attributionVerbs = map[string]bool{
	"said": true, "says": true, "told": true, "tells": true, "wrote": true, "writes": true,
	"joked": true, "jokes": true, "quipped": true, "added": true, "replied": true, "replies": true,
	"answered": true, "explained": true, "insisted": true, "admitted": true, "recalled": true,
	"tweeted": true, "posted": true, "responded": true, "asked": true, "claimed": true,
}
