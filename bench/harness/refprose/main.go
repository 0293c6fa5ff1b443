// Command refprose is the extraction reference of newsgraph's benchmark
// harness: prose v2's whole pipeline (prose.NewDocument with its default
// options: tokenise, segment, tag, named entities) over the articles of a
// JSON Lines corpus, with the model loaded once. It is a program of its
// own so that only it imports prose v2.
//
//	go run ./bench/harness/refprose corpus.jsonl
//
// Each article is processed as newsgraph's reader hands it to the extractor:
// the title, a blank line, the text. It prints one JSON object: articles,
// words (runs of non-space), tokens, entities, load_seconds (the model),
// seconds and cpu_seconds (the documents, load excluded).
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"syscall"
	"time"

	"github.com/jdkato/prose/v2"
)

type result struct {
	Articles    int     `json:"articles"`
	Words       int     `json:"words"`
	Tokens      int     `json:"tokens"`
	Entities    int     `json:"entities"`
	LoadSeconds float64 `json:"load_seconds"`
	Seconds     float64 `json:"seconds"`
	CPUSeconds  float64 `json:"cpu_seconds"`
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: refprose CORPUS.jsonl")
		os.Exit(2)
	}
	if err := run(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "refprose:", err)
		os.Exit(1)
	}
}

func run(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var res result
	start := time.Now()
	// NewDocument loads the default model unless given one: load it once,
	// through a first empty document, and reuse it.
	first, err := prose.NewDocument("")
	if err != nil {
		return err
	}
	model := first.Model
	res.LoadSeconds = time.Since(start).Seconds()
	wall, cpu := time.Now(), cpuTime()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var a struct{ Title, Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return fmt.Errorf("%s:%d: %w", path, res.Articles+1, err)
		}
		text := a.Text
		if a.Title != "" && !strings.HasPrefix(text, a.Title) {
			text = a.Title + "\n\n" + text
		}
		doc, err := prose.NewDocument(text, prose.UsingModel(model))
		if err != nil {
			return err
		}
		res.Articles++
		res.Words += len(strings.Fields(text))
		res.Tokens += len(doc.Tokens())
		res.Entities += len(doc.Entities())
		_ = doc.Sentences()
	}
	if err := sc.Err(); err != nil {
		return err
	}
	res.Seconds = time.Since(wall).Seconds()
	res.CPUSeconds = (cpuTime() - cpu).Seconds()
	return json.NewEncoder(os.Stdout).Encode(res)
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
