// Package suppress decides which findings an author has silenced: in-file
// directives in Markdown and HTML comments, and .chaffignore files that keep
// whole files and folders out of a check.
//
// Directives are HTML comments, which Markdown and HTML both carry without
// showing them:
//
//	<!-- chaff-disable residue.share, leak -->   from this line on
//	<!-- chaff-enable residue.share -->          up to and including this line
//	<!-- chaff-disable -->                       every rule
//	<!-- chaff-enable -->                        every rule again
//	<!-- chaff-disable-next-line residue -->     the next non-blank line only
//
// A rule is a full ID ("residue.share") or a category ("residue", every
// residue rule); several are separated by spaces or commas, and no rule at
// all means every rule. Text after a stand-alone "--" is a reason, for the
// reader: <!-- chaff-disable-next-line residue.share -- the author's byline -->.
//
// The state of a rule on a line is set by the last directive before it that
// names the rule, its category or every rule: chaff-enable residue.share
// inside chaff-disable re-enables residue.share alone, and chaff-enable with
// no rule ends every range. A line that holds a directive belongs to the
// range it opens or closes, so a finding on the line of a chaff-disable or a
// chaff-enable comment is suppressed.
//
// Comments inside fenced code blocks (``` and ~~~) and inline code spans are
// text, not directives. Lines are numbered from 1 the way features.Document
// numbers them: a CRLF or a lone CR ends a line like an LF.
package suppress

import (
	"fmt"
	"sort"
	"strings"

	"github.com/chaff-dev/chaff/features"
)

// The directive words.
const (
	Disable         = "chaff-disable"
	Enable          = "chaff-enable"
	DisableNextLine = "chaff-disable-next-line"
)

var directiveWords = []string{Disable, Enable, DisableNextLine}

// Problem is a directive that cannot be honoured as written: an unknown
// directive word, an unknown rule, a chaff-disable-next-line with no line
// after it, a directive comment that never closes.
type Problem struct {
	Line    int
	Message string
}

func (p Problem) String() string { return fmt.Sprintf("%d: %s", p.Line, p.Message) }

// selector is the set of rules a directive names; nil rules means every rule.
type selector []string

func (s selector) matches(rule string) bool {
	if s == nil {
		return true
	}
	for _, r := range s {
		if rule == r || (strings.HasPrefix(rule, r) && rule[len(r)] == '.') {
			return true
		}
	}
	return false
}

// rangeDirective is a chaff-disable or chaff-enable comment spanning the
// lines [start, end] (more than one line for a comment that wraps).
type rangeDirective struct {
	start, end int
	enable     bool
	rules      selector
}

// Directives are the suppression directives of one document.
type Directives struct {
	ranges   []rangeDirective   // in source order
	next     map[int][]selector // target line -> chaff-disable-next-line selectors
	problems []Problem
}

// Parse reads the directives of a document (the raw bytes, as chaff reads
// them). It never fails: what it cannot honour is listed by Problems.
func Parse(src []byte) *Directives {
	p := parser{d: &Directives{next: map[int][]selector{}}}
	lines := splitLines(src)
	p.info = make([]lineInfo, len(lines)+2)
	for i, l := range lines {
		p.line(i+1, l)
	}
	if p.inComment {
		if c := strings.TrimSpace(p.comment.String()); isDirectiveText(c) {
			p.problem(p.commentStart, "directive comment is never closed with -->; ignored")
		}
	}
	p.resolveNext(len(lines))
	sort.SliceStable(p.d.problems, func(i, j int) bool { return p.d.problems[i].Line < p.d.problems[j].Line })
	return p.d
}

// Suppressed reports whether findings of rule on line (1-based) are
// silenced by a directive.
func (d *Directives) Suppressed(rule string, line int) bool {
	if d == nil {
		return false
	}
	rule = strings.ToLower(rule)
	for _, s := range d.next[line] {
		if s.matches(rule) {
			return true
		}
	}
	// replay the ranges in source order; off since offFrom
	off, offFrom := false, 0
	for _, r := range d.ranges {
		if r.start > line && !off {
			break
		}
		if !r.rules.matches(rule) {
			continue
		}
		switch {
		case !r.enable && !off:
			off, offFrom = true, r.start
		case r.enable && off:
			if offFrom <= line && line <= r.end {
				return true
			}
			off = false
		}
	}
	return off && offFrom <= line
}

// Filter splits findings into those that stand and those a directive
// silences, keeping their order.
func (d *Directives) Filter(fs []features.Finding) (kept, suppressed []features.Finding) {
	for _, f := range fs {
		if d.Suppressed(f.Rule, f.Line) {
			suppressed = append(suppressed, f)
		} else {
			kept = append(kept, f)
		}
	}
	return kept, suppressed
}

