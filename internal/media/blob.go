package media

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Blobs keeps the bytes of uploaded files under server-chosen keys. Two real
// implementations exist: Disk (the data directory, the default) and S3 (any
// S3-compatible object store).
type Blobs interface {
	// Put stores size bytes from f under key and returns only once they are
	// durable (synced to disk, or acknowledged by the object store), so a
	// database row may point to them afterwards.
	Put(ctx context.Context, key string, f *os.File, size int64, contentType string) error
	// Open returns a reader of the bytes from offset off to the end.
	Open(ctx context.Context, key string, off int64) (io.ReadCloser, error)
	// Delete removes key; a missing key is not an error.
	Delete(ctx context.Context, key string) error
}

// ErrNoBlob means a key has no bytes behind it.
var ErrNoBlob = errors.New("media: no such blob")

// newKey returns a fresh server-chosen storage name. It says nothing about
// the file, its uploader or its original name.
func newKey(suffix string) string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b) + suffix
}

// validKey accepts only keys that newKey makes, so a key can never walk
// out of the blob directory.
func validKey(key string) bool {
	if len(key) < 32 || len(key) > 64 {
		return false
	}
	for _, r := range key {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'f' || r == '.' || r >= 'g' && r <= 'z') {
			return false
		}
	}
	return !strings.Contains(key, "..")
}

// Disk keeps blobs in a directory, two levels of fan-out deep.
type Disk struct {
	Dir string
}

func (d Disk) path(key string) (string, error) {
	if !validKey(key) {
		return "", fmt.Errorf("media: invalid key %q", key)
	}
	return filepath.Join(d.Dir, key[:2], key[2:4], key), nil
}

// Put writes to a temporary file beside the target, syncs it, renames it
// into place and syncs the directory, so a crash leaves either nothing or
// the whole file.
func (d Disk) Put(ctx context.Context, key string, f *os.File, size int64, contentType string) error {
	p, err := d.path(key)
	if err != nil {
		return err
	}
	dir := filepath.Dir(p)
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return fmt.Errorf("media: blob directory: %w", err)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, ".put-*")
	if err != nil {
		return fmt.Errorf("media: blob: %w", err)
	}
	defer os.Remove(tmp.Name()) // a no-op after the rename
	n, err := io.Copy(tmp, io.LimitReader(f, size))
	if err == nil && n != size {
		err = fmt.Errorf("media: blob: wrote %d of %d bytes", n, size)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("media: blob: %w", err)
	}
	if err := os.Rename(tmp.Name(), p); err != nil {
		return fmt.Errorf("media: blob: %w", err)
	}
	return syncDir(dir)
}

func syncDir(dir string) error {
	df, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer df.Close()
	return df.Sync()
}

// Open opens the blob at offset off.
func (d Disk) Open(ctx context.Context, key string, off int64) (io.ReadCloser, error) {
	p, err := d.path(key)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(p)
	if errors.Is(err, os.ErrNotExist) {
		return nil, ErrNoBlob
	}
	if err != nil {
		return nil, err
	}
	if off > 0 {
		if _, err := f.Seek(off, io.SeekStart); err != nil {
			f.Close()
			return nil, err
		}
	}
	return f, nil
}

// Delete removes the blob.
func (d Disk) Delete(ctx context.Context, key string) error {
	p, err := d.path(key)
	if err != nil {
		return err
	}
	if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return nil
}

// blobReader is an io.ReadSeeker over a blob of known size that opens the
// blob at the wanted offset only when read, so http.ServeContent can answer
// range requests from either store without reading what it skips.
type blobReader struct {
	ctx  context.Context
	b    Blobs
	key  string
	size int64
	off  int64
	rc   io.ReadCloser
}

func (r *blobReader) Read(p []byte) (int, error) {
	if r.off >= r.size {
		return 0, io.EOF
	}
	if r.rc == nil {
		rc, err := r.b.Open(r.ctx, r.key, r.off)
		if err != nil {
			return 0, err
		}
		r.rc = rc
	}
	n, err := r.rc.Read(p)
	r.off += int64(n)
	return n, err
}

func (r *blobReader) Seek(offset int64, whence int) (int64, error) {
	var abs int64
	switch whence {
	case io.SeekStart:
		abs = offset
	case io.SeekCurrent:
		abs = r.off + offset
	case io.SeekEnd:
		abs = r.size + offset
	}
	if abs < 0 {
		return 0, errors.New("media: negative seek")
	}
	if abs != r.off && r.rc != nil {
		r.rc.Close()
		r.rc = nil
	}
	r.off = abs
	return abs, nil
}

func (r *blobReader) Close() error {
	if r.rc != nil {
		return r.rc.Close()
	}
	return nil
}
