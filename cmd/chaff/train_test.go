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

func TestFieldValues(t *testing.T) {
	docs := []labelled{{ID: "a", Fields: map[string]any{"source": "l2r"}}, {ID: "b", Fields: map[string]any{"source": 7.0}}}
	got, err := fieldValues(docs, "source")
	if err != nil || len(got) != 2 || got[0] != "l2r" || got[1] != "7" {
		t.Errorf("fieldValues = %q, %v", got, err)
	}
	if got, err := fieldValues(docs, ""); err != nil || got[0] != "" || got[1] != "" {
		t.Errorf("no field: %q, %v", got, err)
	}
	docs = append(docs, labelled{ID: "c", Fields: map[string]any{}})
	if _, err := fieldValues(docs, "source"); err == nil || !strings.Contains(err.Error(), `document c has no field "source"`) {
		t.Errorf("missing field: error %v", err)
	}
}