// Problems lists what Parse could not honour, by line.
func (d *Directives) Problems() []Problem {
	if d == nil {
		return nil
	}
	return d.problems
}

// splitLines splits raw bytes the way features.NewDocument does: BOM
// dropped, LF, CRLF and lone CR each end a line.
func splitLines(src []byte) []string {
	s := strings.TrimPrefix(string(src), "\uFEFF")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Split(s, "\n")
}

type lineInfo struct {
	text bool // holds something besides whitespace and directive comments
}

type nextRequest struct {
	after int // the line the directive comment ends on
	rules selector
}

type parser struct {
	d    *Directives
	info []lineInfo

	fenceChar byte // '`' or '~' inside a fenced code block, 0 outside
	fenceLen  int
	inList    bool // the last lines are a list item's: its fences are indented

	inComment    bool
	comment      strings.Builder
	commentStart int

	next []nextRequest
}

func (p *parser) problem(line int, format string, args ...any) {
	p.d.problems = append(p.d.problems, Problem{Line: line, Message: fmt.Sprintf(format, args...)})
}

func (p *parser) line(n int, l string) {
	if p.inComment {
		end := strings.Index(l, "-->")
		if end < 0 {
			p.comment.WriteString(l)
			p.comment.WriteByte('\n')
			return
		}
		p.comment.WriteString(l[:end])
		p.inComment = false
		p.directive(p.commentStart, n, p.comment.String())
		p.scan(n, l[end+3:])
		return
	}
	if p.fenceChar != 0 {
		if fenceCloses(p.container(l), p.fenceChar, p.fenceLen) {
			p.fenceChar = 0
		}
		p.info[n].text = strings.TrimSpace(l) != ""
		return
	}
	if t := strings.TrimLeft(l, " "); t != "" {
		switch {
		case listItem(t):
			p.inList = true
		case len(l)-len(t) == 0:
			p.inList = false // a paragraph at the margin ends the list
		}
	}
	if c, k, ok := fenceOpens(p.container(l)); ok {
		p.fenceChar, p.fenceLen = c, k
		p.info[n].text = true
		return
	}
	p.scan(n, l)
}

// scan looks for comments in the part of line n outside any comment,
// stepping over inline code spans.
func (p *parser) scan(n int, l string) {
	for i := 0; i < len(l); {
		switch {
		case l[i] == '`':
			k := run(l, i, '`')
			if j := closingTicks(l, i+k, k); j >= 0 {
				p.info[n].text = true
				i = j + k
			} else {
				p.info[n].text = true
				i += k
			}
		case strings.HasPrefix(l[i:], "<!--"):
			rest := l[i+4:]
			end := strings.Index(rest, "-->")
			if end < 0 {
				p.inComment, p.commentStart = true, n
				p.comment.Reset()
				p.comment.WriteString(rest)
				p.comment.WriteByte('\n')
				return
			}
			p.directive(n, n, rest[:end])
			i += 4 + end + 3
		default:
			if l[i] != ' ' && l[i] != '\t' {
				p.info[n].text = true
			}
			i++
		}
	}
}

func run(s string, i int, c byte) int {
	k := 0
	for i+k < len(s) && s[i+k] == c {
		k++
	}
	return k
}

// closingTicks finds a run of exactly k backticks from i, -1 if none.
func closingTicks(s string, i, k int) int {
	for i < len(s) {
		if s[i] != '`' {
			i++
			continue
		}
		r := run(s, i, '`')
		if r == k {
			return i
		}
		i += r
	}
	return -1
}

// container returns line l without the markers of the blocks that hold it,
// so that a fence in a blockquote ("> ```") or indented under a list item
// ("   ```") is read as a fence: a blockquote's ">"s, and under a list item
// the item's indentation (up to four spaces).
func (p *parser) container(l string) string {
	for {
		t := strings.TrimLeft(l, " ")
		if len(l)-len(t) > 3 || !strings.HasPrefix(t, ">") {
			break
		}
		l = strings.TrimPrefix(t[1:], " ")
	}
	if p.inList {
		for k := 0; k < 4 && strings.HasPrefix(l, " "); k++ {
			l = l[1:]
		}
	}
	return l
}

// listItem reports a line (without its indentation) that starts a list
// item: "-", "*" or "+", or a number and "." or ")", then a space.
func listItem(t string) bool {
	if len(t) >= 2 && strings.ContainsRune("-*+", rune(t[0])) && t[1] == ' ' {
		return true
	}
	i := 0
	for i < len(t) && i < 9 && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	return i > 0 && i+1 < len(t) && (t[i] == '.' || t[i] == ')') && t[i+1] == ' '
}

