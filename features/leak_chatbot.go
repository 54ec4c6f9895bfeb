package features

import (
	"slices"
	"strings"
)

// This file implements rule leak.chatbot; the rule's declaration,
// with its examples, is in leak.go's init.

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

func extractChatbot(d *Document) Result {
	var fs []Finding
	for _, m := range chatbotPhrases.FindLongest(d) {
		if leakQuoteBefore(d, m) || d.acrossBreak(m) || attributedAfter(d, m) || leakQuoted(d, m.Start) {
			continue
		}
		if chatOpenerPhrase(d, m) && !chatHandsOver(d, m) {
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
		} else if chatPreamble(l.Text, first) && !chatFound(d, fs, i) && !leakQuotedLine(d, l.Start) {
			fs = append(fs, d.LineFinding(i, 1))
		}
		first = false
	}
	if len(fs) > 0 {
		for _, m := range chatbotSignOffs.FindLongest(d) {
			if !leakQuoteBefore(d, m) && !d.acrossBreak(m) && !leakQuoted(d, m.Start) {
				fs = append(fs, d.Finding(m.Span, 1))
			}
		}
	}
	leakSortFindings(fs)
	return leakResult(fs)
}

// attributionJoins open a clause that goes on with the sentence, not one
// that attributes it.
var attributionJoins = map[string]bool{
	"but": true, "and": true, "or": true, "so": true, "while": true, "although": true, "though": true,
	"because": true, "since": true, "as": true, "if": true, "when": true, "which": true, "who": true,
	"that": true, "yet": true, "whereas": true, "however": true,
}

// attributedAfter tells whether m's sentence attributes it: one of the
// comma clauses after m is at most ten words long and has an
// attributionVerbs word among its first four ("I cannot fulfill that
// request, the minister told reporters", "..., I told my boss, and then I
// quit"). A clause that opens with a joining word goes on with the
// sentence, and the search stops there. A scrape that lost the quotation
// marks still reads as reported speech; a chatbot does not attribute its
// own refusal.
func attributedAfter(d *Document, m PhraseMatch) bool {
	_, end := sentenceOf(d, m.FirstToken)
	k := m.EndToken
	for {
		for k < end && d.Tokens[k].Text != "," {
			k++
		}
		if k >= end {
			return false
		}
		words, verb := 0, false
		for k++; k < end && d.Tokens[k].Text != ","; k++ {
			if d.Tokens[k].Kind != Word {
				continue
			}
			// "..., but analysts said turnout will be high" goes on with
			// the answer; an attribution opens with its speaker
			if words == 0 && attributionJoins[d.Tokens[k].Lower] {
				return false
			}
			if words++; words <= 4 && attributionVerbs[d.Tokens[k].Lower] {
				verb = true
			}
		}
		if verb && words <= 10 {
			return true
		}
	}
}

// chatOpenerPhrase: m is an assistant's exclaimed opener, "Certainly! Here
// is", "Sure! Here's", "Of course! Here are". People write these too, on
// their own or at the top of an answer ("Sure! Here's the thing: nobody
// expected the vote to pass.", "Sure! Here's what I did:"): an opener is
// evidence only when it hands over what a writing request gets back
// (chatHandsOver), wherever it stands.
func chatOpenerPhrase(d *Document, m PhraseMatch) bool {
	for _, tk := range d.Tokens[m.FirstToken:m.EndToken] {
		if tk.Text == "!" {
			return true
		}
	}
	return false
}

// chatHandovers name what an assistant hands over after its "Here's":
// a rewrite, a draft, an article or a part of one.
var chatHandovers = map[string]bool{
	"version": true, "versions": true, "rewrite": true, "rewritten": true, "revised": true, "revision": true,
	"draft": true, "article": true, "articles": true, "text": true, "post": true, "blog": true,
	"passage": true, "paragraph": true, "paragraphs": true, "content": true, "essay": true,
	"introduction": true, "intro": true, "conclusion": true, "summary": true, "list": true,
	"outline": true, "overview": true, "headline": true, "headlines": true, "title": true, "titles": true,
	"description": true, "caption": true, "tweet": true, "poem": true, "paraphrase": true,
}

// chatHandsOver tells whether an opener hands something over: a
// chatHandovers word among the six words after m, before any punctuation
// ("Sure! Here's a catchy introduction for your blog post", "Certainly!
// Here is a 600-word article").
func chatHandsOver(d *Document, m PhraseMatch) bool {
	words := 0
	for k := m.EndToken; k < len(d.Tokens) && words < 6; k++ {
		tk := d.Tokens[k]
		if tk.Kind == Punct {
			return false
		}
		if chatHandovers[tk.Lower] {
			return true
		}
		// "a short piece about the bridge", not "a piece of advice"
		if tk.Lower == "piece" && !(k+1 < len(d.Tokens) && d.Tokens[k+1].Lower == "of") {
			return true
		}
		words++
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
