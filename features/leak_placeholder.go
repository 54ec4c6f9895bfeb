package features

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file implements rule leak.placeholder; the rule's declaration,
// with its examples, is in leak.go's init.

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
	if inner == "" || len(inner) > maxSlot || inner[0] == '-' {
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

// inCapsLine reports whether the slot at t[i] is upper-case on a line with no
// lower-case letter: in a text typed in capitals, "[LINK HERE]" is how the
// writer typed it, not an ALL-CAPS slot name.
func inCapsLine(d *Document, i int, lower map[int]bool) bool {
	k := max(d.lineAt(i), 0)
	has, ok := lower[k]
	if !ok {
		// once a line: a one-line page with a slot in every sentence
		// would read its line again for each
		has = strings.ContainsFunc(d.Lines[k].Text, unicode.IsLower)
		lower[k] = has
	}
	return !has
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

// maxSlot and maxIdent are the longest a bracketed slot and a braced one
// may be, in bytes.
const (
	maxSlot  = 60
	maxIdent = 40
)

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
	lower := map[int]bool{} // line -> has a lower-case letter (inCapsLine)
	// [slot] — but not a Markdown link text "[link](...)".
	for i := strings.IndexByte(t, '['); i >= 0; {
		// a slot is short (placeholderSlot): look no further for its end,
		// or a page of "[[[[" reads to its end from every bracket
		end := strings.IndexAny(t[i+1:min(len(t), i+2+maxSlot)], "]\n")
		if end >= 0 && t[i+1+end] == ']' {
			j := i + 1 + end
			if !(j+1 < len(t) && t[j+1] == '(') && placeholderSlot(t[i+1:j]) && !inCapsLine(d, i, lower) &&
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
		end := strings.IndexAny(t[i+open:min(len(t), i+open+1+maxIdent)], "}\n")
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
		if slotMentioned(t, sp.Start) || mentioned >= 0 && !strings.Contains(t[mentioned:sp.Start], "\n") && slotJoined(t, sp.Start) ||
			slotDiscussed(d, sp) {
			mentioned = sp.End
			continue
		}
		if indentedLine(d, sp.Start) && isTechnical() {
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
func indentedLine(d *Document, i int) bool {
	line := d.Lines[max(d.lineAt(i), 0)].Text
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

// slotTopicWords make a sentence one about templates and their slots:
// "Use {{name}} in your Mailchimp template", "Typesetters have used Lorem
// ipsum dolor sit amet as dummy text".
var slotTopicWords = map[string]bool{
	"placeholder": true, "placeholders": true, "template": true, "templates": true,
	"mail-merge": true, "merge": true, "variable": true, "variables": true,
	"dummy": true, "filler": true, "boilerplate": true,
	"typesetter": true, "typesetters": true, "typesetting": true,
}

// slotQuoteWords, in the four words before a quotation, report a text's
// wording: a letter "addressed to \"Dear [Name]\"", one that "opened
// with" it, a release that "included the line \"contact [Name] ...\"".
var slotQuoteWords = map[string]bool{
	"addressed": true, "opened": true, "opens": true, "opening": true, "began": true, "begins": true,
	"beginning": true, "included": true, "includes": true, "including": true, "line": true, "lines": true,
	"read": true, "reads": true, "reading": true, "greeting": true, "salutation": true,
}

// slotDiscussed reports whether the slot at sp is one a sentence about
// it quotes or shows: inside quotation marks in a sentence that names
// template talk (slotTopicWords) or in a quotation that slotQuoteWords
// introduce; or, for a {{variable}} or Lorem ipsum, anywhere in a
// sentence about templates or dummy text. A bracketed slot outside
// quotation marks is left unfilled wherever it stands ("Download our
// template at [Insert link]"), and so is a quoted one that nothing
// introduces as wording: a generated release's quote slot (The mayor said:
// "[Insert quote]").
func slotDiscussed(d *Document, sp Span) bool {
	k := sort.Search(len(d.Tokens), func(k int) bool { return d.Tokens[k].End > sp.Start })
	if k >= len(d.Tokens) {
		return false
	}
	// k's sentence, but no further than 60 tokens either side of the slot
	start, end := max(k-60, 0), min(k+60, len(d.Tokens))
	if n := sort.Search(len(d.Sentences), func(n int) bool { return d.Sentences[n].EndToken > k }); n < len(d.Sentences) && d.Sentences[n].FirstToken <= k {
		start, end = max(start, d.Sentences[n].FirstToken), min(end, d.Sentences[n].EndToken)
	}
	topic := false
	for _, tk := range d.Tokens[start:end] {
		if tk.Start >= sp.Start && tk.End <= sp.End {
			continue // the slot's own words ("[Template Name]")
		}
		topic = topic || slotTopicWords[tk.Lower]
	}
	if d.Text[sp.Start] != '[' && topic {
		return true
	}
	q := leakQuotation(d, sp.Start)
	if q < 0 {
		return false
	}
	if topic {
		return true
	}
	j := sort.Search(len(d.Tokens), func(j int) bool { return d.Tokens[j].End > q })
	for words, steps := 0, 0; j > 0 && words < 4 && steps < 12; steps++ {
		j--
		if d.Tokens[j].Kind != Word {
			continue
		}
		if slotQuoteWords[d.Tokens[j].Lower] {
			return true
		}
		words++
	}
	return false
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
	if s == "" || len(s) > maxIdent {
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
