// Package mediatest starts a real S3-compatible server (SeaweedFS) for
// tests of the S3 storage of media.
package mediatest

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// S3 is where a started server listens and how to sign in to it.
type S3 struct {
	Endpoint, Bucket, Region, AccessKey, SecretKey string
}

// freePort asks the kernel for a port that is free now.
func freePort(t testing.TB) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// SeaweedFS runs a real S3-compatible server, SeaweedFS's weed, on free
// local ports for the test, with one identity whose signatures it checks,
// and returns where it is once it answers. Without weed on PATH the test
// is skipped (and fails in CI, which must install it).
func SeaweedFS(t testing.TB) S3 {
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

	s3 := S3{Endpoint: "http://127.0.0.1:" + s3Port, Bucket: "tacit-media", Region: "us-east-1", AccessKey: access, SecretKey: secret}
	// Wait until it answers S3 requests: the master, volume and filer start first.
	var last error
	for range 240 {
		resp, err := http.Get(s3.Endpoint + "/")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusForbidden || resp.StatusCode == http.StatusOK {
				return s3
			}
		}
		last = err
		time.Sleep(250 * time.Millisecond)
	}
	t.Fatalf("SeaweedFS did not start: %v\n%s", last, logs.String())
	return S3{}
}
