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
				"Absolutely! Here's a more enthusiastic version:\n\nThe museum opens at nine on weekdays.",
				"I'm sorry, but as an AI language model, I cannot give medical advice. Please see a doctor.",
				"The museum's motto is \"history for all\". As an AI language model, I cannot verify the visitor numbers.",
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
				"The reply was polite but useless: \"I'm sorry, but as an AI language model, I cannot give medical advice.\"",
				"“I’m sorry, but as an AI language model, I cannot give medical advice,” the chatbot replied.",
				"He pasted the answer into the group chat: “I checked. As of my last knowledge update, the stadium had not been finished.”",
				"The chatbot was no help.\n\n> I'm sorry, but as an AI language model, I cannot give medical advice.\n\nSo I called the clinic.",
				"Sure! Here's the thing: nobody expected the vote to pass.",
				"The bot answered: Certainly! Here is a summary of the report.",
				"Asked to insult the mayor, it replied: I'm sorry, but as an AI language model, I cannot make personal attacks.",
				"The chatbot replied that as an AI language model it could not make personal attacks.",
				"I cannot fulfill that request, I told my boss, and then I quit.",
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
				"Download our free template at [Insert link] and start today.",
				"\"[Insert quote from CEO],\" said [Name], adding that the release included new figures.",
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
				"Readers received letters this week addressed to \"Dear [Name]\" after a mail-merge error.",
				"Readers received letters this week that opened with \"Dear [Name]\" after a mail-merge error.",
				"The press release, which included the line \"contact [Name] at [Phone Number]\", was withdrawn.",
				"Use {{name}} in your Mailchimp template to greet each subscriber.",
				"Typesetters have used Lorem ipsum dolor sit amet as dummy text since the 1500s.",
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
				"The lake is the deepest in Europe【12:3†source】 and the coldest.",
				"Rain fell all week.【4:0†turn0search1】",
			},
			Quiet: []string{
				"The chatbot sometimes added stray citation markers, the company admitted.",
				"It was her turn to search the house, and his turn after that.",
				"Turn 10 at the circuit is where most crashes happen.",
				"See https://example.org/report?utm_source=newsletter for details.",
				"The source, who asked not to be named, said talks had stalled.",
				"Analytics tools now show visits tagged utm_source=chatgpt.com as referrals, the agency said.",
				"【Open Source Conference 2024 Tokyo】開催のお知らせ。今年も東京でオープンソースカンファレンスを開催します。",
				"The talks ended on Tuesday and the results were final. 【Source: Xinhua】 Officials said more rounds would follow.",
				"At one school, the essays ended with the string \"oaicite:0\", which gave the students away.",
				"The string turn0search0 appears in text pasted from ChatGPT.",
				"Markers such as oaicite and contentReference, she said, are never typed by a person.",
				"Her students pasted in odd markers like 【4†source】, which appear when text is copied from a chat window.",
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
// "| I hope this helps | delete |"). A colon after a speaker's verb
// introduces the words as said, quotation marks or not: "the bot
// answered: Certainly! Here is a summary", "she wrote back: ...".
func leakQuoteBefore(d *Document, m PhraseMatch) bool {
	s := strings.TrimRightFunc(d.Text[:m.Start], unicode.IsSpace)
	if r, _ := utf8.DecodeLastRuneInString(s); strings.ContainsRune("\"“'‘«„`|", r) {
		return true
	}
	if m.FirstToken == 0 {
		return false
	}
	k := m.FirstToken - 1
	if leakNamingWords[d.Tokens[k].Lower] {
		return true
	}
	// reported speech: "the chatbot replied that as an AI language model
	// it could not ..."
	if d.Tokens[k].Lower == "that" && k > 0 && leakSpeaks(d.Tokens[k-1].Lower) {
		return true
	}
	// a speaker's colon right before the words, or earlier in their
	// sentence on the same line ("it replied: I'm sorry, but as an AI
	// language model, ..."): what follows it is what was said
	line := d.Tokens[m.FirstToken].Line
	for j := k; j >= 0 && j > k-25 && d.Tokens[j].Line == line; j-- {
		switch d.Tokens[j].Text {
		case ".", "!", "?":
			return false
		case ":":
			if speakerColon(d, j) {
				return true
			}
		}
	}
	return false
}

// speakerColon tells whether the colon at token k follows a speaker's verb
// within the two words before it ("wrote back:", "told me:"), on its line.
func speakerColon(d *Document, k int) bool {
	for j, words := k-1, 0; j >= 0 && words < 2 && d.Tokens[j].Kind == Word && d.Tokens[j].Line == d.Tokens[k].Line; j-- {
		if leakSpeaks(d.Tokens[j].Lower) {
			return true
		}
		words++
	}
	return false
}

// leakSpeaks tells a word that says what follows was said or named.
func leakSpeaks(w string) bool { return leakNamingWords[w] || attributionVerbs[w] }

// leakNamingWords, right before the words, name them as a phrase or as
// what someone said.
var leakNamingWords = map[string]bool{
	"phrase": true, "phrases": true, "words": true, "wording": true, "line": true, "message": true,
	"saying": true, "reads": true, "read": true, "reading": true,
	"said": true, "says": true, "replied": true, "replies": true, "wrote": true, "writes": true,
	"answered": true, "answers": true, "responded": true,
	"told": true, "typed": true, "claimed": true, "stating": true, "states": true, "stated": true,
}

// leakQuoted tells whether offset i of d stands in quoted text: inside a
// quotation opened earlier in its paragraph and not closed before i (see
// leakInQuotation), or on a quoted line (leakQuotedLine). Journalism
// quotes a chatbot's reply this way; a text that leaks one does not put
// quotation marks around its own words.
func leakQuoted(d *Document, i int) bool {
	return leakQuotedLine(d, i) || leakInQuotation(d, i)
}

// leakQuotedLine tells whether offset i stands on a quoted line: one that
// opens with ">" (an email's quote, or a Markdown blockquote read as plain
// text) or, in a Markdown file, whose opening the reader blanked and
// nothing else: a blockquote's ">" and a list item's bullet alike, which
// the document no longer tells apart. (Markdown does not indent its
// paragraphs; a blanked emphasis or link at the start blanks its closing
// too, and that line counts as unquoted.)
func leakQuotedLine(d *Document, i int) bool {
	k := d.lineAt(i)
	if k < 0 || k >= len(d.Lines) {
		return false
	}
	line := d.Lines[k].Text
	body := strings.TrimLeft(line, " \t")
	if strings.HasPrefix(body, ">") {
		return true
	}
	// a quote or list marker leaves one blanked run, at the start; an
	// emphasis or a link there leaves another where it closes ("**Note:**
	// As an AI ..." reads "  Note:   As an AI ...")
	return d.Format == "markdown" && strings.HasPrefix(line, " ") && body != "" &&
		!strings.Contains(body, "  ") && !strings.HasSuffix(body, " ")
}

// leakQuoteReach bounds how far back, in bytes, leakQuotation looks for an
// open quotation mark.
const leakQuoteReach = 1500

// leakInQuotation tells whether offset i stands inside a quotation (see
// leakQuotation).
func leakInQuotation(d *Document, i int) bool { return leakQuotation(d, i) >= 0 }

// leakQuotation returns the offset of the quotation mark that opens the
// quotation i stands in, or -1: one opened earlier in i's paragraph, at
// most leakQuoteReach bytes back, and not closed before i (a quotation
// may run over several sentences). Curly and angle quotes say which way
// they face; a straight double quote opens after a space or a bracket (or
// at the start) and closes after anything else, so a scan that starts
// inside a quotation does not mistake its closing mark for an opening
// one. Single quotes count within i's sentence only, since most of them
// are apostrophes: one between letters ("don’t") never opens or closes a
// quotation.
func leakQuotation(d *Document, i int) int {
	from := 0
	if k := sort.Search(len(d.Paragraphs), func(k int) bool { return d.Paragraphs[k].End > i }); k < len(d.Paragraphs) && d.Paragraphs[k].Start <= i {
		from = d.Paragraphs[k].Start
	}
	sentence := from
	if k := sort.Search(len(d.Sentences), func(k int) bool { return d.Sentences[k].End > i }); k < len(d.Sentences) && d.Sentences[k].Start <= i {
		sentence = max(d.Sentences[k].Start, from)
	}
	t := d.Text
	// a quotation longer than this is not one: bound the scan, so that a
	// text of many slots in one long paragraph is not read over and over
	if from < i-leakQuoteReach {
		from = i - leakQuoteReach
		for from < i && !utf8.RuneStart(t[from]) {
			from++
		}
	}
	double, single := -1, -1
	prev := ' '
	for k, r := range t[from:i] {
		p := from + k
		next, _ := utf8.DecodeRuneInString(t[p+utf8.RuneLen(r):])
		opens := unicode.IsSpace(prev) || strings.ContainsRune("([{—–-/:", prev)
		switch r {
		case '“', '«', '„':
			double = p
		case '”', '»':
			double = -1
		case '"':
			if opens && !unicode.IsSpace(next) {
				double = p
			} else if !opens {
				double = -1
			}
		case '‘', '\'', '’':
			if p < sentence {
				break
			}
			switch {
			case (unicode.IsLetter(prev) || unicode.IsDigit(prev)) && unicode.IsLetter(next):
				// an apostrophe: "don’t", "Here's"
			case opens && unicode.IsLetter(next):
				single = p
			case !opens:
				single = -1
			}
		}
		prev = r
	}
	return max(double, single)
}

// attributionVerbs end a sentence that reports what someone said: "I
// cannot fulfill that request, the minister told reporters".
var attributionVerbs = map[string]bool{
	"said": true, "says": true, "told": true, "tells": true, "wrote": true, "writes": true,
	"joked": true, "jokes": true, "quipped": true, "added": true, "replied": true, "replies": true,
	"answered": true, "explained": true, "insisted": true, "admitted": true, "recalled": true,
	"tweeted": true, "posted": true, "responded": true, "asked": true, "claimed": true,
}
