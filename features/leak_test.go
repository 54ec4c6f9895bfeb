package features

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// leakRun runs one feature on text and returns its result.
func leakRun(t *testing.T, id, text string) Result {
	t.Helper()
	f, err := Lookup(id)
	if err != nil {
		t.Fatal(err)
	}
	return f.Extract(NewDocumentString(text))
}

// leakWhere renders findings as "line:col match" for compact comparison.
func leakWhere(fs []Finding) string {
	var b []string
	for _, f := range fs {
		b = append(b, fmt.Sprintf("%d:%d %s", f.Line, f.Column, f.Match))
	}
	return strings.Join(b, " | ")
}

func TestSEOInstructionsPositions(t *testing.T) {
	text := "Best Hiking Boots for Wet Weather\n" +
		"\n" +
		"Meta Description: Find the right boots for rain and mud.\n" +
		"Slug: best-hiking-boots\n" +
		"\n" +
		"Good boots matter. Write the piece incorporating these keywords naturally, and keep it short.\n" +
		"   ### SEO Considerations\n" +
		"Meta description of the shop's new range drew complaints.\n"
	r := leakRun(t, "leak.seo-instructions", text)
	want := "3:1 Meta Description: Find the right boots for rain and mud. | " +
		"4:1 Slug: best-hiking-boots | " +
		"6:36 incorporating these keywords naturally | " +
		"7:4 ### SEO Considerations"
	if got := leakWhere(r.Findings); got != want {
		t.Errorf("findings\n got %s\nwant %s", got, want)
	}
	if math.Abs(r.Value-math.Log1p(4)) > 1e-9 {
		t.Errorf("value %v, want log1p(4)", r.Value)
	}
}

func TestSEOInstructionsOneFindingPerLine(t *testing.T) {
	r := leakRun(t, "leak.seo-instructions", "Focus Keywords: use the following keywords, incorporating these keywords naturally")
	if len(r.Findings) != 1 || r.Findings[0].Column != 1 {
		t.Errorf("want one line finding, got %s", leakWhere(r.Findings))
	}
}

func TestChatbotPositionsAndCurlyApostrophe(t *testing.T) {
	text := "The new bridge opens in May.\n" +
		"\n" +
		"Certainly! Here’s a short piece about the bridge.\n" +
		"It cost £40m, officials said. I hope this helps!\n"
	r := leakRun(t, "leak.chatbot", text)
	want := "3:1 Certainly! Here’s | 4:31 I hope this helps!"
	if got := leakWhere(r.Findings); got != want {
		t.Errorf("findings\n got %s\nwant %s", got, want)
	}
}

func TestChatbotQuotedIsQuiet(t *testing.T) {
	for _, text := range []string{
		"Reviews were flagged because they began ‘As an AI language model’ and nothing else.",
		"The listing read as an AI language model would write it, experts said.",
		"“Let me know if you’d like a lift,” she texted him that night.",
	} {
		if r := leakRun(t, "leak.chatbot", text); len(r.Findings) != 0 {
			t.Errorf("%q: unexpected %s", text, leakWhere(r.Findings))
		}
	}
}

func TestChatbotInterfaceLines(t *testing.T) {
	r := leakRun(t, "leak.chatbot", "Some answer text here.\n\nRegenerate response\n")
	if got := leakWhere(r.Findings); got != "3:1 Regenerate response" {
		t.Errorf("got %s", got)
	}
	// "Copy code" alone is a label many code blogs show; it needs company.
	if r := leakRun(t, "leak.chatbot", "Run the script below.\n\nCopy code\n\nIt prints the total."); len(r.Findings) != 0 {
		t.Errorf("lone Copy code fired: %s", leakWhere(r.Findings))
	}
	if r := leakRun(t, "leak.chatbot", "You said\nWrite about the bridge\nChatGPT said\nThe bridge opens in May."); len(r.Findings) != 2 {
		t.Errorf("chat transcript labels: %s", leakWhere(r.Findings))
	}
}

