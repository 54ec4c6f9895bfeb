package features

import "strings"

// This file implements rule residue.trailing-blank; the rule's declaration,
// with its examples, is in residue.go's init.

func extractTrailingBlank(d *Document) Result {
	if d.Format == "html" || d.Format == "markdown" {
		// markup reads as blank lines (closing tags; a closing code
		// block, link definitions or comments in Markdown): a file's
		// trailing blanks say nothing there
		return Result{}
	}
	n := len(d.Lines)
	end := n
	if strings.HasSuffix(d.Text, "\n") {
		end-- // the empty line after the final newline is not a blank line
	}
	first := end
	for first > 0 && resBlank(d.Lines[first-1]) {
		first--
	}
	if first == 0 || end-first < 3 {
		return Result{}
	}
	l := d.Lines[first]
	return resResult([]Finding{d.Finding(Span{l.Start, l.Start}, 1)})
}
