package features

import "strings"

// This file implements rule residue.cookie; the rule's declaration,
// with its examples, is in residue.go's init.

var cookieLabels = resSet(
	"Accept all cookies", "Accept cookies", "Accept all", "Reject all", "Reject all cookies",
	"Allow all cookies", "Allow cookies", "Allow all", "Decline cookies", "Necessary cookies only",
	"Only necessary cookies", "Use necessary cookies only", "Cookie settings", "Cookies settings",
	"Cookie preferences", "Manage cookies", "Manage consent", "Manage consent preferences",
	"Manage preferences", "Manage cookie preferences", "Cookie policy", "Cookies policy",
	"Cookie consent", "We value your privacy", "Privacy preferences", "Consent preferences",
	"Customise cookies", "Customize cookies", "Accept and close", "Agree and proceed",
)

var cookiePrefixes = []string{
	"we use cookies", "this website uses cookies", "this site uses cookies", "our website uses cookies",
	"our site uses cookies", "we and our partners use cookies", "we and our partners store",
	"by continuing to browse", "by continuing to use this", "by continuing to use our",
	"by using this website", "by using this site", "by using our site", "by using our website",
	"by clicking \"accept", "by clicking “accept", "by clicking accept",
}

// cookieAgree: how a banner's "By continuing to use this site ..." tells
// the reader what the reader agrees to; without it the line is anyone's
// sentence ("By continuing to use this drug after the warning, patients
// risked liver damage").
var cookieAgree = []string{
	"you agree", "you consent", "you accept", "you are agreeing", "you're agreeing", "you are consenting",
	"you're consenting", "you are giving consent", "you're giving consent", "you give consent",
	"you are accepting", "you acknowledge", "you allow", "cookie",
}

var cookieFilter = newResFilter(600, []map[string]bool{cookieLabels}, cookiePrefixes...)

// cookieBanner: key opens like a banner (a prefix ending on a word's end:
// "By using this website's data, ..." is about something else) and speaks
// to the reader in the site's voice, not reporting anyone; a banner that
// opens with "By ..." says what the reader agrees to.
func cookieBanner(key string) bool {
	prefix := ""
	for _, p := range cookiePrefixes {
		if strings.HasPrefix(key, p) {
			prefix = p
			break
		}
	}
	if prefix == "" || resReported(key) {
		return false
	}
	if rest := key[len(prefix):]; rest != "" && strings.HasPrefix(rest, "'") {
		return false // a possessive: "by using this website's data"
	}
	if !strings.HasPrefix(prefix, "by ") {
		return true
	}
	for _, a := range cookieAgree {
		if strings.Contains(key, a) {
			return true
		}
	}
	return false
}

func extractCookie(d *Document) Result {
	return resScan(d, cookieFilter, func(_ int, key string) bool {
		if cookieLabels[key] {
			return true
		}
		if key[0] != 'w' && key[0] != 't' && key[0] != 'o' && key[0] != 'b' {
			return false
		}
		return cookieBanner(key)
	})
}