func TestPlaceholderPositions(t *testing.T) {
	text := "Café owners in [City] welcome visitors.\n" +
		"\"We asked [the mayor] twice,\" she said.\n" +
		"Call [Your Name] on [Phone Number] or see [link](https://example.com).\n" +
		"[INSERT LINK HERE] and INSERT CHART HERE too.\n"
	r := leakRun(t, "leak.placeholder", text)
	want := "1:16 [City] | 3:6 [Your Name] | 3:21 [Phone Number] | 4:1 [INSERT LINK HERE] | 4:24 INSERT CHART HERE"
	if got := leakWhere(r.Findings); got != want {
		t.Errorf("findings\n got %s\nwant %s", got, want)
	}
}

func TestPlaceholderSlots(t *testing.T) {
	cases := map[string]bool{
		"Your Company":         true,
		"your website":         true,
		"Insert quote":         true,
		"Name of school":       true,
		"FIRST_NAME":           true,
		"YOUR CITY":            true,
		"Date":                 true,
		"sic":                  false,
		"the minister":         false,
		"Smith":                false,
		"UPDATE":               false,
		"VIDEO":                false,
		"email protected":      false,
		"your own":             false,
		"1":                    false,
		"Reuters":              false,
		"laughs":               false,
		"their":                false,
		"his former employer":  false,
		"Editor's note":        false,
		"name withheld by the": false,
	}
	for inner, want := range cases {
		if got := placeholderSlot(inner); got != want {
			t.Errorf("placeholderSlot(%q) = %v, want %v", inner, got, want)
		}
	}
}

func TestChatCitationMerging(t *testing.T) {
	text := "Tides are strongest here.\n" +
		"The bay holds 3 islands. :contentReference[oaicite:2]{index=2}\n" +
		"Ferries run hourly【12†source】 and citeturn0search5 says so.\n"
	r := leakRun(t, "leak.chat-citation", text)
	want := "2:26 :contentReference[oaicite:2]{index=2} | 3:19 【12†source】 | 3:35 citeturn0search5"
	if got := leakWhere(r.Findings); got != want {
		t.Errorf("findings\n got %s\nwant %s", got, want)
	}
}

func TestChatCitationTurnNeedsDigits(t *testing.T) {
	for _, text := range []string{"turnsearch", "turn0", "turn0search", "return to search", "turn12345search1"} {
		if r := leakRun(t, "leak.chat-citation", text); len(r.Findings) != 0 {
			t.Errorf("%q fired: %s", text, leakWhere(r.Findings))
		}
	}
}

