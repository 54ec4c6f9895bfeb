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

// subscribeObjects are what a sign-up box offers: the site's newsletter,
// its emails, the reader's inbox. Emails alone are anyone's ("Get rid of
// spam emails"); the box offers its own.
var subscribeObjects = []string{"newsletter", "your inbox", "our mailing list", "your email", "our e-mails", "our emails", "email updates", "subscription", "news updates", "news alerts"}

// subscribeStay: how a box's "Stay ..." goes on ("Stay up to date with
// our newsletter"); "Stay away from emails ..." is advice.
var subscribeStay = []string{"stay up to date", "stay up-to-date", "stay informed", "stay in the know", "stay updated", "stay connected", "stay in touch", "stay on top", "stay ahead", "stay tuned", "stay in the loop", "stay current"}

// subscribeEnter: how a sign-up form's "Enter your email (address)" goes
// on, when it goes on: "below", "to subscribe ...", "and we will send you
// ...". "Enter your email address and a password" is a guide's advice.
var subscribeEnter = []string{"below", "here", "to ", "for ", "and we", "and get", "and receive", "and click", "and press", "and hit", "in the "}

// subscribeHas: key names the object o as a box does: not as a possessive
// ("the newsletter's editor wrote" names a person, not a sign-up).
func subscribeHas(key, o string) bool {
	for k := 0; k < len(key); {
		j := strings.Index(key[k:], o)
		if j < 0 {
			return false
		}
		end := k + j + len(o)
		if rest := key[end:]; !strings.HasPrefix(rest, "'s") && !strings.HasPrefix(rest, "s'") {
			return true
		}
		k = end
	}
	return false
}

// subscribeEnterForm: an "Enter your email ..." line reads as a sign-up
// form's label or instruction.
func subscribeEnterForm(key string) bool {
	rest, ok := strings.CutPrefix(key, "enter your email")
	if !ok {
		if rest, ok = strings.CutPrefix(key, "enter your e-mail"); !ok {
			return true // "Enter ..." otherwise: the object decides
		}
	}
	rest = strings.TrimLeft(strings.TrimPrefix(rest, " address"), " :,")
	if rest == "" {
		return true
	}
	for _, e := range subscribeEnter {
		if strings.HasPrefix(rest, e) {
			return true
		}
	}
	return false
}

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
		if !verb || resReported(key) || !subscribeEnterForm(key) {
			return false // a reported sentence is news about a box, not the box
		}
		if strings.HasPrefix(key, "stay ") {
			stay := false
			for _, p := range subscribeStay {
				stay = stay || strings.HasPrefix(key, p)
			}
			if !stay {
				return false
			}
		}
		for _, o := range subscribeObjects {
			if subscribeHas(key, o) {
				return true
			}
		}
		return false
	})
}
