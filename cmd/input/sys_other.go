//go:build !unix

package input

import "os"

func openNonblocking(p string) (*os.File, error) { return os.Open(p) }

func fileKey(os.FileInfo) (key [2]uint64, ok bool) { return key, false }
