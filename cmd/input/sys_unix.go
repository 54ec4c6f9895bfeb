//go:build unix

package input

import (
	"os"
	"syscall"
)

// openNonblocking opens p with O_NONBLOCK: opening a named pipe then returns
// at once instead of waiting for a writer (a pipe without one reads as
// empty), and reads still wait for data through Go's poller.
func openNonblocking(p string) (*os.File, error) {
	return os.OpenFile(p, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}

// fileKey identifies a folder across the paths that lead to it.
func fileKey(fi os.FileInfo) (key [2]uint64, ok bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return key, false
	}
	return [2]uint64{uint64(st.Dev), uint64(st.Ino)}, true
}
