package media

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/tacit-org/tacit/internal/store"
)

// freePort asks the kernel for a port that is free now.
func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// startSeaweedFS runs a real S3-compatible server, SeaweedFS's weed, on
// free local ports for the test, with one signed-in identity, and returns
// a client of a fresh bucket. Without weed on PATH the test is skipped
// (and fails in CI, which must install it).
func startSeaweedFS(t *testing.T) *S3 {
	t.Helper()
	weed, err := exec.LookPath("weed")
	if err != nil {
		msg := "S3 test not run: install SeaweedFS's weed on PATH (see docs/media.md: build it from the Go module proxy) to run it against a real S3-compatible server"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg + "; .ci/run must install it")
		}
		t.Skip(msg)
	}
	dir := t.TempDir()
	cfg := filepath.Join(dir, "s3.json")
	const access, secret = "tacit-test-key", "tacit-test-secret-0123456789"
	if err := os.WriteFile(cfg, []byte(`{"identities":[{"name":"tacit","credentials":[{"accessKey":"`+access+`","secretKey":"`+secret+`"}],"actions":["Admin","Read","Write","List","Tagging"]}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	// weed also listens on each port plus 10000 (gRPC); pick ports that
	// leave room and are free.
	port := func() string {
		for {
			p := freePort(t)
			if p+10000 < 65536 {
				if ln, err := net.Listen("tcp", "127.0.0.1:"+strconv.Itoa(p+10000)); err == nil {
					ln.Close()
					return strconv.Itoa(p)
				}
			}
		}
	}
	s3Port := port()
	data := filepath.Join(dir, "data")
	if err := os.MkdirAll(data, 0o755); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, weed, "server", "-dir="+data, "-ip=127.0.0.1", "-ip.bind=127.0.0.1",
		"-master.port="+port(), "-volume.port="+port(), "-filer", "-filer.port="+port(),
		"-s3", "-s3.port="+s3Port, "-s3.config="+cfg, "-s3.port.iceberg=0", "-s3.port.lance=0",
		"-master.volumeSizeLimitMB=64", "-volume.max=8")
	var logs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cancel(); _ = cmd.Wait() })

	client, err := NewS3("http://127.0.0.1:"+s3Port, "tacit-media", "us-east-1", access, secret)
	if err != nil {
		t.Fatal(err)
	}
	// Wait until it makes the bucket: the master, volume and filer start first.
	var last error
	for i := 0; i < 240; i++ {
		if last = client.CreateBucket(context.Background()); last == nil {
			return client
		}
		time.Sleep(250 * time.Millisecond)
	}
	t.Fatalf("SeaweedFS did not start: %v\n%s", last, logs.String())
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
}
