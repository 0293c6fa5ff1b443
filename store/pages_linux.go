package store

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"
)

// releaseTablePages asks the kernel to reclaim the resident pages of the
// table files (.sst) and value-log files (.vlog) under dir that this
// process has mapped, and reports whether it could try. The value log is
// written and read through a mapping too: without this its pages held
// about 130 MB of a 315 MB peak in bench/storeload --articles 20000.
//
// Badger maps every table file into memory for as long as the table lives,
// writes new tables through that mapping and reads them through it in
// compaction, and never unmaps pages it is done with. Those pages count in
// the process's resident set: during a build it grew with the store, about
// one byte per byte of tables (measured on 10 000 generated articles: 10 MB
// of resident table pages at the start, 81 MB at the end, of 335 MB peak),
// so a build of a large corpus would hold the whole store in its RSS.
//
// MADV_PAGEOUT (Linux 5.4) reclaims the pages as memory pressure would:
// clean file pages (badger msyncs a table once written) are dropped and
// read back from the file when touched again. It never discards data, so
// an address range that was unmapped and reused after /proc/self/maps was
// read is merely paged out, not damaged (unlike MADV_DONTNEED, which zeroes
// private memory). Older kernels reject the advice; nothing changes then.
func releaseTablePages(dir string) bool {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return false
	}
	maps, err := os.ReadFile("/proc/self/maps")
	if err != nil {
		return false
	}
	prefix := abs + string(filepath.Separator)
	sc := bufio.NewScanner(bytes.NewReader(maps))
	for sc.Scan() {
		// address perms offset dev inode path
		fields := strings.Fields(sc.Text())
		if len(fields) < 6 {
			continue
		}
		path := fields[5]
		if !strings.HasPrefix(path, prefix) || !strings.HasSuffix(path, ".sst") && !strings.HasSuffix(path, ".vlog") {
			continue
		}
		from, to, ok := strings.Cut(fields[0], "-")
		if !ok {
			continue
		}
		start, err1 := strconv.ParseUint(from, 16, 64)
		end, err2 := strconv.ParseUint(to, 16, 64)
		if err1 != nil || err2 != nil || end <= start {
			continue
		}
		if err := madvisePageout(uintptr(start), uintptr(end-start)); err == unix.EINVAL {
			return false // no MADV_PAGEOUT on this kernel
		}
	}
	return true
}

// madvisePageout applies MADV_PAGEOUT to a range given by address: the
// mapping belongs to badger, so there is no slice to pass to unix.Madvise.
func madvisePageout(addr, length uintptr) error {
	_, _, errno := unix.Syscall(unix.SYS_MADVISE, addr, length, unix.MADV_PAGEOUT)
	if errno != 0 {
		return errno
	}
	return nil
}
