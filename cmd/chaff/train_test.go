package main

import (
	"slices"
	"strings"
	"testing"
)

func TestBalanceWeights(t *testing.T) {
	doc := func(id, source string) labelled {
		return labelled{ID: id, Fields: map[string]any{"source": source}}
	}
	docs := []labelled{doc("a", "big"), doc("b", "big"), doc("c", "big"), doc("d", "big"), doc("e", "big"), doc("f", "small"), doc("g", "small")}
	for _, tc := range []struct {
		field   string
		want    []int
		wantErr string
	}{
		{"", []int{1, 1, 1, 1, 1, 1, 1}, ""},
		// 5 against 2: each small document counts round(5/2) = 3 times
		{"source", []int{1, 1, 1, 1, 1, 3, 3}, ""},
		{"domain", nil, `document a has no field "domain"`},
	} {
		got, err := balanceWeights(docs, tc.field)
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("--balance %q: error %v, want %q", tc.field, err, tc.wantErr)
			}
			continue
		}
		if err != nil || !slices.Equal(got, tc.want) {
			t.Errorf("--balance %q: %v %v, want %v", tc.field, got, err, tc.want)
		}
	}
}
