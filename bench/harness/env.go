package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// environment is what the report says about where and when it ran.
type environment struct {
	date      time.Time
	nproc     int
	cpu       string
	memory    string
	load      string
	goVersion string
	commit    string
	python    string
}

func machine(ctx context.Context, cfg *config) environment {
	e := environment{date: time.Now(), nproc: runtime.NumCPU(), cpu: "unknown", memory: "unknown", load: "unknown"}
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				e.cpu = strings.TrimSpace(v)
				break
			}
		}
	}
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			var kb int64
			if _, err := fmt.Sscanf(line, "MemTotal: %d kB", &kb); err == nil {
				e.memory = fmt.Sprintf("%.1f GB", float64(kb)/1e6*1.024)
				break
			}
		}
	}
	if b, err := os.ReadFile("/proc/loadavg"); err == nil {
		e.load = strings.Join(strings.Fields(string(b))[:3], " ")
	}
	if out, err := output(ctx, cfg.src, "go", "version"); err == nil {
		e.goVersion = strings.TrimSpace(out)
	}
	if out, err := output(ctx, cfg.src, "git", "rev-parse", "--short", "HEAD"); err == nil {
		e.commit = strings.TrimSpace(out)
		if st, err := output(ctx, cfg.src, "git", "status", "--porcelain", "--untracked-files=no"); err == nil && strings.TrimSpace(st) != "" {
			e.commit += " with uncommitted changes"
		}
	} else if filepath.Clean(cfg.src) != filepath.Clean(cfg.repo) {
		e.commit = "not a git checkout"
	}
	if out, err := output(ctx, "", cfg.python, "-c", "import sys, igraph, networkx; print(sys.version.split()[0], igraph.__version__, networkx.__version__)"); err == nil {
		f := strings.Fields(out)
		if len(f) == 3 {
			e.python = fmt.Sprintf("Python %s, python-igraph %s, networkx %s", f[0], f[1], f[2])
		}
	}
	return e
}

// load1 returns the 1-minute load average, or -1.
func load1() float64 {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return -1
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return -1
	}
	x, err := strconv.ParseFloat(f[0], 64)
	if err != nil {
		return -1
	}
	return x
}

// loadNow returns the 1-minute load average for the log.
func loadNow() string { return fmt.Sprintf("%.2f", load1()) }
