package features

import "strings"

// ngramIndex finds, at every position of a token list, the entries whose
// phrase is the 1- to maxN-gram starting there. Each n-gram's hash is built
// from its tokens' FNV-1a hashes, looked up, and compared token by token,
// so a hash collision never makes a false match.
type ngramIndex struct {
	table ngramTable
	slots []ngramSlot
	toks  [][]string
	maxN  int
}

// ngramTable maps an n-gram hash to its slot: open addressing with linear
// probing over a power-of-two array, which looks up several times faster
// than a Go map on the scan's hot path.
type ngramTable struct {
	keys []uint64
	vals []int32 // slot index + 1; 0 = empty
	mask uint64
}

func newNgramTable(n int) ngramTable {
	size := 16
	for size < 2*n {
		size <<= 1
	}
	return ngramTable{keys: make([]uint64, size), vals: make([]int32, size), mask: uint64(size - 1)}
}

// get returns the slot of h, or -1.
func (t *ngramTable) get(h uint64) int {
	if t.vals == nil {
		return -1
	}
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		switch {
		case t.vals[i] == 0:
			return -1
		case t.keys[i] == h:
			return int(t.vals[i] - 1)
		}
	}
}

// put returns the slot of h, adding it as slot next when absent.
func (t *ngramTable) put(h uint64, next int) (slot int, added bool) {
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		switch {
		case t.vals[i] == 0:
			t.keys[i], t.vals[i] = h, int32(next+1)
			return next, true
		case t.keys[i] == h:
			return int(t.vals[i] - 1), false
		}
	}
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
	// every entry adds at most maxN prefixes: size the table for them all.
	n := 0
	for _, e := range entries {
		n += strings.Count(e.Phrase, " ") + 1
	}
	x.table = newNgramTable(n)
	x.toks = make([][]string, len(entries))
	slot := func(h uint64) *ngramSlot {
		i, added := x.table.put(h, len(x.slots))
		if added {
			x.slots = append(x.slots, ngramSlot{})
		}
		return &x.slots[i]
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
	if len(x.slots) == 0 {
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
			k := x.table.get(h)
			if k < 0 {
				break
			}
			s := &x.slots[k]
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
