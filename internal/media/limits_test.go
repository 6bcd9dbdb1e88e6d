package media

import (
	"bytes"
	"context"
	"errors"
	"image/png"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tacit-org/tacit/internal/jobs"
	"github.com/tacit-org/tacit/internal/store"
)

// processJob returns the state of an upload's processing job.
func processJob(t *testing.T, f fixture, uploadID int64) *store.JobState {
	t.Helper()
	// Enqueueing with the same key finds the job that exists.
	id, err := f.s.EnqueueJob(t.Context(), store.NewJob{Kind: store.JobMediaProcess, Payload: `{"upload":` + strconv.FormatInt(uploadID, 10) + `}`,
		DedupKey: "media.process:" + strconv.FormatInt(uploadID, 10)})
	if err != nil {
		t.Fatal(err)
	}
	j, err := f.s.JobByID(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	return j
}

// runJobsNow runs due jobs with retries due at once, as many as the job
// rules allow, in the way the server's runner does.
func runJobsNow(t *testing.T, f fixture) {
	t.Helper()
	r := jobs.New(f.s, nil, f.svc.Jobs())
	r.Backoff = func(int) time.Duration { return 0 }
	if _, err := r.RunDue(t.Context()); err != nil {
		t.Fatalf("run jobs: %v", err)
	}
}

// fakeFFmpeg writes a stand-in for ffmpeg that reports the limits it runs
// under and then does what body says.
func fakeFFmpeg(t *testing.T, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "ffmpeg")
	script := "#!/bin/sh\necho \"limits: as=$(ulimit -v) cpu=$(ulimit -t)\" >&2\n" + body + "\n"
	if err := os.WriteFile(p, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestSlowFFmpegIsStoppedAndTheJobFails: an ffmpeg that never finishes is
// killed at the time limit, under the memory limit it was started with;
// the attempt fails, the job is tried again per the job rules (three
// attempts) and then marked failed; the clip stays watchable without a
// poster, and the runner goes on with other work.
func TestSlowFFmpegIsStoppedAndTheJobFails(t *testing.T) {
	f := newFixture(t)
	if f.svc.Prlimit == "" {
		t.Skip("prlimit (util-linux) is not installed")
	}
	f.svc.FFmpeg = fakeFFmpeg(t, "exec sleep 600")
	f.svc.FFmpegTimeout = time.Second
	f.svc.FFmpegMemory = 96 << 20
	vid, _ := ingestAttached(t, f, readFile(t, "clip.webm"), store.VisibilityOpen)
	runJobsNow(t, f)

	j := processJob(t, f, vid.ID)
	if !j.Failed || j.Attempts != 3 {
		t.Errorf("job after a hanging ffmpeg: failed %v after %d attempts; want failed after 3", j.Failed, j.Attempts)
	}
	for _, want := range []string{"time limit 1s", "limits: as=98304 cpu=1"} {
		if !strings.Contains(j.LastError, want) {
			t.Errorf("job error %q lacks %q", j.LastError, want)
		}
	}
	me := store.Viewer{ID: f.uploader.ID}
	if rec := serve(f, me, vid.ID, Original, nil); rec.Code != http.StatusOK {
		t.Errorf("the clip after its failed processing: %d, want 200", rec.Code)
	}
	if rec := serve(f, me, vid.ID, Poster, nil); rec.Code != http.StatusNotFound {
		t.Errorf("poster after failed processing: %d, want none (404)", rec.Code)
	}
	// The runner is fine: the next upload is processed.
	img, _ := ingestAttached(t, f, encode(t, func(w io.Writer) error { return png.Encode(w, testImage(900, 300)) }), store.VisibilityOpen)
	runJobsNow(t, f)
	if rec := serve(f, me, img.ID, Thumb, nil); rec.Code != http.StatusOK {
		t.Errorf("thumbnail after a failed job: %d, want 200", rec.Code)
	}
}

// TestFFmpegOverItsMemoryLimitFails: the real ffmpeg, given less address
// space than it needs, fails cleanly; with its default limit it works.
func TestFFmpegOverItsMemoryLimitFails(t *testing.T) {
	f := newFixture(t)
	if f.svc.FFmpeg == "" {
		t.Skip("ffmpeg (or prlimit) is not installed: no posters are made at all")
	}
	f.svc.FFmpegMemory = 16 << 20
	vid, _ := ingestAttached(t, f, readFile(t, "clip.webm"), store.VisibilityOpen)
	runJobsNow(t, f)
	j := processJob(t, f, vid.ID)
	if !j.Failed || j.Attempts != 3 || !strings.Contains(j.LastError, "media: ffmpeg") {
		t.Errorf("job of ffmpeg in 16 MB: failed %v after %d attempts, error %q; want failed after 3 with ffmpeg's error", j.Failed, j.Attempts, j.LastError)
	}
	f.svc.FFmpegMemory = 0 // the default
	other, _ := ingestAttached(t, f, readFile(t, "clip.webm"), store.VisibilityOpen)
	runJobsNow(t, f)
	if rec := serve(f, store.Viewer{ID: f.uploader.ID}, other.ID, Poster, nil); rec.Code != http.StatusOK {
		t.Errorf("poster under the default limit: %d, want 200", rec.Code)
	}
}

// TestImageDecodesAreBounded: no more images are decoded at once than the
// service allows; an upload that waits for its turn gives up when its
// request ends, and goes through once a turn is free.
func TestImageDecodesAreBounded(t *testing.T) {
	f := newFixture(t)
	f.svc.SetMaxDecodes(1)
	img := encode(t, func(w io.Writer) error { return png.Encode(w, testImage(300, 200)) })
	hold, err := f.svc.decodeSlot(t.Context()) // another decode is running
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel() // the request ends while it waits
	if _, err := f.svc.Ingest(ctx, f.uploader.ID, bytes.NewReader(img)); !errors.Is(err, context.Canceled) {
		t.Fatalf("Ingest while the only turn is taken and the request ends: %v, want context.Canceled", err)
	}
	hold()
	if _, err := f.svc.Ingest(t.Context(), f.uploader.ID, bytes.NewReader(img)); err != nil {
		t.Fatalf("with the turn free: %v", err)
	}
}
