package check

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode"
)

// textReporter writes one line a finding, as compilers and linters do, then
// a summary line a file, marked FAIL or ok by File.Failed:
//
//	post.md:3:1: error leak.chatbot: chatbot voice "Certainly! Here's"
//	FAIL post.md: score 97.5 flagged, 1 finding (1 error)
//	ok   other.md: score 2.0 clean, no findings
//	FAIL missing.md: error: open missing.md: no such file or directory
type textReporter struct{ o Options }

// maxMatch is how many characters of a match a text line shows, the
// ellipsis included.
const maxMatch = 60

func (r textReporter) Report(w io.Writer, files []File) error {
	b := bufio.NewWriter(w)
	for _, f := range files {
		for _, x := range r.o.shown(f) {
			fmt.Fprintf(b, "%s:%d:%d: %s %s: %s", f.Path, x.Line, x.Column, x.Severity, x.Rule, oneLine(message(x)))
			if x.Match != "" {
				b.WriteString(` "` + shortMatch(x.Match) + `"`)
			}
			if x.Suppressed {
				b.WriteString(" (suppressed)")
			}
			b.WriteByte('\n')
		}
		b.WriteString(textSummary(f))
		b.WriteByte('\n')
	}
	return b.Flush()
}

// textSummary is a file's summary line.
func textSummary(f File) string {
	mark := "ok   "
	if f.Failed {
		mark = "FAIL "
	}
	if f.Error != "" {
		return mark + f.Path + ": error: " + oneLine(f.Error)
	}
	var s strings.Builder
	if f.Score != nil {
		s.WriteString(mark + f.Path + fmt.Sprintf(": score %.1f", *f.Score))
	} else {
		s.WriteString(mark + f.Path + ": no score")
	}
	if f.Verdict != "" {
		s.WriteString(" " + f.Verdict)
	}
	if f.Language != "" {
		s.WriteString(fmt.Sprintf(" (%s %.2f)", f.Language, f.LanguageConfidence))
	}
	var n [Error + 1]int
	total, suppressed := 0, 0
	for _, x := range f.Findings {
		if x.Suppressed {
			suppressed++
			continue
		}
		if x.Severity >= Info && x.Severity <= Error {
			n[x.Severity]++
		}
		total++
	}
	if total == 0 {
		s.WriteString(", no findings")
	} else {
		s.WriteString(", " + plural(total, "finding", "findings"))
		var parts []string
		if n[Error] > 0 {
			parts = append(parts, plural(n[Error], "error", "errors"))
		}
		if n[Warning] > 0 {
			parts = append(parts, plural(n[Warning], "warning", "warnings"))
		}
		if n[Info] > 0 {
			parts = append(parts, plural(n[Info], "info", "info"))
		}
		if len(parts) > 0 {
			s.WriteString(" (" + strings.Join(parts, ", ") + ")")
		}
	}
	if suppressed > 0 {
		s.WriteString(fmt.Sprintf(", %d suppressed", suppressed))
	}
	return s.String()
}

// oneLine shows line breaks as ⏎ and other control characters as U+FFFD,
// so that one finding stays on one line of a terminal.
func oneLine(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "⏎")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\r':
			return '⏎'
		case r == '\t':
			return r
		case unicode.IsControl(r):
			return '\uFFFD'
		}
		return r
	}, s)
}

// shortMatch is a match on one line, cut to maxMatch characters with an
// ellipsis. A run of white space that crosses lines reads "⏎", any other
// run one space: in Markdown and HTML a match can span the blanked markup
// between two elements, which is not worth showing.
func shortMatch(m string) string {
	r := []rune(oneLine(foldSpace(m)))
	if len(r) > maxMatch {
		return string(r[:maxMatch-1]) + "…"
	}
	return string(r)
}

func foldSpace(m string) string {
	var b strings.Builder
	for i := 0; i < len(m); {
		j := i
		for j < len(m) && (m[j] == ' ' || m[j] == '\t' || m[j] == '\n' || m[j] == '\r') {
			j++
		}
		switch {
		case j == i:
			b.WriteByte(m[i])
			i++
			continue
		case strings.ContainsAny(m[i:j], "\n\r"):
			b.WriteByte('\n')
		default:
			b.WriteByte(' ')
		}
		i = j
	}
	return b.String()
}
