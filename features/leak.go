package features

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Leak features: prompt and chatbot artefacts left in the published text.
// Every one of them is hard evidence, so each rule is written to stay quiet
// on journalism that quotes or discusses such artefacts.

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

// ---- leak.seo-instructions ----

// seoColonLabels are brief fields; they count only when followed by a colon.
var seoColonLabels = []string{
	"meta description", "meta title", "meta keywords", "seo meta description",
	"focus keyword", "focus keywords", "focus keyphrase", "focus key phrase",
	"target keyword", "target keywords", "primary keyword", "primary keywords",
	"secondary keyword", "secondary keywords", "lsi keywords",
	"seo title", "seo keywords", "seo slug", "url slug", "slug",
}

// seoHeadingLabels are section titles of a leaked brief: alone on their line
// or followed by a colon.
var seoHeadingLabels = []string{
	"seo considerations", "seo optimization", "seo optimisation", "seo optimization tips",
	"seo optimisation tips", "seo elements", "seo notes", "seo recommendations",
}

var seoInstructionPhrases = NewPhraseSet([]string{
	"focus strategically on keywords", "focusing strategically on keywords",
	"focuses strategically on keywords",
	"incorporating these keywords naturally", "incorporate these keywords naturally",
	"incorporating the keywords naturally", "incorporate the keywords naturally",
	"naturally incorporating these keywords", "naturally incorporate these keywords",
	"naturally incorporating the keywords", "naturally incorporate the keywords",
	"to optimize online visibility", "to optimise online visibility",
	"optimize this article for search engines", "optimise this article for search engines",
	"optimize the article for search engines", "optimise the article for search engines",
	"optimized for search engines and readers", "optimised for search engines and readers",
	"include the following keywords", "use the following keywords",
	"using the following keywords", "seo-optimized article", "seo-optimised article",
	"seo-friendly article",
})

// seoLabelLine reports whether a line opens with a leaked SEO brief label.
func seoLabelLine(line string) bool {
	t := strings.TrimSpace(line)
	t = strings.TrimLeft(t, "#*_->• \t")
	if t == "" {
		return false
	}
	switch c := t[0] | 0x20; c { // cheap pre-check on the first letter
	case 'm', 'f', 't', 'p', 's', 'u', 'l':
	default:
		return false
	}
	p := t
	if len(p) > 48 {
		p = p[:48]
	}
	p = lowerASCII(p)
	for _, l := range seoColonLabels {
		if strings.HasPrefix(p, l) && strings.HasPrefix(strings.TrimLeft(p[len(l):], "*_ "), ":") {
			if strings.HasSuffix(l, "slug") {
				// a newsroom slug ("SLUG: BC-Budget-Vote") is not an SEO brief;
				// a URL slug is lower-case kebab-case.
				v := strings.Trim(t[strings.IndexByte(t, ':')+1:], "*_ \t`")
				return seoKebab(v)
			}
			return true
		}
	}
	if len(t) > 48 {
		return false
	}
	for _, l := range seoHeadingLabels {
		if strings.HasPrefix(p, l) && strings.Trim(p[len(l):], "*_: ") == "" {
			return true
		}
	}
	return false
}

// seoKebab: "best-hiking-boots" (lower-case words joined by hyphens).
func seoKebab(v string) bool {
	if !strings.Contains(v, "-") || strings.HasPrefix(v, "-") || strings.HasSuffix(v, "-") {
		return false
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '/') {
			return false
		}
	}
	return true
}

func extractSEOInstructions(d *Document) Result {
	var fs []Finding
	seen := map[int]bool{}
	for i, l := range d.Lines {
		if !l.Blank && seoLabelLine(l.Text) {
			seen[i] = true
			fs = append(fs, d.LineFinding(i, 1))
		}
	}
	for _, m := range seoInstructionPhrases.FindLongest(d) {
		li := d.Tokens[m.FirstToken].Line
		if seen[li] || d.acrossBreak(m) || leakQuoteBefore(d, m) || reportedInstruction(d, m) {
			continue
		}
		seen[li] = true
		fs = append(fs, d.Finding(m.Span, 1))
	}
	leakSortFindings(fs)
	return leakResult(fs)
}

