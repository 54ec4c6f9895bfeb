package features

import "strings"

// This file implements rule residue.subscribe; the rule's declaration,
// with its examples, is in residue.go's init.

var subscribeLabels = resSet(
	"Subscribe", "Subscribe now", "Subscribe today", "Subscribe here", "Subscribe for free",
	"Subscribe to our newsletter", "Subscribe to the newsletter", "Subscribe to newsletter",
	"Subscribe to our newsletters", "Sign up for our newsletter", "Sign up to our newsletter",
	"Sign up for the newsletter", "Sign up for our newsletters", "Sign up", "Sign up now",
	"Sign up here", "Sign me up", "Enter your email", "Enter your email address",
	"Your email address", "Email address", "Get the latest news delivered to your inbox",
	"Newsletter", "Newsletters", "Our newsletter", "Newsletter sign-up", "Newsletter signup",
	"Newsletter sign up", "Join our newsletter", "Join our mailing list", "Thank you for subscribing",
	"Thanks for subscribing", "You're subscribed", "You're all set", "Get our newsletter",
	"Free newsletter", "Sign up to our free newsletter", "You have already subscribed", "Register now",
	"Never miss a story", "Never miss a thing", "Never miss an update", "Support our journalism",
	"Support local journalism", "Support independent journalism", "To read the full story",
	"Read the full story", "To continue reading", "Subscribe to read", "Subscribe to continue reading",
	"Subscribe to read the full story", "You have been successfully subscribed", "You have successfully subscribed",
	"Successfully subscribed", "Thanks for signing up", "Thank you for signing up",
	"Invalid email", "Invalid email address", "Please enter a valid email address", "Please enter a valid email",
	"Enter a valid email address",
)

var subscribeVerbs = []string{"get ", "sign up", "subscribe", "receive ", "enter ", "join ", "stay ", "want ", "never miss", "to receive ", "click here to ", "click to "}

var subscribeObjects = []string{"newsletter", "your inbox", "our mailing list", "your email", "e-mails", "emails", "email updates", "subscription", "news updates", "news alerts"}

// appVerbs open a news app's promotion; appNews are what it promises.
var (
	appVerbs = []string{"get ", "download ", "install ", "click here to get ", "click here to download ", "tap here to get "}
	appNews  = []string{"news", "headlines", "coverage", "stories", "updates", "breaking", "full story"}
)

// appPromo: a line that tells the reader to get a site's app for its news,
// "Get the latest news straight to your phone with the Harbour Post app",
// "Download the Harbour Times app for full coverage"; a how-to's "Download
// the app, open it and ..." promises no news, and an attribution makes it
// a report.
func appPromo(key string) bool {
	if key == "get the app" || key == "download the app" || key == "get our app" || key == "download our app" {
		return true
	}
	if len(strings.Fields(key)) > 20 || !strings.Contains(" "+key+" ", " app ") {
		return false
	}
	verb := false
	for _, v := range appVerbs {
		verb = verb || strings.HasPrefix(key, v)
	}
	if !verb || strings.Contains(key, ", the ") || strings.Contains(key, " said") {
		return false
	}
	for _, w := range appNews {
		if strings.Contains(key, w) {
			return true
		}
	}
	return false
}

var subscribeFilter = newResFilter(200, []map[string]bool{subscribeLabels, resLetters}, append(subscribeVerbs, appVerbs...)...)

// newsletterTitle: a newsletter box's title, a short name ending in
// "Newsletter" ("DH Newsletter", "The Morning Briefing Newsletter"), in
// title case and without sentence punctuation.
func newsletterTitle(raw, key string) bool {
	if !strings.HasSuffix(key, " newsletter") && !strings.HasSuffix(key, " newsletters") {
		return false
	}
	return resTitle(raw, 5, nil)
}

func extractSubscribe(d *Document) Result {
	return resScan(d, subscribeFilter, func(i int, key string) bool {
		if subscribeLabels[key] || newsletterTitle(d.Lines[i].Text, key) || appPromo(key) {
			return true
		}
		if a, b, ok := strings.Cut(key, ". "); ok && subscribeLabels[a] && subscribeLabels[b] {
			return true // "Support our journalism. Subscribe today."
		}
		if len(strings.Fields(key)) > 24 {
			return false
		}
		verb := false
		for _, v := range subscribeVerbs {
			// a whole word: "Subscribers to the newsletter ..." is news
			if strings.HasPrefix(key, v) && (len(key) == len(v) || v[len(v)-1] == ' ' || key[len(v)] == ' ') {
				verb = true
				break
			}
		}
		if !verb {
			return false
		}
		for _, o := range subscribeObjects {
			if strings.Contains(key, o) {
				return true
			}
		}
		return false
	})
}
