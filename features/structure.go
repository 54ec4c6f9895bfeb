package features

import (
	"math"
	"strings"
)

// Structure features: stock section titles and closers, Markdown left in
// plain text, and layout regularities. Those that read layout (headings,
// paragraphs) return 0 on a text with fewer than structureMinParagraphs
// paragraphs, since some person-written texts lost their breaks.

const structureMinParagraphs = 4

func init() {
	register(
		&Feature{
			ID:          "structure.formulaic-heading",
			Category:    Structure,
			Description: "stock LLM section titles (Conclusion, Key Takeaways, Looking Ahead ...)",
			Fires: []string{
				"The vote passed late on Tuesday.\n\n## Key Takeaways\n\nThe budget grows by 3%.",
				"The plan was approved.\nMembers were split.\nConclusion\nThe council moves on.",
				"Prices rose in March.\n\n**Final Thoughts:**\n\nIt was a busy month.",
				"Rates held steady.\n\n### Implications for Small Businesses\n\nLoans stay expensive.",
				"Rates held steady.\n\n### 5. What's Next?\n\nThe bank meets again in June.",
			},
			Quiet: []string{
				"The conclusion of the inquiry came late.\n\nMembers were split.\n\nThe council moves on.",
				"Rates held steady.\n\n## What the Bank Said\n\nLoans stay expensive.",
				"In conclusion, the panel found no fault.",
			},
			Extract: structureFormulaicHeading,
		},
		&Feature{
			ID:          "structure.formulaic-closing",
			Category:    Structure,
			Description: "stock closers (In conclusion, Ultimately, Only time will tell ...)",
			Fires: []string{
				"The talks ended. In conclusion, the deal holds.",
				"The market is volatile. Ultimately, investors must decide.",
				"Whether the plan works remains to be seen.",
				"As we look to the future, the city must adapt.",
				"\"Overall, it was a good year,\" he said.",
			},
			Quiet: []string{
				"The plant, in closing the doors, cut 200 jobs.",
				"Ultimately the decision rests with the board.",
				"The overall cost was £3m. She saw it ultimately, as a loss.",
				"Time will tell if he was right, the coach said.",
			},
			Extract: structureFormulaicClosing,
		},
		&Feature{
			ID:          "structure.markdown-leak",
			AnyLanguage: true,
			Category:    Structure,
			Description: "Markdown syntax left in plain text (**bold**, # headings, [links](http...), `code`)",
			Fires: []string{
				"The plan has **three key goals** for the year.",
				"# Budget Passes\nThe council voted on Tuesday.",
				"Read the [full report](https://example.org/report) online.",
				"Key points:\n* **Growth:** up 3%\n- **Jobs:** steady",
				"Run `chaff scan` to check a file.",
			},
			Quiet: []string{
				"Great match tonight #football and No. 1 in the table.",
				"The answer is 5 * 3 = 15, and 2 ** 3 is not on the syllabus.",
				"Items to bring:\n- a coat\n- boots\n* gloves",
				"He said ``no comment'' and left [laughs].",
			},
			Extract: structureMarkdownLeak,
		},
		&Feature{
			ID:          "structure.title-case-headings",
			Category:    Structure,
			Description: "share of headings in title case, times log(1 + number of headings)",
			Fires: []string{
				"The council met on Tuesday to vote on the budget.\n\n## A Long Night at City Hall\n\nMembers argued for hours over the plan.\n\n## What Happens Next\n\nThe budget takes effect in April.",
			},
			Quiet: []string{
				"The council met on Tuesday to vote on the budget.\n\n## A long night at city hall\n\nMembers argued for hours over the plan.\n\n## What happens next\n\nThe budget takes effect in April.",
				"## A Long Night at City Hall\nMembers argued for hours, and the budget takes effect in April.\n## What Happens Next",
			},
			Extract: structureTitleCaseHeadings,
		},
		&Feature{
			ID:          "structure.paragraph-uniformity",
			Category:    Structure,
			Description: "1 - coefficient of variation of paragraph lengths (4+ paragraphs of 15+ words)",
			FireAbove:   0.7,
			Fires: []string{
				"The new policy aims to improve access to care across the region, with a particular focus on rural communities and underserved populations.\n\n" +
					"It also seeks to reduce waiting times for patients by expanding the number of clinics and hiring additional staff over the coming years.\n\n" +
					"Officials expect the changes to take effect next year, although the exact timeline will depend on funding decisions made by the legislature.\n\n" +
					"Critics argue that the funding may not be sufficient, and they have called for greater transparency in how the money will be spent.",
			},
			Quiet: []string{
				"The council approved the budget on Tuesday night after a debate that ran past midnight and left several members visibly exhausted.\n\n" +
					"\"It was a long night,\" said the mayor.\n\n" +
					"The plan raises spending on roads by 4% and on libraries by 2%, while cutting the parks budget for the second year in a row, a move that drew loud objections from residents who had packed the public gallery since early evening and who vowed to return for the next meeting.\n\n" +
					"Opponents said they would fight the parks cuts at the next meeting, due in March.",
				"The new policy aims to improve access to care across the region, with a particular focus on rural communities and underserved populations. It also seeks to reduce waiting times for patients by expanding the number of clinics and hiring additional staff over the coming years.",
			},
			Extract: structureParagraphUniformity,
		},
	)
}

