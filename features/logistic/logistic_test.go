package logistic

import (
	"slices"
	"testing"
)

// Feature 0 marks the positive class, feature 1 the negative one, feature
// 2 is in every sample: the fit must weigh them by that.
func samples() []Sample {
	var s []Sample
	for i := 0; i < 40; i++ {
		pos := i%2 == 0
		id := int32(1)
		if pos {
			id = 0
		}
		// one in ten carries the other class's marker, so the data are
		// not separable and the weights stay finite
		if i%10 == 0 || i%10 == 3 {
			id = 1 - id
		}
		s = append(s, Sample{IDs: []int32{id, 2}, Vals: []float32{1, 1}, Y: pos})
	}
	return s
}

func TestFitWeighsMarkers(t *testing.T) {
	w, _ := Fit(samples(), 3, 1e-3, 200)
	if w[0] <= 1 || w[1] >= -1 {
		t.Errorf("weights %v: want feature 0 clearly positive and feature 1 clearly negative", w)
	}
	if w[0]-w[2] <= 0 || w[2]-w[1] <= 0 {
		t.Errorf("weights %v: the shared feature must weigh between the two markers", w)
	}
}

func TestFitPenaltyShrinks(t *testing.T) {
	weak, _ := Fit(samples(), 3, 1e-3, 200)
	strong, _ := Fit(samples(), 3, 1, 200)
	if strong[0] >= weak[0] || strong[1] <= weak[1] {
		t.Errorf("penalty 1 gave %v, penalty 0.001 gave %v: a stronger penalty must shrink the weights", strong, weak)
	}
}

func TestFitDeterministic(t *testing.T) {
	a, ai := Fit(samples(), 3, 1e-3, 200)
	b, bi := Fit(samples(), 3, 1e-3, 200)
	if !slices.Equal(a, b) || ai != bi {
		t.Errorf("two fits differ: %v %v, %v %v", a, ai, b, bi)
	}
}

func TestFitEmpty(t *testing.T) {
	w, c := Fit(nil, 4, 1e-3, 10)
	if len(w) != 4 || c != 0 || slices.ContainsFunc(w, func(x float64) bool { return x != 0 }) {
		t.Errorf("no data: got %v %v, want 4 zero weights", w, c)
	}
}
