package features

import "strings"

// ngramIndex finds, at every position of a token list, the entries whose
// phrase is the 1- to maxN-gram starting there. Each n-gram's hash is built
// from its tokens' FNV-1a hashes, looked up, and compared token by token,
// so a hash collision never makes a false match.
type ngramIndex struct {
	byHash map[uint64]*ngramSlot
	toks   [][]string
	maxN   int
}

// ngramSlot holds the entries of one n-gram hash, and whether some longer
// entry starts with that n-gram (if none does, the scan stops extending).
type ngramSlot struct {
	entries []int32
	prefix  bool
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// tokenHash is FNV-1a of one token.
func tokenHash(tok string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(tok); i++ {
		h ^= uint64(tok[i])
		h *= fnvPrime
	}
	return h
}

// extend hashes one more token onto an n-gram's hash. Each token is hashed
// once per document; an n-gram's hash is built from its tokens' hashes.
func extend(h, tok uint64) uint64 {
	h ^= tok
	h *= fnvPrime
	return h ^ h>>29
}

func (x *ngramIndex) build(entries []LexEntry) {
	x.byHash = make(map[uint64]*ngramSlot, len(entries))
	x.toks = make([][]string, len(entries))
	slot := func(h uint64) *ngramSlot {
		s := x.byHash[h]
		if s == nil {
			s = &ngramSlot{}
			x.byHash[h] = s
		}
		return s
	}
	for i, e := range entries {
		toks := strings.Split(e.Phrase, " ")
		x.toks[i] = toks
		x.maxN = max(x.maxN, len(toks))
		h := uint64(fnvOffset)
		for k, t := range toks {
			h = extend(h, tokenHash(t))
			if k < len(toks)-1 {
				slot(h).prefix = true
			}
		}
		s := slot(h)
		s.entries = append(s.entries, int32(i))
	}
}

// each calls fn(i, n, entry) for every entry matching words[i:i+n].
func (x *ngramIndex) each(words []string, fn func(i, n, entry int)) {
	if len(x.byHash) == 0 {
		return
	}
	th := make([]uint64, len(words))
	for i, w := range words {
		th[i] = tokenHash(w)
	}
	for i := range words {
		h := uint64(fnvOffset)
		for n := 1; n <= x.maxN && i+n <= len(words); n++ {
			h = extend(h, th[i+n-1])
			s := x.byHash[h]
			if s == nil {
				break
			}
			for _, e := range s.entries {
				if equalTokens(x.toks[e], words[i:i+n]) {
					fn(i, n, int(e))
				}
			}
			if !s.prefix {
				break
			}
		}
	}
}

func equalTokens(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