// Technical writing is told by words only code writes; web addresses and a
// slot's own name do not count.
func TestTechnicalText(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Run it with --force, then call init() and set PATH= to the new folder.", true},
		{"The build reads ${CMAKE_DIR}, calls make_all and writes to a::b.", true},
		{"Contact [COMPANY_NAME] at [CITY_NAME] or [PHONE_NUMBER] today.", false},
		{"See https://example.com/?utm_source=a&utm_medium=b and https://x.org/p_q=1 and www.a_b.com.", false},
		{"The council met on Tuesday -- and again on Friday -- to vote.", false},
		{"E=mc2 is famous; so is snake_case, and so is --verbose.", true},
	} {
		if got := technicalText(c.text); got != c.want {
			t.Errorf("technicalText(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

// Hard evidence is not pieced together from two blocks; a hard-wrapped
// sentence is one block.
func TestLeakPhrasesStayInTheirBlock(t *testing.T) {
	for _, c := range []struct {
		text string
		want int
	}{
		{"Keywords Currently in Use\nThe following keywords are reserved and cannot be names.", 0},
		{"## Keywords in Use\n\nThe following keywords are reserved and cannot be names.", 0},
		{"They told us to use\n\nthe following keywords in the piece.", 0},
		{"Write 600 words for the blog and please use the\nfollowing keywords: cheap flights, city breaks.", 1},
	} {
		if got := len(leakRun(t, "leak.seo-instructions", c.text).Findings); got != c.want {
			t.Errorf("%q: %d findings, want %d", c.text, got, c.want)
		}
	}
}

// A chatbot's words inside a quotation opened earlier in the paragraph are
// quoted; once the quotation closes, or in the next paragraph, they are not.
func TestChatbotQuotationScope(t *testing.T) {
	for _, c := range []struct {
		text string
		want int
	}{
		{"It said: \"Sorry. I checked twice. As an AI language model, I cannot see the file.\"", 0},
		{"It said \"no\". As an AI language model, I cannot see the file.", 1},
		{"It said: \"Sorry, I can't.\n\nAs an AI language model, I cannot see the file.", 1},
		{"He's 6'2\" tall. As an AI language model, I cannot see the file.", 1},
		{"The players' union wrote back. As an AI language model, I cannot see the file.", 1},
		{"Her text read ‘as of my last knowledge update, the bridge was closed’ and nothing more.", 0},
		{"It’s late. I don’t have real-time access to the scores, sorry.", 1},
		{"> Certainly! Here is the rewritten article about the ferry.", 0},
		{"Certainly! Here is the rewritten article about the ferry.", 1},
		{"Of course! Here's a shorter version of your post.", 1},
		{"Of course! Here's the money for the ferry.", 0},
		{"Sure! Here's a piece of advice: book early.", 0},
		{"As an AI language model, I cannot say, the chatbot replied, and the user gave up.", 0},
		{"As an AI language model, I cannot say more about the ferry, but I can help.", 1},
	} {
		if got := len(leakRun(t, "leak.chatbot", c.text).Findings); got != c.want {
			t.Errorf("%q: %d findings, want %d", c.text, got, c.want)
		}
	}
}

// In Markdown the reader blanks a blockquote's ">" (and a list bullet): a
// line that opens with a blanked marker and nothing else is quoted, one
// that opens with blanked emphasis is not.
func TestChatbotMarkdownQuotedLine(t *testing.T) {
	f, err := Lookup("leak.chatbot")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text string
		want int
	}{
		{"It was no help.\n\n  I'm sorry, but as an AI language model, I cannot give medical advice.\n", 0},
		{"It was no help.\n\n  Note:   As an AI language model, I cannot give medical advice.\n", 1},
		{"It was no help.\n\nAs an AI language model, I cannot give medical advice.\n", 1},
	} {
		d := NewDocumentString(c.text)
		d.Format = "markdown"
		if got := len(f.Extract(d).Findings); got != c.want {
			t.Errorf("%q: %d findings, want %d", c.text, got, c.want)
		}
	}
}

// A slot that a sentence about it quotes is named; a slot left in running
// text, or quoted with nothing introducing it as wording, is not.
func TestPlaceholderDiscussed(t *testing.T) {
	text := "Letters went out addressed to \"Dear [Name]\" after a mail-merge error.\n\n" +
		"Download the template at [Insert link] today.\n\n" +
		"The mayor said: \"[Insert quote from mayor]\"\n\n" +
		"Add {{first_name}} to the template; welcome to {{city}}.\n\n" +
		"Welcome to {{city}}, the friendliest town.\n"
	r := leakRun(t, "leak.placeholder", text)
	want := "3:26 [Insert link] | 5:18 [Insert quote from mayor] | 9:12 {{city}}"
	if got := leakWhere(r.Findings); got != want {
		t.Errorf("findings\n got %s\nwant %s", got, want)
	}
}

func TestLeakQuotation(t *testing.T) {
	for _, c := range []struct {
		text, at string
		want     int // byte offset of the opening mark, or -1
	}{
		{"She wrote “I can’t help, as an AI” today.", "as an", 10},
		{"She wrote \"no\" and as an AI she left.", "as an", -1},
		{"‘Well, as an AI,’ it said.", "as an", 0},
		{"It’s as an AI would say.", "as an", -1},
		{"He said: \"Sure. Then as an AI.\"", "as an", 9},
		{"He said: \"Sure. One. Two. Three. Then as an AI.\"", "as an", 9},
		{"He said: \"Sure." + strings.Repeat(" One more.", 200) + " Then as an AI.\"", "as an", -1}, // too far back
		{"Intro.\n\nHe said: \"Sure.\nThen as an AI.\"\n\nEnd.", "as an", 17},
	} {
		d := NewDocumentString(c.text)
		if got := leakQuotation(d, strings.Index(c.text, c.at)); got != c.want {
			t.Errorf("%q: %d, want %d", c.text, got, c.want)
		}
	}
}
