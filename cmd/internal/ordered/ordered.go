// Package ordered runs work on many goroutines and hands the results back
// in the order the work came, so that output is the same for any number of
// workers.
package ordered

import (
	"sync"
	"sync/atomic"
)

// Map calls work on every item feed puts, on workers goroutines, and emit
// with the results in the order the items were put. At most window items
// are in flight (put waits), so memory stays flat whatever the input size.
// When emit fails, put returns that error (so feed can stop), no further
// result is emitted, and Map returns it; otherwise Map returns feed's error.
func Map[T, R any](workers, window int, feed func(put func(T) error) error, work func(T) R, emit func(R) error) error {
	workers = max(workers, 1)
	window = max(window, 2*workers)
	type job struct {
		seq  int
		item T
	}
	type result struct {
		seq int
		r   R
	}
	jobs := make(chan job, window) // buffered: a worker takes the next job without a rendezvous with feed
	results := make(chan result, window)
	slots := make(chan struct{}, window)
	var failed atomic.Pointer[error]

	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				results <- result{j.seq, work(j.item)}
			}
		}()
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		pending := map[int]R{}
		next := 0
		for r := range results {
			pending[r.seq] = r.r
			for {
				v, ok := pending[next]
				if !ok {
					break
				}
				delete(pending, next)
				next++
				<-slots
				if failed.Load() == nil {
					if err := emit(v); err != nil {
						failed.Store(&err)
					}
				}
			}
		}
	}()

	seq := 0
	ferr := feed(func(it T) error {
		if e := failed.Load(); e != nil {
			return *e
		}
		slots <- struct{}{}
		jobs <- job{seq, it}
		seq++
		return nil
	})
	close(jobs)
	wg.Wait()
	close(results)
	<-done
	if e := failed.Load(); e != nil {
		return *e
	}
	return ferr
}
