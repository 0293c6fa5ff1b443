package source

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	textunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/newsgraph/newsgraph/news"
)

// MaxLineBytes is the longest JSON Lines line read; longer lines give a
// *Warning and are skipped.
const MaxLineBytes = 64 << 20

// ctxEvery is how many JSON Lines are read between checks of ctx.
const ctxEvery = 256

var errLineTooLong = fmt.Errorf("line longer than %d MiB, skipped", MaxLineBytes>>20)

// Field names accepted in a JSON object, in order of preference.
var (
	titleKeys = []string{"title", "headline"}
	textKeys  = []string{"text", "body", "content"}
	dateKeys  = []string{"date", "published", "published_at", "publishedat", "pubdate", "datepublished"}
	urlKeys   = []string{"url", "link"}
)

// parseJSONL streams JSON Lines from r.
func parseJSONL(ctx context.Context, in input, r io.Reader, s *sink) error {
	br := newLineReader(r)
	head, err := br.Peek(sniffLen)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return fmt.Errorf("source: read %s: %w", in.path, err)
	}
	switch {
	case bytes.HasPrefix(head, utf16LEBOM) || bytes.HasPrefix(head, utf16BEBOM):
		dec := textunicode.UTF16(textunicode.LittleEndian, textunicode.ExpectBOM).NewDecoder()
		br = newLineReader(transform.NewReader(br, dec))
		if head, err = br.Peek(sniffLen); err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
			s.warn(in.path, 0, ErrBinary)
			return nil
		}
	case bytes.HasPrefix(head, utf8BOM):
		br.Discard(len(utf8BOM))
		head = head[len(utf8BOM):]
	}
	if looksBinary(head) {
		s.warn(in.path, 0, ErrBinary)
		return nil
	}
	batches, stop := readJSONLines(ctx, in, br)
	defer stop()
	n, articles := 0, 0
	for b := range batches {
		for _, l := range b.lines {
			if l.err != nil {
				s.warn(in.path, l.n, l.err)
				continue
			}
			a := l.article
			if a.ID == "" {
				a.ID = in.stem + "#" + strconv.Itoa(l.n)
			}
			if a.Source == "" {
				a.Source = in.path
			}
			articles++
			if ferr := s.emit(a, in.path, l.n); ferr != nil {
				return ferr
			}
		}
		n = b.linesRead
		if b.err != nil {
			return b.err
		}
	}
	if n == 0 || (articles == 0 && onlySpace(head)) {
		s.warn(in.path, 0, ErrEmpty)
	}
	return nil
}

// jsonLine is one line of JSON Lines, decoded: an article, or what was
// wrong with the line.
type jsonLine struct {
	n       int // line number
	text    []byte
	article news.Article
	err     error
}

// jsonBatch is lines read one after another. linesRead is the number of
// lines read in all when the batch ended (blank lines count, and are not
// in the batch), and err, if not nil, ends the input after the batch.
type jsonBatch struct {
	lines     []jsonLine
	linesRead int
	err       error
}

// Batches end at jsonBatchLines lines or jsonBatchBytes bytes.
const (
	jsonBatchLines = 64
	jsonBatchBytes = 1 << 20
)

// readJSONLines reads br's lines in batches on a goroutine of its own and
// decodes each batch's lines on as many goroutines as there are CPUs,
// while the caller handles the batch before: in a build where nothing
// changed, reading is all there is to do. Batches come in input order.
// The caller must call stop when it is done with them; the goroutine then
// ends at its next batch.
func readJSONLines(ctx context.Context, in input, br *bufio.Reader) (batches <-chan *jsonBatch, stop func()) {
	out := make(chan *jsonBatch, 1)
	done := make(chan struct{})
	go func() {
		defer close(out)
		n := 0
		for end := false; !end; {
			b := &jsonBatch{}
			size := 0
			for len(b.lines) < jsonBatchLines && size < jsonBatchBytes {
				line, err := readLine(br, MaxLineBytes)
				if len(line) > 0 || err == nil || errors.Is(err, errLineTooLong) {
					n++
				}
				if errors.Is(err, errLineTooLong) {
					b.lines = append(b.lines, jsonLine{n: n, err: err})
					continue
				}
				if err != nil && !errors.Is(err, io.EOF) {
					b.err, end = fmt.Errorf("source: read %s: %w", in.path, err), true
					break
				}
				if n%ctxEvery == 0 {
					if cerr := ctx.Err(); cerr != nil {
						b.err, end = cerr, true
						break
					}
				}
				if len(bytes.TrimSpace(line)) > 0 {
					b.lines = append(b.lines, jsonLine{n: n, text: line})
					size += len(line)
				}
				if err != nil { // io.EOF
					end = true
					break
				}
			}
			b.linesRead = n
			decodeLines(b.lines)
			select {
			case out <- b:
			case <-done:
				return
			}
		}
	}()
	var once sync.Once
	return out, func() { once.Do(func() { close(done) }) }
}

