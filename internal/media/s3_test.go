package media

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"testing"
	"time"

	"github.com/tacit-org/tacit/internal/media/mediatest"
	"github.com/tacit-org/tacit/internal/store"
)

// startSeaweedFS starts SeaweedFS and returns a client of a fresh bucket.
func startSeaweedFS(t *testing.T) *S3 {
	t.Helper()
	srv := mediatest.SeaweedFS(t)
	client, err := NewS3(srv.Endpoint, srv.Bucket, srv.Region, srv.AccessKey, srv.SecretKey)
	if err != nil {
		t.Fatal(err)
	}
	var last error
	for range 120 { // the filer may still be getting ready
		if last = client.CreateBucket(context.Background()); last == nil {
			return client
		}
		time.Sleep(250 * time.Millisecond)
	}
	t.Fatalf("CreateBucket: %v", last)
	return nil
}

func TestS3BlobsAgainstSeaweedFS(t *testing.T) {
	s3 := startSeaweedFS(t)
	ctx := t.Context()

	// The blob store itself: put, ranged reads, delete.
	data := readFile(t, "clip.webm")
	f, err := os.CreateTemp(t.TempDir(), "blob")
	if err != nil {
		t.Fatal(err)
	}
	f.Write(data)
	key := newKey("")
	if err := s3.Put(ctx, key, f, int64(len(data)), "video/webm"); err != nil {
		t.Fatalf("Put: %v", err)
	}
	rc, err := s3.Open(ctx, key, 1000)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	got, _ := io.ReadAll(rc)
	rc.Close()
	if !bytes.Equal(got, data[1000:]) {
		t.Errorf("Open at 1000: %d bytes, want the %d from offset 1000", len(got), len(data)-1000)
	}
	if err := s3.Delete(ctx, key); err != nil {
		t.Errorf("Delete: %v", err)
	}
	if _, err := s3.Open(ctx, key, 0); !errors.Is(err, ErrNoBlob) {
		t.Errorf("Open after Delete: %v, want ErrNoBlob", err)
	}

	// A wrong secret is refused by the server: requests really are signed.
	bad := *s3
	bad.secretKey = "wrong"
	if err := bad.Put(ctx, newKey(""), f, int64(len(data)), "video/webm"); err == nil {
		t.Errorf("Put with a wrong secret was accepted")
	}

	// The whole feature on S3: upload, attach, serve with ranges, orphans.
	fx := newFixture(t)
	fx.svc.Blobs = s3
	u, stranger := ingestAttached(t, fx, data, store.VisibilityClosed)
	me := store.Viewer{ID: fx.uploader.ID}
	rec := serve(fx, me, u.ID, Original, http.Header{"Range": {"bytes=100-4099"}})
	if rec.Code != http.StatusPartialContent || !bytes.Equal(rec.Body.Bytes(), data[100:4100]) {
		t.Errorf("range from S3: status %d, %d bytes; want 206 and bytes 100–4099", rec.Code, rec.Body.Len())
	}
	if rec := serve(fx, store.Viewer{ID: stranger.ID}, u.ID, Original, nil); rec.Code != http.StatusNotFound {
		t.Errorf("non-member on S3: status %d, want 404", rec.Code)
	}
	runJobs(t, fx)
	if fx.svc.FFmpeg != "" {
		if rec := serve(fx, me, u.ID, Poster, nil); rec.Code != http.StatusOK {
			t.Errorf("poster from S3: status %d, want 200", rec.Code)
		}
	}

	// Files of deleted posts, and files taken off in an edit, leave the
	// object store after the change commits; a hidden post keeps its own.
	t.Run("removal", func(t *testing.T) {
		fx := newFixture(t)
		fx.svc.Blobs = s3
		checkDeletedFilesRemoved(t, fx)
	})
}
