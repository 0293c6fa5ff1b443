package store

import (
	"sync"
	"time"
)

// keepReleasingTablePages releases the resident pages of the table files
// under dir (releaseTablePages) every interval, on a goroutine, until stop
// is called; it stops by itself where the release is not available.
func keepReleasingTablePages(dir string, every time.Duration) (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				if !releaseTablePages(dir) {
					return
				}
			}
		}
	}()
	var once sync.Once
	return func() { once.Do(func() { close(done); wg.Wait() }) }
}