// structureHeadingTitles are stock section titles, normalised by
// structureNormTitle (lower case, punctuation and apostrophes dropped).
var structureHeadingTitles = styleWordSet(
	"conclusion", "in conclusion", "final thoughts", "key takeaways",
	"key takeaway", "takeaways", "in summary", "summary", "the bottom line",
	"bottom line", "looking ahead", "the road ahead", "conclusively speaking",
	"wrapping up", "background and context", "broader implications",
	"whats next", "what is next", "why it matters", "why this matters",
	"introduction", "overview", "key points", "conclusion and final thoughts",
)

// structureHeadingPrefixes start stock titles ("Implications for Investors").
var structureHeadingPrefixes = []string{"implications for "}

// structureNormTitle appends to dst the title s lower-cased, apostrophes
// dropped, other punctuation and spaces folded to single spaces, and any
// leading numbering ("5.", "2)") removed.
func structureNormTitle(dst []byte, s string) []byte {
	start := len(dst)
	space := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			dst = append(dst, c+'a'-'A')
			space = false
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			dst = append(dst, c)
			space = false
		case c == '\'':
		case c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x99: // ’
			i += 2
		default:
			if !space {
				dst = append(dst, ' ')
				space = true
			}
		}
	}
	if len(dst) > start && dst[len(dst)-1] == ' ' {
		dst = dst[:len(dst)-1]
	}
	// drop leading numbering.
	k := start
	for k < len(dst) && dst[k] >= '0' && dst[k] <= '9' {
		for k < len(dst) && dst[k] >= '0' && dst[k] <= '9' {
			k++
		}
		if k < len(dst) && dst[k] == ' ' {
			k++
		}
	}
	if k > start {
		dst = append(dst[:start], dst[k:]...)
	}
	return dst
}

// structureIsStockTitle tells whether s is a stock title, whole or, with
// parts, on either side of a colon ("Conclusion: A New Era", "Part 4:
// Conclusion").
func structureIsStockTitle(s string, parts bool) bool {
	if len(s) > 100 {
		return false
	}
	var buf [128]byte
	check := func(part string) bool {
		n := structureNormTitle(buf[:0], part)
		if structureHeadingTitles[string(n)] {
			return true
		}
		for _, p := range structureHeadingPrefixes {
			if len(n) > len(p) && string(n[:len(p)]) == p {
				return true
			}
		}
		return false
	}
	if check(s) {
		return true
	}
	if k := strings.IndexByte(s, ':'); parts && k >= 0 {
		return check(s[:k]) || check(s[k+1:])
	}
	return false
}

func structureFormulaicHeading(d *Document) Result {
	var r Result
	nonBlank := 0
	for _, l := range d.Lines {
		if !l.Blank {
			nonBlank++
		}
	}
	for i, l := range d.Lines {
		if l.Blank {
			continue
		}
		text, parts := l.Text, false
		if h, ok := d.headingAt[i]; ok {
			text, parts = d.Headings[h].Text, true
		} else {
			// a short stand-alone line ("Conclusion", "**Final Thoughts:**")
			// that Document does not take for a title line; it must be the
			// stock title whole ("Summary: guilty." is not).
			if nonBlank <= 2 || len(strings.TrimSpace(l.Text)) > 60 || strings.Count(strings.TrimSpace(l.Text), " ") > 4 {
				continue
			}
		}
		if structureIsStockTitle(text, parts) {
			r.Findings = append(r.Findings, d.LineFinding(i, 1))
		}
	}
	r.Value = math.Log1p(float64(len(r.Findings)))
	return r
}

// structureClosingOpeners count at the start of a sentence only.
var structureClosingOpeners = NewPhraseSet([]string{
	"in closing ,", "in conclusion ,", "in summary ,", "to sum up ,",
	"to conclude ,", "all in all ,", "conclusively speaking ,", "ultimately ,",
	"overall ,", "in essence ,", "as we look to the future",
})

// structureClosingLines are stock last lines, counted anywhere.
var structureClosingLines = NewPhraseSet([]string{
	"only time will tell", "remains to be seen", "the world watches closely",
	"one thing is certain",
})

func structureFormulaicClosing(d *Document) Result {
	var r Result
	for _, m := range structureClosingOpeners.FindLongest(d) {
		if styleAtSentenceStart(d, m.FirstToken) {
			r.Findings = append(r.Findings, d.Finding(m.Span, 1))
		}
	}
	lines := structureClosingLines.FindLongest(d)
	if len(lines) > 0 {
		for _, m := range lines {
			r.Findings = append(r.Findings, d.Finding(m.Span, 1))
		}
		structureSortFindings(r.Findings)
	}
	r.Value = math.Log1p(float64(len(r.Findings)))
	return r
}

