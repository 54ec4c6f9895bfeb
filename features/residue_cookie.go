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

var cookieFilter = newResFilter(600, []map[string]bool{cookieLabels}, cookiePrefixes...)

func extractCookie(d *Document) Result {
	return resScan(d, cookieFilter, func(_ int, key string) bool {
		if cookieLabels[key] {
			return true
		}
		if key[0] != 'w' && key[0] != 't' && key[0] != 'o' && key[0] != 'b' {
			return false
		}
		for _, p := range cookiePrefixes {
			if strings.HasPrefix(key, p) {
				return true
			}
		}
		return false
	})
}
