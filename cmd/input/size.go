package input

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Size is the total size in bytes of the files Walk would read under paths
// with o (as stored: compressed files count compressed), for an estimate
// of the time left. ok is false when it cannot be known up front: standard
// input, a named pipe. It follows no symbolic links to folders, so it can
// fall short of what Walk reads.
func Size(paths []string, o Options) (total int64, ok bool) {
	if len(o.Include) == 0 {
		o.Include = DefaultInclude
	}
	w := walker{o: o}
	for _, p := range paths {
		if p == "-" {
			return 0, false
		}
		fi, err := os.Stat(p)
		switch {
		case err != nil:
			// Walk reports it; it reads nothing
		case fi.Mode().IsRegular():
			total += fi.Size()
		case fi.IsDir():
			filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
				if err != nil {
					return nil
				}
				if q != p && strings.HasPrefix(d.Name(), ".") || d.IsDir() && q != p && w.excluded(q) {
					if d.IsDir() {
						return filepath.SkipDir
					}
					return nil
				}
				if d.IsDir() || !w.included(q) || w.excluded(q) {
					return nil
				}
				if fi, err := os.Stat(q); err == nil && fi.Mode().IsRegular() {
					total += fi.Size()
				}
				return nil
			})
		default:
			return 0, false
		}
	}
	return total, true
}