// structureSortFindings orders findings by position (insertion sort: the
// lists are short).
func structureSortFindings(fs []Finding) {
	for i := 1; i < len(fs); i++ {
		for j := i; j > 0 && (fs[j].Line < fs[j-1].Line || fs[j].Line == fs[j-1].Line && fs[j].Column < fs[j-1].Column); j-- {
			fs[j], fs[j-1] = fs[j-1], fs[j]
		}
	}
}

func structureMarkdownLeak(d *Document) Result {
	if d.Format == "markdown" {
		return Result{} // in a Markdown file, Markdown is not a leak
	}
	var r Result
	for i, l := range d.Lines {
		if l.Blank {
			continue
		}
		if h, ok := d.headingAt[i]; ok && d.Headings[h].Markdown {
			r.Findings = append(r.Findings, d.LineFinding(i, 1))
			continue
		}
		s := l.Text
		lead := len(s) - len(strings.TrimLeft(s, " \t"))
		rest := s[lead:]
		if strings.HasPrefix(rest, "```") ||
			len(rest) > 4 && (rest[0] == '*' || rest[0] == '-' || rest[0] == '+') && rest[1] == ' ' && strings.HasPrefix(strings.TrimLeft(rest[2:], " "), "**") {
			r.Findings = append(r.Findings, d.LineFinding(i, 1))
			continue
		}
		r.Findings = structureInlineMarkdown(d, l, r.Findings)
	}
	r.Value = math.Log1p(float64(len(r.Findings)))
	return r
}

// structureInlineMarkdown appends a finding for every **bold**, __bold__,
// [link](http...) and `code` on line l.
func structureInlineMarkdown(d *Document, l Line, out []Finding) []Finding {
	s := l.Text
	// where the next "]" is, found once for all the "["s before it: a line
	// of "[[[[" read to its end from every bracket took minutes
	closeAt, parenAt := -1, -1
	for j := 0; j < len(s); j++ {
		k := strings.IndexAny(s[j:], "*_`[")
		if k < 0 {
			break
		}
		j += k
		c := s[j]
		end := -1
		switch c {
		case '*', '_':
			if j+1 < len(s) && s[j+1] == c {
				end = structureClosingDelim(s, j, s[j:j+2])
				if end < 0 {
					j++ // skip the pair
				}
			}
		case '`':
			if j+1 < len(s) && s[j+1] == '`' {
				j++ // `` quote marks or a fence: not inline code
				continue
			}
			end = structureClosingDelim(s, j, "`")
		case '[':
			closeAt = nextByte(s, j, ']', closeAt)
			if k := closeAt - j; closeAt < len(s) && k > 1 && strings.HasPrefix(s[closeAt+1:], "(http") {
				if parenAt = nextByte(s, closeAt+1, ')', parenAt); parenAt < len(s) {
					end = parenAt + 1
				}
			}
		}
		if end > 0 {
			out = append(out, d.Finding(Span{l.Start + j, l.Start + end}, 1))
			j = end - 1
		}
	}
	return out
}

// nextByte returns the offset of the first c in s at or after from, or
// len(s) when there is none; last is its previous answer, reused while it
// lies ahead.
func nextByte(s string, from int, c byte, last int) int {
	if last >= from {
		return last
	}
	if k := strings.IndexByte(s[from:], c); k >= 0 {
		return from + k
	}
	return len(s)
}

// structureClosingDelim finds the delimiter delim that closes the one at j
// on the same line, with non-space text right inside both; it returns the
// offset just past the closing delimiter, or -1.
func structureClosingDelim(s string, j int, delim string) int {
	open := j + len(delim)
	if open >= len(s) || s[open] == ' ' || s[open] == '\t' || s[open] == delim[0] {
		return -1
	}
	k := strings.Index(s[open:], delim)
	if k <= 0 {
		return -1
	}
	close := open + k
	if c := s[close-1]; c == ' ' || c == '\t' {
		return -1
	}
	return close + len(delim)
}

func structureTitleCaseHeadings(d *Document) Result {
	if len(d.Paragraphs) < structureMinParagraphs || len(d.Headings) < 2 {
		return Result{}
	}
	var r Result
	for _, h := range d.Headings {
		t := strings.TrimRight(h.Text, " \t:?!.")
		if isTitleLine(t) {
			r.Findings = append(r.Findings, d.LineFinding(h.Line, 1))
		}
	}
	share := float64(len(r.Findings)) / float64(len(d.Headings))
	r.Value = share * math.Log1p(float64(len(d.Headings)))
	return r
}

const structureMinParagraphWords = 15

func structureParagraphUniformity(d *Document) Result {
	var n, sum, sumSq float64
	for _, p := range d.Paragraphs {
		if p.Words < structureMinParagraphWords {
			continue
		}
		w := float64(p.Words)
		n++
		sum += w
		sumSq += w * w
	}
	if n < structureMinParagraphs {
		return Result{}
	}
	_, cv := styleMeanCV(n, sum, sumSq)
	return Result{Value: math.Max(0, math.Min(1, 1-cv))}
}
