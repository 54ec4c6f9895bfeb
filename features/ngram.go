package features

import (
	"strings"
	"sync"
)

// ngramIndex finds, at every position of a token list, the entries whose
// phrase is the n-gram starting there. It is a trie over token
// ids: the lexicon's own vocabulary numbers its tokens, a document's tokens
// are looked up once each, and a walk from each position follows child
// links keyed by (node, token id) in one open-addressing table. Matching is
// exact (ids, not hashes of strings), and a position whose token is not in
// the vocabulary costs a single map lookup.
type ngramIndex struct {
	vocab map[string]int32 // token -> id, from 1
	root  []int32          // token id -> node of that one-token n-gram, 0 if none
	edges ngramTable       // (node, token id) -> child node
	nodes []trieNode       // node 0 is unused
	dup   []int32          // entry -> next entry with the same phrase, -1 at the end

	// pairs maps two token ids to the node of that two-token n-gram, for a
	// small vocabulary (the sentence shapes' 200 tokens): a dense table
	// small enough to stay in cache, where the edge table's probe misses it.
	// Nil for a large vocabulary.
	pairs []int32

	// byID maps a vocabulary id (see words.go) to the index's token id,
	// so that a document's words, looked up once in the vocabulary, need
	// no lookup here; nil when the vocabulary lacks some of the index's
	// words (then each looks words up in vocab).
	byID     []int32
	byIDOnce sync.Once
}

// trieNode is one n-gram that is an entry, a prefix of a longer entry, or both.
type trieNode struct {
	entry    int32 // first entry with this phrase + 1; 0 when it is only a prefix
	children bool  // some longer entry starts with this n-gram
}

// ngramTable maps an edge key to a child node: open addressing with linear
// probing over a power-of-two array, several times faster than a Go map on
// the scan's hot path.
type ngramTable struct {
	keys  []uint64
	vals  []int32 // node; 0 = empty
	mask  uint64
	shift uint // 64 - log2(len(keys))
}

func newNgramTable(n int) ngramTable {
	size, shift := 16, uint(60)
	for size < 2*n {
		size <<= 1
		shift--
	}
	return ngramTable{keys: make([]uint64, size), vals: make([]int32, size), mask: uint64(size - 1), shift: shift}
}

func edgeKey(node, tok int32) uint64 { return uint64(node)<<32 | uint64(uint32(tok)) }

// slot spreads a key over the table by Fibonacci hashing (node and token
// ids are small consecutive integers): the product's top bits depend on
// every bit of the key.
func (t *ngramTable) slot(k uint64) uint64 { return k * 0x9E3779B97F4A7C15 >> t.shift }

// get returns the node stored under k, or 0.
func (t *ngramTable) get(k uint64) int32 {
	if t.vals == nil {
		return 0
	}
	for i := t.slot(k); ; i = (i + 1) & t.mask {
		switch {
		case t.vals[i] == 0:
			return 0
		case t.keys[i] == k:
			return t.vals[i]
		}
	}
}

// put stores node under k unless k is present; it returns the node stored.
func (t *ngramTable) put(k uint64, node int32) int32 {
	for i := t.slot(k); ; i = (i + 1) & t.mask {
		switch {
		case t.vals[i] == 0:
			t.keys[i], t.vals[i] = k, node
			return node
		case t.keys[i] == k:
			return t.vals[i]
		}
	}
}

func (x *ngramIndex) build(entries []LexEntry) {
	x.nodes = []trieNode{{}}
	x.dup = make([]int32, len(entries))
	edges := 0
	for _, e := range entries {
		edges += strings.Count(e.Phrase, " ")
	}
	x.vocab = make(map[string]int32, len(entries)/2)
	x.edges = newNgramTable(edges)
	var last []int32 // node -> last entry with its phrase, to chain duplicates
	for i, e := range entries {
		x.dup[i] = -1
		var node int32
		for k, rest, more := 0, e.Phrase, true; more; k++ {
			var t string
			t, rest, more = strings.Cut(rest, " ")
			id, ok := x.vocab[t]
			if !ok {
				id = int32(len(x.vocab) + 1)
				x.vocab[t] = id
				x.root = append(x.root, 0)
			}
			if k == 0 {
				if x.root[id-1] == 0 {
					x.root[id-1] = x.newNode()
				}
				node = x.root[id-1]
			} else {
				x.nodes[node].children = true
				child := x.edges.put(edgeKey(node, id), int32(len(x.nodes)))
				if child == int32(len(x.nodes)) {
					x.newNode()
				}
				node = child
			}
		}
		if x.nodes[node].entry == 0 {
			x.nodes[node].entry = int32(i + 1)
		} else {
			x.dup[last[node]] = int32(i)
		}
		for len(last) <= int(node) {
			last = append(last, 0)
		}
		last[node] = int32(i)
	}
	if v := len(x.vocab); v <= maxPairVocab {
		x.pairs = make([]int32, v*v)
		for a := 1; a <= v; a++ {
			if n := x.root[a-1]; n != 0 && x.nodes[n].children {
				for b := 1; b <= v; b++ {
					x.pairs[(a-1)*v+b-1] = x.edges.get(edgeKey(n, int32(b)))
				}
			}
		}
	}
}

// maxPairVocab is the largest vocabulary given a dense table of pairs
// (256 tokens: 256 KB).
const maxPairVocab = 256

func (x *ngramIndex) newNode() int32 {
	x.nodes = append(x.nodes, trieNode{})
	return int32(len(x.nodes) - 1)
}

// local returns byID, building it on first use.
func (x *ngramIndex) local() []int32 {
	x.byIDOnce.Do(func() {
		m, flags := vocab()
		byID := make([]int32, len(flags))
		for w, id := range x.vocab {
			g, ok := m[w]
			if !ok {
				return
			}
			byID[g] = id
		}
		x.byID = byID
	})
	return x.byID
}

// each calls fn(i, n, entry) for every entry matching words[i:i+n], in
// order of i, then n, then entry. vocabIDs are the words' vocabulary ids,
// or nil to look the words up.
func (x *ngramIndex) each(words []string, vocabIDs []int32, fn func(i, n, entry int)) {
	if len(x.nodes) <= 1 {
		return
	}
	ids := int32Pool.get(len(words))[:len(words)]
	defer int32Pool.put(ids)
	if byID := x.local(); byID != nil && vocabIDs != nil {
		for i, g := range vocabIDs {
			ids[i] = byID[g]
		}
	} else {
		for i, w := range words {
			ids[i] = x.vocab[w]
		}
	}
	for i, id := range ids {
		if id == 0 {
			continue
		}
		node := x.root[id-1]
		for n := 1; ; n++ {
			nd := x.nodes[node]
			for e := nd.entry - 1; e >= 0; e = x.dup[e] {
				fn(i, n, int(e))
			}
			if !nd.children || i+n >= len(ids) || ids[i+n] == 0 {
				break
			}
			if n == 1 && x.pairs != nil {
				node = x.pairs[int(id-1)*len(x.vocab)+int(ids[i+1]-1)]
			} else {
				node = x.edges.get(edgeKey(node, ids[i+n]))
			}
			if node == 0 {
				break
			}
		}
	}
}
