package config

import "strings"

// suggest returns the candidate closest to s by edit distance, when it is
// close enough to be a likely typo, or else the one candidate ending in
// "."+s (a rule ID written without its category), or else the one
// candidate starting with s ("warn"); "" otherwise.
func suggest(s string, candidates []string) string {
	best, bestD := "", -1
	for _, c := range candidates {
		d := distance(strings.ToLower(s), strings.ToLower(c))
		if bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	if bestD >= 0 && bestD <= max(2, len([]rune(s))/4) && bestD < len([]rune(s)) {
		return best
	}
	var tail, head []string
	for _, c := range candidates {
		if strings.HasSuffix(c, "."+s) {
			tail = append(tail, c)
		}
		if len(s) >= 2 && strings.HasPrefix(strings.ToLower(c), strings.ToLower(s)) {
			head = append(head, c)
		}
	}
	switch {
	case len(tail) == 1:
		return tail[0]
	case len(head) == 1:
		return head[0]
	}
	return ""
}

// withSuggestion appends "(did you mean X?)" to msg when one is close.
func withSuggestion(msg, s string, candidates []string) string {
	if c := suggest(s, candidates); c != "" {
		return msg + " (did you mean " + c + "?)"
	}
	return msg
}

// distance is the Levenshtein distance between a and b, in runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
