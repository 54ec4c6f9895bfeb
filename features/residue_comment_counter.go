package features

import (
	"strings"
	"unicode/utf8"
)

// This file implements rule residue.comment-counter; the rule's declaration,
// with its examples, is in residue.go's init.

var commentWords = resSet("comment", "comments", "comment(s)", "responses", "response", "replies",
	// the counters beside them: views, likes, shares, votes, reviews
	"view", "views", "like", "likes", "share", "shares", "vote", "votes", "reaction", "reactions", "review", "reviews")

var commentCounterHeads = resSet("comments", "comment", "post a comment", "view comments", "show comments",
	"leave a comment", "read comments", "add comment", "add a comment", "see comments", "all comments")

// commentHeadingWords and commentHeadingLinks make a blog's comment-section
// heading: "6 Comments on Interactive maps", "12 Responses to “Budget
// day”", "One thought on “Spring”".
var (
	commentHeadingWords = resSet("comment", "comments", "response", "responses", "reply", "replies", "thought", "thoughts")
	commentHeadingLinks = resSet("on", "to")
)

// commentHeading: the count, the word, "on" or "to", then the post's title,
// quoted as the theme prints it (only "comments on" is also met unquoted:
// "5 replies to the survey" and "Three thoughts on leadership" may be a
// person's heading). A sentence ("12 comments on the draft were
// received.") ends with a full stop.
func commentHeading(line, key string) bool {
	f := strings.Fields(key)
	if len(f) < 4 || len(f) > 24 || !(resCount(f[0]) || f[0] == "one") || !commentHeadingWords[f[1]] || !commentHeadingLinks[f[2]] {
		return false
	}
	quoted := false
	for _, q := range []string{"\"", "“", "'", "‘", "«"} {
		quoted = quoted || strings.HasPrefix(f[3], q)
	}
	if !quoted && !(strings.HasPrefix(f[1], "comment") && f[2] == "on") {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(resTrim(line))
	return r != '.' && r != ','
}

// commentCounter: "12 comments", "comments (3)", "post a comment (0)", "comments: 27".
func commentCounter(key string) bool {
	if i := strings.IndexByte(key, '('); i > 0 && key[i-1] != ' ' {
		key = key[:i] + " " + key[i:] // "Comments(48)"
	}
	f := strings.Fields(key)
	if len(f) < 2 || len(f) > 5 {
		return false
	}
	if len(f) == 2 && resCount(f[0]) && !strings.HasPrefix(f[0], "(") && commentWords[f[1]] {
		return true
	}
	last := f[len(f)-1]
	head := strings.TrimRight(strings.Join(f[:len(f)-1], " "), ":")
	return resCount(last) && commentCounterHeads[head]
}

var commentCounterFilter = newResFilter(200, []map[string]bool{commentCounterHeads, resSet("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "(")},
	"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "one ")

func extractCommentCounter(d *Document) Result {
	return resScan(d, commentCounterFilter, func(i int, key string) bool {
		return commentCounter(key) || commentHeading(d.Lines[i].Text, key)
	})
}
