// Package logistic fits an L2-regularised logistic regression on sparse
// vectors: the discriminative lexicon's fit and the plain n-gram baseline
// that `chaff eval --baseline` measures the model against.
package logistic

import (
	"math"
	"slices"

	"gonum.org/v1/gonum/optimize"
)

// Sample is one document: the ids of its non-zero features, ascending, their
// values, and its label.
type Sample struct {
	IDs  []int32
	Vals []float32
	Y    bool
}

// Fit minimises the mean logistic loss of data plus lambda/2 |w|^2 (the
// intercept unpenalised) with gonum's L-BFGS, and returns the dim weights
// and the intercept. Deterministic: one goroutine, samples in order.
func Fit(data []Sample, dim int, lambda float64, iterations int) (w []float64, intercept float64) {
	if len(data) == 0 || dim == 0 {
		return make([]float64, dim), 0
	}
	n := float64(len(data))
	// gonum asks for the value and the gradient at the same point in two
	// calls; one pass over the data computes both.
	var lastX, lastG []float64
	lastF := math.NaN()
	eval := func(x []float64) {
		if lastX != nil && slices.Equal(x, lastX) {
			return
		}
		lastX = append(lastX[:0], x...)
		if lastG == nil {
			lastG = make([]float64, dim+1)
		}
		g := lastG
		clear(g)
		f := 0.0
		for _, d := range data {
			z := x[dim]
			for j, id := range d.IDs {
				z += x[id] * float64(d.Vals[j])
			}
			y := 0.0
			if d.Y {
				y = 1
			}
			// log(1+e^z) - y z, and p - y, without overflow
			var p float64
			if z >= 0 {
				e := math.Exp(-z)
				p = 1 / (1 + e)
				f += (1-y)*z + math.Log1p(e)
			} else {
				e := math.Exp(z)
				p = e / (1 + e)
				f += -y*z + math.Log1p(e)
			}
			r := (p - y) / n
			for j, id := range d.IDs {
				g[id] += r * float64(d.Vals[j])
			}
			g[dim] += r
		}
		f /= n
		for i := 0; i < dim; i++ {
			f += 0.5 * lambda * x[i] * x[i]
			g[i] += lambda * x[i]
		}
		lastF = f
	}
	p := optimize.Problem{
		Func: func(x []float64) float64 { eval(x); return lastF },
		Grad: func(grad, x []float64) { eval(x); copy(grad, lastG) },
	}
	settings := &optimize.Settings{
		MajorIterations:   iterations,
		GradientThreshold: 1e-6,
		Converger:         &optimize.FunctionConverge{Relative: 1e-10, Iterations: 20},
	}
	res, err := optimize.Minimize(p, make([]float64, dim+1), settings, &optimize.LBFGS{})
	if err != nil && res == nil {
		return make([]float64, dim), 0
	}
	return res.X[:dim], res.X[dim]
}