// fenceOpens reports a line opening a fenced code block: up to three spaces,
// then three or more backticks or tildes (a backtick fence's info string
// holds no backtick).
func fenceOpens(l string) (byte, int, bool) {
	s, ok := fenceIndent(l)
	if !ok || len(s) < 3 || (s[0] != '`' && s[0] != '~') {
		return 0, 0, false
	}
	k := run(s, 0, s[0])
	if k < 3 || (s[0] == '`' && strings.Contains(s[k:], "`")) {
		return 0, 0, false
	}
	return s[0], k, true
}

// fenceCloses reports a line closing a fence of k or more c.
func fenceCloses(l string, c byte, k int) bool {
	s, ok := fenceIndent(l)
	if !ok {
		return false
	}
	r := run(s, 0, c)
	return r >= k && strings.TrimSpace(s[r:]) == ""
}

func fenceIndent(l string) (string, bool) {
	i := 0
	for i < len(l) && l[i] == ' ' {
		i++
	}
	if i > 3 {
		return "", false
	}
	return l[i:], true
}

// isDirectiveText reports comment text that is meant as a directive.
func isDirectiveText(c string) bool {
	return len(c) >= 6 && strings.EqualFold(c[:6], "chaff-")
}

// directive reads one comment's text, spanning lines [start, end].
func (p *parser) directive(start, end int, text string) {
	c := strings.TrimSpace(text)
	if !isDirectiveText(c) {
		// an ordinary comment is text chaff reads like any other
		for l := start; l <= end; l++ {
			p.info[l].text = p.info[l].text || c != ""
		}
		return
	}
	word, rest := c, ""
	if i := strings.IndexAny(c, " \t\r\n,"); i >= 0 {
		word, rest = c[:i], c[i:]
	}
	word = strings.ToLower(word)
	known := false
	for _, w := range directiveWords {
		known = known || word == w
	}
	if !known {
		msg := fmt.Sprintf("unknown directive %q", word)
		if s := suggest(word, directiveWords); s != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		} else {
			msg += " (want chaff-disable, chaff-enable or chaff-disable-next-line)"
		}
		p.problem(start, "%s; ignored", msg)
		return
	}
	rules := p.rules(start, rest)
	switch word {
	case Disable, Enable:
		p.d.ranges = append(p.d.ranges, rangeDirective{start: start, end: end, enable: word == Enable, rules: rules})
	case DisableNextLine:
		p.next = append(p.next, nextRequest{after: end, rules: rules})
	}
}

// rules reads the rule list of a directive: names separated by spaces or
// commas, up to a stand-alone "--" that starts a reason.
func (p *parser) rules(line int, s string) selector {
	var out selector
	for _, f := range strings.FieldsFunc(s, func(r rune) bool {
		return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r'
	}) {
		if f == "--" {
			break
		}
		f = strings.ToLower(f)
		if !knownRule(f) {
			msg := fmt.Sprintf("unknown rule %q", f)
			if s := suggest(f, ruleNames()); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			p.problem(line, "%s", msg)
		}
		out = append(out, f)
	}
	return out
}

// resolveNext points every chaff-disable-next-line at the next line that
// is neither blank nor only directive comments.
func (p *parser) resolveNext(last int) {
	for _, r := range p.next {
		target := 0
		for l := r.after + 1; l <= last; l++ {
			if p.info[l].text {
				target = l
				break
			}
		}
		if target == 0 {
			p.problem(r.after, "%s has no line after it", DisableNextLine)
			continue
		}
		p.d.next[target] = append(p.d.next[target], r.rules)
	}
}

// knownRule reports a feature ID or a category of the catalogue.
func knownRule(s string) bool {
	if _, err := features.Lookup(s); err == nil {
		return true
	}
	for _, c := range features.Categories {
		if s == string(c) {
			return true
		}
	}
	return false
}

func ruleNames() []string {
	out := features.IDs()
	for _, c := range features.Categories {
		out = append(out, string(c))
	}
	return out
}

// suggest returns the candidate closest to s, if it is close enough to be a
// typo.
func suggest(s string, candidates []string) string {
	best, bestD := "", len(s)/3+1
	if bestD > 3 {
		bestD = 3
	}
	for _, c := range candidates {
		if d := distance(s, c); d <= bestD && (best == "" || d < distance(s, best)) {
			best = c
		}
	}
	return best
}

// distance is the Damerau-Levenshtein distance (optimal string alignment),
// so that a swap of two letters counts once.
func distance(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}
