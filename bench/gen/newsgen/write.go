package newsgen

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Stats describes a written corpus.
type Stats struct {
	Articles int   // articles written
	Words    int64 // words of the titles and texts, which the extractor reads (runs of non-space)
	Bytes    int64 // bytes written
}

// WriteJSONL writes the corpus as JSON Lines, one article a line with the
// fields id, title, text, date, url and source, as newsgraph's JSONL reader
// reads them.
func (g *Generator) WriteJSONL(ctx context.Context, w io.Writer) (Stats, error) {
	var st Stats
	cw := &countingWriter{w: w}
	bw := bufio.NewWriterSize(cw, 1<<16)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for i := range g.cfg.Articles {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return st, err
			}
		}
		a := g.Article(i)
		if err := enc.Encode(a); err != nil {
			return st, fmt.Errorf("newsgen: %w", err)
		}
		st.Articles++
		st.Words += int64(Words(a.Title) + Words(a.Text))
	}
	if err := bw.Flush(); err != nil {
		return st, fmt.Errorf("newsgen: %w", err)
	}
	st.Bytes = cw.n
	return st, nil
}

// WriteDir writes the corpus as text files, one an article, in folders of
// a thousand: dir/000/gen-000001.txt, ... Each file has the date on its
// first line and the title on its second, as newsgraph's text reader reads
// them; the id is the file name.
func (g *Generator) WriteDir(ctx context.Context, dir string) (Stats, error) {
	var st Stats
	for i := range g.cfg.Articles {
		if err := ctx.Err(); err != nil {
			return st, err
		}
		a := g.Article(i)
		sub := filepath.Join(dir, fmt.Sprintf("%03d", i/1000))
		if i%1000 == 0 {
			if err := os.MkdirAll(sub, 0o755); err != nil {
				return st, fmt.Errorf("newsgen: %w", err)
			}
		}
		body := a.Date + "\n" + a.Title + "\n\n" + a.Text + "\n"
		if err := os.WriteFile(filepath.Join(sub, a.ID+".txt"), []byte(body), 0o644); err != nil {
			return st, fmt.Errorf("newsgen: %w", err)
		}
		st.Articles++
		st.Words += int64(Words(a.Title) + Words(a.Text))
		st.Bytes += int64(len(body))
	}
	return st, nil
}

// Words counts the words of text as the benchmarks do: runs of
// non-space characters.
func Words(text string) int { return len(strings.Fields(text)) }

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

func writeFile(name string, data []byte) error { return os.WriteFile(name, data, 0o644) }