// decodeLines decodes the lines, a share on each CPU.
func decodeLines(lines []jsonLine) {
	decode := func(lines []jsonLine) {
		for i := range lines {
			if lines[i].err == nil {
				lines[i].article, lines[i].err = jsonArticle(lines[i].text)
				lines[i].text = nil
			}
		}
	}
	workers := min(runtime.GOMAXPROCS(0), len(lines))
	if workers <= 1 {
		decode(lines)
		return
	}
	var wg sync.WaitGroup
	share := (len(lines) + workers - 1) / workers
	for lo := share; lo < len(lines); lo += share {
		part := lines[lo:min(lo+share, len(lines))]
		wg.Go(func() { decode(part) })
	}
	decode(lines[:share])
	wg.Wait()
}

func onlySpace(b []byte) bool { return len(bytes.TrimSpace(b)) == 0 }

// readLine returns the next line without its line end. At the end of the
// input it returns the last line (maybe empty) with io.EOF. A line over
// limit bytes is consumed and reported as errLineTooLong.
func readLine(br *bufio.Reader, limit int) ([]byte, error) {
	var line []byte
	tooLong := false
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if len(bytes.TrimRight(chunk, "\r\n"))+len(line) > limit {
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if tooLong {
			if err != nil && !errors.Is(err, io.EOF) {
				return nil, err
			}
			return nil, errLineTooLong
		}
		line = bytes.TrimSuffix(line, []byte("\n"))
		line = bytes.TrimSuffix(line, []byte("\r"))
		return line, err
	}
}

// jsonArticle decodes one JSON Lines line. ID is left empty when the
// object has none.
func jsonArticle(line []byte) (news.Article, error) {
	obj, ok := flatObject(line)
	if !ok {
		var err error
		if obj, err = decodeObject(line); err != nil {
			return news.Article{}, err
		}
	}
	fields := make(map[string]any, len(obj))
	for k, val := range obj {
		k = strings.ToLower(k)
		if _, dup := fields[k]; !dup || val != nil {
			fields[k] = val
		}
	}
	get := func(keys ...string) string {
		for _, k := range keys {
			if s := scalar(fields[k]); strings.TrimSpace(s) != "" {
				return s
			}
		}
		return ""
	}
	var a news.Article
	a.Text = normalizeString(get(textKeys...))
	if a.Text == "" {
		return news.Article{}, errors.New("no text (want a non-empty \"text\", \"body\" or \"content\")")
	}
	a.ID = singleLine(get("id"))
	a.Title = singleLine(get(titleKeys...))
	a.Date = parseDateValue(singleLine(get(dateKeys...)))
	a.URL = singleLine(get(urlKeys...))
	a.Source = singleLine(get("source"))
	a.Text = withTitle(a.Title, a.Text)
	return a, nil
}

// decodeObject decodes line as one JSON object with encoding/json,
// numbers as json.Number.
func decodeObject(line []byte) (map[string]any, error) {
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("invalid JSON: %w", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, errors.New("invalid JSON: data after the object")
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, errors.New("not a JSON object")
	}
	return obj, nil
}

// scalar returns a JSON string or number as a string, and "" for anything
// else.
func scalar(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case json.Number:
		return v.String()
	}
	return ""
}

// withTitle puts title before text as its own paragraph, unless text
// already starts with it.
func withTitle(title, text string) string {
	if title == "" || startsWithFold(text, title) {
		return text
	}
	return title + "\n\n" + text
}

// startsWithFold reports whether the first line of text is title, or
// starts with it followed by a non-word character, ignoring case and white
// space differences.
func startsWithFold(text, title string) bool {
	line, _, _ := strings.Cut(text, "\n")
	// Only the start of the line matters, with its spaces collapsed: a
	// prefix of the line collapses to a prefix of the collapsed line, so
	// one some bytes longer than the title will do, unless its spaces
	// collapse much. (The first line is often the whole first paragraph.)
	var first string
	for n := 2*len(title) + 16; ; n *= 2 {
		prefix := line[:min(n, len(line))]
		first = strings.Join(strings.Fields(prefix), " ")
		if len(prefix) == len(line) || len(first) > len(title)+2*utf8.UTFMax {
			break
		}
	}
	if len(first) < len(title) || !strings.EqualFold(first[:len(title)], title) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(first[len(title):])
	return len(first) == len(title) || !(unicode.IsLetter(r) || unicode.IsDigit(r))
}
