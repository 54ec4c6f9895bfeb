package ordered

import (
	"errors"
	"math/rand"
	"testing"
	"time"
)

func TestMapKeepsOrderForAnyWorkers(t *testing.T) {
	for _, workers := range []int{1, 2, 8, 32} {
		var got []int
		err := Map(workers, 0, func(put func(int) error) error {
			for i := 0; i < 500; i++ {
				if err := put(i); err != nil {
					return err
				}
			}
			return nil
		}, func(i int) int {
			time.Sleep(time.Duration(rand.Intn(50)) * time.Microsecond) // finish out of order
			return i * i
		}, func(r int) error {
			got = append(got, r)
			return nil
		})
		if err != nil || len(got) != 500 {
			t.Fatalf("workers %d: %v, %d results", workers, err, len(got))
		}
		for i, r := range got {
			if r != i*i {
				t.Fatalf("workers %d: result %d is %d", workers, i, r)
			}
		}
	}
}

func TestMapStopsOnEmitError(t *testing.T) {
	stop := errors.New("broken pipe")
	emitted, fed := 0, 0
	err := Map(4, 8, func(put func(int) error) error {
		for i := 0; i < 10000; i++ {
			if err := put(i); err != nil {
				return err
			}
			fed++
		}
		return nil
	}, func(i int) int { return i }, func(int) error {
		emitted++
		if emitted == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || emitted != 3 || fed == 10000 {
		t.Errorf("err %v, emitted %d, fed %d: want the emit error, 3 emitted, feeding stopped early", err, emitted, fed)
	}
}
