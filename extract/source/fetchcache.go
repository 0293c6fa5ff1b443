package source

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// CacheEntry is what a FetchCache keeps for one URL: the validators of the
// last full response and its body, which is used again when the server
// answers 304 Not Modified.
type CacheEntry struct {
	ETag         string // the ETag header, sent back as If-None-Match
	LastModified string // the Last-Modified header, sent back as If-Modified-Since
	Body         []byte // the response body
}

// FetchCache keeps a CacheEntry per URL for conditional requests. Get
// reports false (and no error) when it holds nothing usable for url; an
// error from either method is reported by the Fetcher as a *Warning and the
// fetch goes on without the cache. Implementations must be safe for
// concurrent use.
type FetchCache interface {
	Get(url string) (CacheEntry, bool, error)
	Put(url string, e CacheEntry) error
}

// FileCache is a FetchCache kept in a folder. Each URL has two files named
// by the first 32 hex digits of the SHA-256 of the URL: KEY.json, one JSON
// object with the URL, the validators and the SHA-256 and size of the body,
// and KEY.body, the body as received. Both are written atomically (a
// temporary file in the folder, written, synced, closed and renamed over
// the old one, then the folder is synced), the body first. Get checks the
// URL and the body's checksum, so a torn pair (two processes writing the
// same URL at once, a crash between the two renames) reads as a miss and
// the next fetch is unconditional; a folder shared by processes is safe.
// Entries are never removed: delete the folder to empty the cache.
type FileCache struct {
	dir string
	mu  sync.Mutex // serialises Put within the process
}

var _ FetchCache = (*FileCache)(nil)

// fileCacheEntry is the JSON form of a FileCache entry.
type fileCacheEntry struct {
	URL          string `json:"url"`
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
	BodySHA256   string `json:"body_sha256"`
	BodyBytes    int    `json:"body_bytes"`
	Stored       string `json:"stored"` // RFC 3339 time of the Put, for people reading the folder
}

// NewFileCache returns a FileCache in dir, creating the folder (and its
// parents) when it does not exist.
func NewFileCache(dir string) (*FileCache, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("source: fetch cache: %w", err)
	}
	return &FileCache{dir: dir}, nil
}

// Dir returns the cache folder.
func (c *FileCache) Dir() string { return c.dir }

func cacheKey(url string) string {
	sum := sha256.Sum256([]byte(url))
	return hex.EncodeToString(sum[:16])
}

// Get returns the entry stored for url. A missing, torn or mismatched pair
// of files is a miss; an unreadable or corrupt metadata file is an error.
func (c *FileCache) Get(url string) (CacheEntry, bool, error) {
	key := cacheKey(url)
	metaPath := filepath.Join(c.dir, key+".json")
	data, err := os.ReadFile(metaPath)
	if errors.Is(err, fs.ErrNotExist) {
		return CacheEntry{}, false, nil
	}
	if err != nil {
		return CacheEntry{}, false, err
	}
	var m fileCacheEntry
	if err := json.Unmarshal(data, &m); err != nil {
		return CacheEntry{}, false, fmt.Errorf("%s: %w", metaPath, err)
	}
	if m.URL != url {
		return CacheEntry{}, false, nil
	}
	body, err := os.ReadFile(filepath.Join(c.dir, key+".body"))
	if errors.Is(err, fs.ErrNotExist) {
		return CacheEntry{}, false, nil
	}
	if err != nil {
		return CacheEntry{}, false, err
	}
	sum := sha256.Sum256(body)
	if hex.EncodeToString(sum[:]) != m.BodySHA256 {
		return CacheEntry{}, false, nil
	}
	return CacheEntry{ETag: m.ETag, LastModified: m.LastModified, Body: body}, true, nil
}

// Put stores e for url, replacing any earlier entry.
func (c *FileCache) Put(url string, e CacheEntry) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	key := cacheKey(url)
	sum := sha256.Sum256(e.Body)
	m := fileCacheEntry{
		URL:          url,
		ETag:         e.ETag,
		LastModified: e.LastModified,
		BodySHA256:   hex.EncodeToString(sum[:]),
		BodyBytes:    len(e.Body),
		Stored:       time.Now().UTC().Format(time.RFC3339),
	}
	var meta bytes.Buffer
	enc := json.NewEncoder(&meta)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(m); err != nil {
		return err
	}
	if err := writeFileAtomic(c.dir, key+".body", e.Body); err != nil {
		return err
	}
	return writeFileAtomic(c.dir, key+".json", meta.Bytes())
}

// writeFileAtomic replaces dir/name with data: a temporary file in dir is
// written, synced, closed and renamed over name, then dir is synced, so
// readers see the old content or the new, never a part.
func writeFileAtomic(dir, name string, data []byte) (err error) {
	tmp, err := os.CreateTemp(dir, "."+name+".tmp*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), filepath.Join(dir, name)); err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// syncDir makes a rename in dir durable where the system allows it; the
// error is ignored because some systems (Windows) cannot sync a folder.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = d.Sync()
	_ = d.Close()
}