// reportedVerbs, followed by "to" earlier in the sentence, make an
// instruction reported rather than given: "Writers were told to ...,
// incorporating the keywords naturally", "asked freelancers to use the
// following keywords". A leaked brief gives it: "Write 800 words, ...".
var reportedVerbs = map[string]bool{
	"told": true, "asked": true, "instructed": true, "required": true, "ordered": true,
	"directed": true, "urged": true, "expected": true, "paid": true, "encouraged": true,
}

// reportedInstruction tells whether a reportedVerbs word stands earlier in
// m's sentence with "to" among the four tokens after it.
func reportedInstruction(d *Document, m PhraseMatch) bool {
	start, _ := sentenceOf(d, m.FirstToken)
	for k := start; k < m.FirstToken; k++ {
		if !reportedVerbs[d.Tokens[k].Lower] {
			continue
		}
		for j := k + 1; j <= k+4 && j < m.FirstToken; j++ {
			if d.Tokens[j].Lower == "to" {
				return true
			}
		}
	}
	return false
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

// ---- leak.chatbot ----

var chatbotPhrases = NewPhraseSet([]string{
	"as an ai language model", "as an ai developed by", "i am an ai language model", "i'm an ai language model",
	"certainly ! here is", "certainly ! here's", "certainly ! here are",
	"certainly ! below is", "sure ! here is", "sure ! here's", "sure ! here are",
	"of course ! here is", "of course ! here's", "of course ! here are",
	"absolutely ! here is", "absolutely ! here's", "absolutely ! here are",
	"here is a rewritten version", "here's a rewritten version",
	"here is the rewritten version", "here's the rewritten version",
	"here is an seo-optimized version", "here's an seo-optimized version",
	"here is a revised version of the news article", "here's a revised version of the news article",
	"here is a rephrased version of the article", "here's a rephrased version of the article",
	"here is a paraphrased version of the article", "here's a paraphrased version of the article",
	// "Here's a polished version of your text:": the answer addressing
	// its user, colon and all
	"version of your text :", "version of your article :", "version of your post :",
	"version of your blog post :", "version of your essay :", "version of your paragraph :",
	"here is a revised version of the article", "here's a revised version of the article",
	"here is a revised version of your article", "here's a revised version of your article",
	"here is a revised version of the text", "here's a revised version of the text",
	"here is a revised version of your text", "here's a revised version of your text",
	"here is the rewritten article", "here's the rewritten article",
	"here is the revised article", "here's the revised article",
	"here is a rewritten article", "here's a rewritten article",
	"i cannot fulfill that request", "i cannot fulfill this request",
	"i can't fulfill that request", "i can't fulfill this request",
	"i'm unable to fulfill this request", "i'm unable to fulfill that request",
	"i am unable to fulfill this request",
	"as of my last knowledge update", "as of my knowledge cutoff",
	"as of my last training", "my knowledge cutoff", "my knowledge cut-off",
	"i don't have real-time access", "i do not have real-time access",
	"i don't have access to real-time", "i do not have access to real-time",
	"i don't have the ability to browse", "i do not have the ability to browse",
})

// chatbotSignOffs close an assistant's answer, and people's answers on
// forums, in Q&A sites and in emails just as often ("Good luck, and I hope
// this helps." ends two person-written answers of the training data): they
// are evidence only beside a phrase that no person writes.
var chatbotSignOffs = NewPhraseSet([]string{
	"i hope this helps .", "i hope this helps !", "i hope this helps ,", "i hope this helps you",
	"i hope this information helps", "i hope this information is helpful",
	"let me know if you'd like", "let me know if you would like",
	"let me know if you need any", "let me know if you want me to",
	"feel free to ask .", "feel free to ask !", "feel free to ask if you", "feel free to ask me",
})

// chatbotLines are interface labels copied along with a chat answer.
var chatbotLines = NewLinePhrases("Regenerate response", "Copy code", "ChatGPT said", "You said")

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

func extractChatbot(d *Document) Result {
	var fs []Finding
	for _, m := range chatbotPhrases.FindLongest(d) {
		if leakQuoteBefore(d, m) || d.acrossBreak(m) || attributedAfter(d, m) {
			continue
		}
		fs = append(fs, d.Finding(m.Span, 1))
	}
	first := true
	for i, l := range d.Lines {
		if l.Blank {
			continue
		}
		if len(strings.TrimSpace(l.Text)) <= 40 && chatLineCandidate(l.Text) && chatbotLines.Has(l.Text) && chatLinesContext(d, i) {
			fs = append(fs, d.LineFinding(i, 1))
		} else if chatPreamble(l.Text, first) && !chatFound(d, fs, i) {
			fs = append(fs, d.LineFinding(i, 1))
		}
		first = false
	}
	if len(fs) > 0 {
		for _, m := range chatbotSignOffs.FindLongest(d) {
			if !leakQuoteBefore(d, m) && !d.acrossBreak(m) {
				fs = append(fs, d.Finding(m.Span, 1))
			}
		}
	}
	leakSortFindings(fs)
	return leakResult(fs)
}

// attributionVerbs end a sentence that reports what someone said: "I
// cannot fulfill that request, the minister told reporters".
var attributionVerbs = map[string]bool{
	"said": true, "says": true, "told": true, "tells": true, "wrote": true, "writes": true,
	"joked": true, "jokes": true, "quipped": true, "added": true, "replied": true, "replies": true,
	"answered": true, "explained": true, "insisted": true, "admitted": true, "recalled": true,
	"tweeted": true, "posted": true, "responded": true, "asked": true, "claimed": true,
}

// attributionJoins open a clause that goes on with the sentence, not one
// that attributes it.
var attributionJoins = map[string]bool{
	"but": true, "and": true, "or": true, "so": true, "while": true, "although": true, "though": true,
	"because": true, "since": true, "as": true, "if": true, "when": true, "which": true, "who": true,
	"that": true, "yet": true, "whereas": true, "however": true,
}

// attributedAfter tells whether m's sentence ends in an attribution: the
// clause after its last comma (after m) is at most ten words long and has
// an attributionVerbs word among its first four. A scrape that lost the
// quotation marks still reads as reported speech; a chatbot does not
// attribute its own refusal.
func attributedAfter(d *Document, m PhraseMatch) bool {
	_, end := sentenceOf(d, m.FirstToken)
	comma := -1
	for k := m.EndToken; k < end; k++ {
		if d.Tokens[k].Text == "," {
			comma = k
		}
	}
	if comma < 0 {
		return false
	}
	words := 0
	for k := comma + 1; k < end; k++ {
		if d.Tokens[k].Kind != Word {
			continue
		}
		// "..., but analysts said turnout will be high" goes on with the
		// answer; an attribution opens with its speaker
		if words == 0 && attributionJoins[d.Tokens[k].Lower] {
			return false
		}
		if words++; words <= 4 && attributionVerbs[d.Tokens[k].Lower] {
			for k2 := k + 1; k2 < end; k2++ {
				if d.Tokens[k2].Kind == Word {
					words++
				}
			}
			return words <= 10
		}
	}
	return false
}

// chatOpeners begin an assistant's answer; chatRewrites and chatObjects
// name what a rewriting request gets back.
var (
	chatOpeners  = []string{"sure", "certainly", "absolutely", "of course"}
	chatRewrites = []string{"version", "revised", "rewritten", "reworded", "rephrased", "paraphrased", "restated",
		"transformed", "adjusted", "refined", "polished", "edited", "adjustment"}
	chatObjects = []string{"text", "passage", "article", "content", "paragraph", "post"}
)

// chatPreamble: a line on its own, ending in a colon, that hands over a
// rewritten text: "Sure, here's the adjusted text with a more casual
// tone:", "Certainly. Here is the revised text:", or, opening the document,
// "Here is the reworded passage:" (further down, a report may well quote
// "Here is the revised text:" of a bill). It must name both the rewriting
// and what was rewritten: a person answering a forum question writes
// "Sure, here's what I did:", and "Sure, here's the thing: ..." goes on
// after its colon.
func chatPreamble(line string, opens bool) bool {
	t := strings.TrimSpace(line)
	if len(t) > 200 || !strings.HasSuffix(t, ":") || t[0] == '"' {
		return false
	}
	key := foldLine(strings.ReplaceAll(t[:len(t)-1], "’", "'"))
	words := strings.Fields(key)
	if len(words) < 3 || len(words) > 20 {
		return false
	}
	opener := false
	for _, o := range chatOpeners {
		if rest, ok := strings.CutPrefix(key, o); ok && rest != "" && strings.ContainsRune("!,.", rune(rest[0])) {
			rest = strings.TrimSpace(rest[1:])
			if !strings.HasPrefix(rest, "here") && !strings.HasPrefix(rest, "below") {
				return false
			}
			opener = true
			break
		}
	}
	if !opener && (!opens || !(strings.HasPrefix(key, "here is ") || strings.HasPrefix(key, "here's ") || strings.HasPrefix(key, "here are ") || strings.HasPrefix(key, "below is "))) {
		return false
	}
	// two words: a rewriting and what was rewritten ("Here's the short
	// version:" opens many a blog post)
	rewrite, object := false, false
	for _, w := range words[2:] {
		switch {
		case slices.Contains(chatRewrites, w):
			rewrite = true
		case slices.Contains(chatObjects, w):
			object = true
		}
	}
	return rewrite && object
}

// chatFound tells whether a finding already stands on line i.
func chatFound(d *Document, fs []Finding, i int) bool {
	line, _ := d.Pos(d.Lines[i].Start)
	for _, f := range fs {
		if f.Line == line {
			return true
		}
	}
	return false
}

// chatLineCandidate is a cheap first-letter check before the lookup.
func chatLineCandidate(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && strings.IndexByte("RrCcYy", s[0]) >= 0
}

// chatLinesContext: "Copy code" or "You said" alone count only when another
// chat-interface label stands within three lines, while "Regenerate response"
// counts alone.
func chatLinesContext(d *Document, i int) bool {
	if NormLine(d.Lines[i].Text) == "regenerate response" {
		return true
	}
	for k := i - 3; k <= i+3; k++ {
		if k != i && k >= 0 && k < len(d.Lines) && len(strings.TrimSpace(d.Lines[k].Text)) <= 40 && chatLineCandidate(d.Lines[k].Text) && chatbotLines.Has(d.Lines[k].Text) {
			return true
		}
	}
	return false
}

// ---- leak.placeholder ----

// placeholderWords are the contents of a bracket slot that a template left
// unfilled ("[Date]", "[Company Name]").
var placeholderWords = map[string]bool{
	"name": true, "your name": true, "full name": true, "first name": true, "last name": true,
	"date": true, "location": true, "link": true, "company name": true, "company": true,
	"city": true, "country": true, "insert": true, "website": true,
	"website url": true, "email address": true, "phone number": true, "address": true,
	"title": true, "product name": true, "brand name": true, "brand": true, "author": true,
	"author name": true, "job title": true, "number": true, "keyword": true,
	"main keyword": true, "industry": true, "topic": true, "business name": true,
	"organization name": true, "organisation name": true, "event name": true, "time": true,
	"price": true, "contact information": true, "contact details": true,
	"recipient": true, "recipient name": true, "client name": true, "state": true,
}

// placeholderNouns may follow a lower-case "your" inside a slot.
var placeholderNouns = map[string]bool{
	"name": true, "company": true, "email": true, "website": true, "business": true, "brand": true,
	"product": true, "city": true, "title": true, "phone": true, "address": true, "location": true,
	"industry": true, "niche": true, "keyword": true, "organization": true, "organisation": true,
	"contact": true, "signature": true, "position": true, "role": true,
}

// placeholderCaps are words that make an ALL-CAPS slot a placeholder.
var placeholderCaps = map[string]bool{
	"NAME": true, "DATE": true, "COMPANY": true, "LOCATION": true, "LINK": true, "URL": true,
	"CITY": true, "INSERT": true, "YOUR": true, "KEYWORD": true, "PRODUCT": true, "BRAND": true,
	"TITLE": true, "NUMBER": true, "PHONE": true, "AUTHOR": true, "WEBSITE": true,
	"PLACEHOLDER": true, "TBD": true, "TK": true,
}

var placeholderPhrases = NewPhraseSet([]string{"lorem ipsum dolor", "insert"})

// placeholderSlot tells whether the inside of a [...] or {...} is an unfilled slot.
func placeholderSlot(inner string) bool {
	inner = strings.TrimSpace(inner)
	if inner == "" || len(inner) > 60 || inner[0] == '-' {
		return false // "[-X32_64]": an option in a command's synopsis
	}
	low := foldLine(inner)
	fields := strings.Fields(inner)
	if placeholderWords[low] {
		// "[Date]", "[Company Name]", "[your name]" — but a single lower-case
		// word ("[link]", "[date]") is scraped link text or an editor's
		// insertion, not a template slot.
		r, _ := utf8.DecodeRuneInString(inner)
		return len(fields) > 1 || unicode.IsUpper(r)
	}
	switch {
	case strings.HasPrefix(low, "insert ") || strings.HasPrefix(low, "enter your "):
		return true
	case strings.HasPrefix(low, "name of "):
		// "[Name of Company]"; a lower-case "[name of the item]" is how
		// wikis and transcripts mark a word that varies
		return strings.HasPrefix(inner, "Name of ") || strings.HasPrefix(inner, "NAME OF ")
	case strings.HasPrefix(low, "your ") && len(fields) <= 4:
		if r, _ := utf8.DecodeRuneInString(fields[0]); fields[0] == "Your" && len(fields) > 1 {
			if r2, _ := utf8.DecodeRuneInString(fields[1]); unicode.IsUpper(r2) && unicode.IsUpper(r) {
				return true
			}
		}
		for _, f := range fields[1:] {
			if placeholderNouns[strings.ToLower(f)] {
				return true
			}
		}
		return false
	}
	// ALL-CAPS slot names: COMPANY_NAME, INSERT LINK, YOUR CITY.
	upper, snake, letters := true, false, false
	for _, r := range inner {
		switch {
		case r == '_':
			snake = true
		case r == ' ' || r == '-' || unicode.IsDigit(r):
		case unicode.IsLetter(r) && unicode.IsUpper(r):
			letters = true
		default:
			upper = false
		}
	}
	if !upper || !letters {
		return false // "[______]" is a form's blank to write on, not a named slot
	}
	for _, w := range strings.FieldsFunc(inner, func(r rune) bool { return r == ' ' || r == '_' || r == '-' }) {
		if placeholderCaps[w] {
			return true
		}
	}
	return snake && strings.Count(inner, "_") >= 1 && len(fields) == 1 && len(inner) >= 5
}

// inCapsLine reports whether t[i:j] is upper-case on a line with no
// lower-case letter: in a text typed in capitals, "[LINK HERE]" is how the
// writer typed it, not an ALL-CAPS slot name.
func inCapsLine(t string, i, j int) bool {
	start := strings.LastIndexByte(t[:i], '\n') + 1
	end := strings.IndexByte(t[j:], '\n')
	if end < 0 {
		end = len(t)
	} else {
		end += j
	}
	return !strings.ContainsFunc(t[start:end], unicode.IsLower)
}

// slotStandsAlone reports whether the bracketed t[i:j] stands as a word of
// its own: a template's slot does ("contact [Your Name]."), while one glued
// to the text around it is part of code or a path: "${LIBEXECDIR}",
// "projects/{project_id}/", "colors[MAX_COLORS]", "--id=[ID]"; so is one
// that a synopsis repeats ("[NUMBER]...").
func slotStandsAlone(t string, i, j int) bool {
	if i > 0 {
		r, _ := utf8.DecodeLastRuneInString(t[:i])
		if !unicode.IsSpace(r) && !strings.ContainsRune("(\"'“‘*_>", r) {
			return false
		}
	}
	if strings.HasPrefix(t[j:], "...") || strings.HasPrefix(t[j:], "…") {
		return false // "factor [NUMBER]...": a command synopsis's repeatable argument
	}
	if j < len(t) {
		r, _ := utf8.DecodeRuneInString(t[j:])
		if !unicode.IsSpace(r) && !strings.ContainsRune(".,;:!?)\"”’'*_", r) {
			return false
		}
	}
	return true
}

// technicalText reports whether t reads as technical writing (a manual, a
// changelog, a command reference): three or more words that only code
// writes — an option (--force, [-all]), a call (f()), an assignment (Key=,
// OBJECT := ...), a shell variable (${X}, $(x)), a path into a scope
// (a::b, a->b) or a snake_case name outside brackets. There,
// "[PROJECT_ID]", "{bus_name}" and an INI section's "[Link]" are the
// notation of the trade, not a template left unfilled; web addresses do
// not count (a utm_source= is no code).
func technicalText(t string) bool {
	n := 0
	for _, f := range strings.Fields(t) {
		if strings.Contains(f, "://") || strings.HasPrefix(f, "www.") {
			continue
		}
		if codeWord(f) {
			if n++; n >= 3 {
				return true
			}
		}
	}
	return false
}

// codeWord: one whitespace-separated word that only code would write.
func codeWord(f string) bool {
	if len(f) > 2 && f[0] == '-' && f[1] == '-' && f[2] >= 'a' && f[2] <= 'z' {
		return true
	}
	if strings.Contains(f, "()") || strings.Contains(f, "${") || strings.Contains(f, "$(") ||
		strings.Contains(f, "::") || strings.Contains(f, "->") {
		return true
	}
	if k := strings.IndexByte(f, '='); k > 0 && isAlnumByte(f[k-1]) {
		return true
	}
	if f == ":=" || f == "::=" {
		return true // a grammar's definition: "OBJECT := { ctrl CTRL_OPTS }"
	}
	if len(f) > 2 && f[0] == '[' && f[1] == '-' && (f[2] == '-' || isAlnumByte(f[2])) {
		return true // an optional flag of a command synopsis: "ip [-all] netns"
	}
	if f[0] == '[' || f[0] == '{' {
		return false // a slot's own name is not evidence of code around it
	}
	for k := 1; k+1 < len(f); k++ {
		if f[k] == '_' && isAlnumByte(f[k-1]) && isAlnumByte(f[k+1]) {
			return true
		}
	}
	return false
}

func isAlnumByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// wordSlot: a slot named in words ("[Your Name]", "[Insert link]",
// "[Name of Company]"), which technical writing does not use; an
// identifier ("[PROJECT_ID]", "{bus_name}") or a single word ("[Link]")
// is a slot only outside technical writing.
func wordSlot(inner string) bool {
	inner = strings.TrimSpace(inner)
	return len(strings.Fields(inner)) > 1 && !strings.ContainsAny(inner, "_.")
}

func extractPlaceholder(d *Document) Result {
	var fs []Finding
	var spans []Span
	t := d.Text
	technical := -1 // technicalText(t), worked out for the first candidate
	isTechnical := func() bool {
		if technical < 0 {
			technical = 0
			if technicalText(t) {
				technical = 1
			}
		}
		return technical == 1
	}
	allowed := func(inner string) bool { return wordSlot(inner) || !isTechnical() }
	// [slot] — but not a Markdown link text "[link](...)".
	for i := strings.IndexByte(t, '['); i >= 0; {
		end := strings.IndexAny(t[i+1:], "]\n")
		if end >= 0 && t[i+1+end] == ']' {
			j := i + 1 + end
			if !(j+1 < len(t) && t[j+1] == '(') && placeholderSlot(t[i+1:j]) && !inCapsLine(t, i, j+1) &&
				slotStandsAlone(t, i, j+1) && allowed(t[i+1:j]) {
				spans = append(spans, Span{i, j + 1})
			}
		}
		next := strings.IndexByte(t[i+1:], '[')
		if next < 0 {
			break
		}
		i += 1 + next
	}
	// {{slot}} and {slot_name}.
	for i := strings.IndexByte(t, '{'); i >= 0; {
		double := strings.HasPrefix(t[i:], "{{")
		open := 1
		if double {
			open = 2
		}
		end := strings.IndexAny(t[i+open:], "}\n")
		if end >= 0 && t[i+open+end] == '}' {
			j := i + open + end
			inner := t[i+open : j]
			closeLen := 1
			if double && strings.HasPrefix(t[j:], "}}") {
				closeLen = 2
			}
			// a single-brace word ("{author}") is a format string or a
			// template keyword in technical prose; {company_name} is a slot
			if placeholderIdent(inner) && (double && closeLen == 2 || !double && strings.Contains(inner, "_")) &&
				slotStandsAlone(t, i, j+closeLen) && allowed(inner) {
				spans = append(spans, Span{i, j + closeLen})
			}
		}
		next := strings.IndexByte(t[i+open:], '{')
		if next < 0 {
			break
		}
		i += open + next
	}
	// INSERT ... HERE, (insert ... here), Lorem ipsum.
	for _, m := range placeholderPhrases.Find(d) {
		if d.acrossBreak(m) {
			continue
		}
		tk := d.Tokens[m.FirstToken]
		if tk.Lower != "insert" {
			// in technical writing, a quoted "lorem ipsum ..." is a code
			// sample's test string: convert("lorem ipsum dolor sit amet")
			if !(quoteBefore(t, m.Span.Start) && isTechnical()) {
				spans = append(spans, m.Span)
			}
			continue
		}
		if sp, ok := insertHere(d, m.FirstToken); ok {
			spans = append(spans, sp)
		}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	last, mentioned := -1, -1
	for _, sp := range spans {
		if sp.Start < last || !d.inView(sp.Start) {
			continue // inside a slot already reported, or not in the article
		}
		// named, not left unfilled; and so is the next slot of the same
		// line that "and" or "or" joins to it ("replace [Your Name] with
		// yours and [Company] with your employer's")
		if slotMentioned(t, sp.Start) || mentioned >= 0 && !strings.Contains(t[mentioned:sp.Start], "\n") && slotJoined(t, sp.Start) {
			mentioned = sp.End
			continue
		}
		if indentedLine(t, sp.Start) && isTechnical() {
			// a plain-text manual's example, set off by its indentation:
			// "\t[insert the script lines you want]"
			continue
		}
		last = sp.End
		fs = append(fs, d.Finding(sp, 1))
	}
	return leakResult(fs)
}

// indentedLine reports whether the line holding t[i] starts with a tab or
// two spaces or more: in technical writing, an example set off from the
// prose (vim's help, a man page's synopsis and body). A single space is
// often what a scrape left before a line, so it does not count.
func indentedLine(t string, i int) bool {
	line := t[strings.LastIndexByte(t[:i], '\n')+1:]
	return strings.HasPrefix(line, "\t") || strings.HasPrefix(line, "  ")
}

// slotMentionWords come right before a slot that the text names instead of
// leaving unfilled: a how-to's "replace [Your Name] with", a report that a
// page "still read \"[Insert link here]\"", a letter that "began \"Dear
// [Recipient],\"", "placeholders such as [Client Name]". Not "said": a
// generated press release leaves its quote's speaker as "said [Spokesperson
// Name]", and it is to be caught.
var slotMentionWords = map[string]bool{
	"replace": true, "replaced": true, "replaces": true, "replacing": true,
	"read": true, "reads": true, "reading": true, "began": true, "begins": true, "beginning": true,
	"placeholder": true, "placeholders": true, "as": true, "words": true, "phrase": true, "line": true,
	"type": true, "typed": true,
}

// slotSalutations open a letter: "Dear [Recipient]" is named by the word
// before the salutation.
var slotSalutations = map[string]bool{"dear": true, "hi": true, "hello": true}

// slotMentioned reports whether the slot at t[i] is named rather than left
// unfilled: a slotMentionWords word stands before it, with at most a
// salutation and an opening quotation mark between.
func slotMentioned(t string, i int) bool {
	s := strings.TrimRightFunc(t[:i], unicode.IsSpace)
	word := func() string {
		k := strings.LastIndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
		return strings.ToLower(s[k+1:])
	}
	if w := word(); slotSalutations[w] {
		s = strings.TrimRightFunc(s[:len(s)-len(w)], unicode.IsSpace)
	}
	if quoteBefore(s, len(s)) {
		_, n := utf8.DecodeLastRuneInString(s)
		s = strings.TrimRightFunc(s[:len(s)-n], unicode.IsSpace)
	}
	return slotMentionWords[word()]
}

// slotJoined reports whether "and" or "or" stands right before t[i].
func slotJoined(t string, i int) bool {
	s := strings.TrimRightFunc(t[:i], unicode.IsSpace)
	return strings.HasSuffix(s, " and") || strings.HasSuffix(s, " or")
}

// quoteBefore reports whether t[i] follows a quotation mark.
func quoteBefore(t string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(t[:i])
	return r == '"' || r == '\'' || r == '`' || r == '“' || r == '‘'
}

// placeholderIdent: a template variable name inside braces.
func placeholderIdent(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 40 {
		return false
	}
	for _, r := range s {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '.' || r == ' ' || r == '-') {
			return false
		}
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

// insertHere matches "INSERT ... HERE" in capitals, or "(insert ... here)"
// in parentheses, within six tokens on one line.
func insertHere(d *Document, k int) (Span, bool) {
	tk := d.Tokens[k]
	caps := tk.Text == "INSERT"
	paren := k > 0 && d.Tokens[k-1].Text == "(" && d.Tokens[k-1].Line == tk.Line
	if !caps && !paren {
		return Span{}, false
	}
	for j := k + 1; j < len(d.Tokens) && j <= k+7 && d.Tokens[j].Line == tk.Line; j++ {
		if d.Tokens[j].Lower != "here" {
			continue
		}
		if caps && d.Tokens[j].Text == "HERE" {
			return Span{tk.Start, d.Tokens[j].End}, true
		}
		if paren && j+1 < len(d.Tokens) && d.Tokens[j+1].Text == ")" {
			return Span{d.Tokens[k-1].Start, d.Tokens[j+1].End}, true
		}
	}
	return Span{}, false
}

// ---- leak.chat-citation ----

// chatCitationMarks are fixed substrings that only chat interfaces produce.
// The utm ones stand in link addresses, which the HTML and Markdown readers
// show in place for them (markup.ChatLinkMarks: keep the two lists alike).
var chatCitationMarks = []string{"oaicite", "contentReference", "utm_source=chatgpt.com", "utm_source=openai"}

// turnKinds follow "turnN" in chat tool citations (turn0search0, turn2news11).
var turnKinds = []string{"search", "news", "view", "fetch", "image", "file", "academia", "product", "forecast", "finance", "sports", "navlist"}

func extractChatCitation(d *Document) Result {
	t := d.Text
	var spans []Span
	for _, mark := range chatCitationMarks {
		for off := 0; ; {
			i := strings.Index(t[off:], mark)
			if i < 0 {
				break
			}
			i += off
			off = i + len(mark)
			if strings.HasPrefix(mark, "utm_") && (i == 0 || t[i-1] != '?' && t[i-1] != '&') {
				continue // named, not used: "links now carry utm_source=chatgpt.com"
			}
			spans = append(spans, Span{i, i + len(mark)})
		}
	}
	// turn<digits><kind><digits>
	for off := 0; ; {
		i := strings.Index(t[off:], "turn")
		if i < 0 {
			break
		}
		i += off
		off = i + 4
		if e, ok := turnMarker(t, i+4); ok {
			spans = append(spans, Span{i, e})
			off = e
		}
	}
	// 【4†source】
	const open, close = "【", "】"
	for off := 0; ; {
		i := strings.Index(t[off:], open)
		if i < 0 {
			break
		}
		i += off
		off = i + len(open)
		rest := t[off:]
		if len(rest) > 60 {
			rest = rest[:60]
		}
		j := strings.Index(rest, close)
		if j < 0 {
			continue
		}
		inner := rest[:j]
		if strings.Contains(inner, "†") || strings.Contains(lowerASCII(inner), "source") {
			spans = append(spans, Span{i, off + j + len(close)})
			off += j + len(close)
		}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	// merge markers that touch (":contentReference[oaicite:0]").
	var merged []Span
	for _, sp := range spans {
		if n := len(merged); n > 0 && sp.Start <= merged[n-1].End+2 {
			if sp.End > merged[n-1].End {
				merged[n-1].End = sp.End
			}
			continue
		}
		merged = append(merged, sp)
	}
	var fs []Finding
	for _, sp := range merged {
		if d.inView(sp.Start) {
			fs = append(fs, d.Finding(sp, 1))
		}
	}
	return leakResult(fs)
}

// turnMarker reads "<digits><kind><digits>" at t[i:], returning its end.
func turnMarker(t string, i int) (int, bool) {
	j := i
	for j < len(t) && t[j] >= '0' && t[j] <= '9' {
		j++
	}
	if j == i || j-i > 3 {
		return 0, false
	}
	for _, k := range turnKinds {
		if strings.HasPrefix(t[j:], k) {
			e := j + len(k)
			f := e
			for f < len(t) && t[f] >= '0' && t[f] <= '9' {
				f++
			}
			if f > e && f-e <= 3 {
				return f, true
			}
		}
	}
	return 0, false
}
