package features

import "strings"

// This file implements rule residue.share; the rule's declaration,
// with its examples, is in residue.go's init.

var shareStrong = resSet(
	"Share", "Share this", "Share this article", "Share this story", "Share this post",
	"Share this page", "Share article", "Share story", "Share on Facebook", "Share on Twitter",
	"Share on X", "Share on LinkedIn", "Share on WhatsApp", "Share on Reddit", "Share on Pinterest",
	"Share via Email", "Share via WhatsApp", "Share by email", "Copy link", "Copy URL", "Link copied",
	"Copy article link", "Tweet", "Share this with", "Follow us", "Follow us on Google News",
	"Follow us on Twitter", "Follow us on Facebook", "Follow us on Instagram", "Share the article",
	"Share full article", "Share options", "Share page", "Email this article", "Print this article",
	"Print this page", "Click to share on Facebook", "Click to share on Twitter", "Click to print",
	"Click to email a link to a friend", "Share to Facebook", "Share to Twitter",
	"Retweet", "Retweet this article", "Retweet this", "Sharing is caring", "Share or comment on this article",
	"Please follow and like us", "Follow and like us", "Like us on Facebook",
	"Email a friend", "Email to a friend", "Email this to a friend", "Send to a friend", "Send to friend",
	"Forward to a friend", "Share with a friend", "Your friend's email", "Friend's email", "Email this",
	"Email this story", "Email this page",
)

// shareNetworks are the words of a share bar.
var shareNetworks = map[string]bool{
	"facebook": true, "twitter": true, "x": true, "linkedin": true, "whatsapp": true, "email": true,
	"e-mail": true, "mail": true, "print": true, "pinterest": true, "reddit": true, "telegram": true,
	"messenger": true, "tumblr": true, "flipboard": true, "sms": true, "bluesky": true,
	"threads": true, "instagram": true, "youtube": true, "tiktok": true, "copylink": true,
	"share": true, "tweet": true, "pocket": true, "mastodon": true, "vk": true, "pin": true,
	"comment": true, "comments": true, "gift": true, "follow": true,
}

// shareKind: 2 for a line that is a share widget on its own, 1 for a lone
// network name or "Print"/"Email" (a widget only among other widget lines or
// when no prose follows), 0 otherwise.
func shareKind(key string) int {
	if shareStrong[key] {
		return 2
	}
	for _, p := range []string{"share on ", "share via ", "share to ", "follow us on ", "click to share on ", "like us on "} {
		if strings.HasPrefix(key, p) && len(strings.Fields(key[len(p):])) <= 3 {
			return 2
		}
	}
	if rest := resAfterLabel(key, "read or share this story"); rest != "" && resDomain(rest) {
		return 2 // a news network's share line, with the story's address
	}
	key = strings.ReplaceAll(key, "copy link", "copylink")
	parts := strings.FieldsFunc(key, func(r rune) bool { return strings.ContainsRune(" |/,·•:", r) })
	if len(parts) == 0 {
		return 0
	}
	networks := 0
	for _, p := range parts {
		switch {
		case shareNetworks[p]:
			networks++
		case resCount(p) && len(parts) >= 3:
			// a share count among the buttons ("10.7k Pinterest Facebook")
		default:
			return 0
		}
	}
	if networks >= 2 {
		return 2
	}
	if networks == 1 && len(parts) == 1 {
		return 1
	}
	return 0
}

var shareFilter = newResFilter(300, []map[string]bool{shareStrong, shareNetworks, resSet("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")},
	"read or share this story")

func extractShare(d *Document) Result {
	kind := func(k int) int {
		if k < 0 || d.resLen(k) > resMaxLine {
			return 0
		}
		return shareKind(resKey(d.Lines[k].Text))
	}
	return resScan(d, shareFilter, func(i int, key string) bool {
		switch shareKind(key) {
		case 2:
			return true
		case 1:
			p, n := resPrevNonBlank(d, i), resNextNonBlank(d, i)
			if p < 0 && n >= 0 && navStyle(d.Lines[i].Text) == 0 {
				// opening the document: a share bar's last button above
				// the article, unless the article goes on to name it (a
				// title, "Facebook", over "Facebook said ...")
				return !strings.Contains(strings.ToLower(d.Lines[n].Text), key)
			}
			return n < 0 || !resProse(d.Lines[n].Text) || kind(p) > 0 || kind(n) > 0
		}
		return false
	})
}
