package features

import "strings"

// This file implements rule residue.comment-prompt; the rule's declaration,
// with its examples, is in residue.go's init.

var commentPrompts = resSet(
	"Post a Comment", "Leave a Reply", "Leave a comment", "Add a comment", "Cancel reply",
	"Leave a Reply Cancel reply", "Your email address will not be published",
	"Required fields are marked", "Join the conversation", "Be the first to comment",
	"Comments", "Write a comment", "Submit a comment", "Post comment", "Submit comment",
	"No comments", "No comments yet", "Show comments", "View comments", "Load comments",
	"You must be logged in to post a comment", "Comments are closed", "Log in to comment",
	"Save my name, email, and website in this browser for the next time I comment",
	"Notify me of new posts by email", "Notify me of follow-up comments by email",
	"Start the conversation", "Add your comment", "Reply", "Sign in to comment", "Login to comment",
	"Log in to reply", "Report this post", "Report this comment", "Report abuse",
)

var commentPromptPrefixes = []string{
	"your email address will not be published", "you must be logged in to post a comment",
	"save my name, email, and website", "leave a reply cancel reply",
}

var commentPromptFilter = newResFilter(160, []map[string]bool{commentPrompts}, commentPromptPrefixes...)

func extractCommentPrompt(d *Document) Result {
	return resScan(d, commentPromptFilter, func(_ int, key string) bool {
		if commentPrompts[key] {
			return true
		}
		for _, p := range commentPromptPrefixes {
			if strings.HasPrefix(key, p) && (len(key) == len(p) || key[len(p)] == '.' || key[len(p)] == ' ') {
				// the sentence must be the widget text itself, not quoted prose.
				return !strings.Contains(key[len(p):], ",")
			}
		}
		return false
	})
}
