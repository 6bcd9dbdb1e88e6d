package media

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tacit-org/tacit/internal/jobs"
	"github.com/tacit-org/tacit/internal/store"
	"github.com/tacit-org/tacit/internal/store/storetest"
)

func testImage(w, h int) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{uint8(x * 255 / w), uint8(y * 255 / h), 128, 255})
		}
	}
	return img
}

func encode(t *testing.T, f func(io.Writer) error) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := f(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// withExif puts an APP1 Exif segment with a GPS-looking payload right after
// the JPEG's start marker, as a phone camera would.
func withExif(jpg []byte) []byte {
	payload := append([]byte("Exif\x00\x00"), []byte("GPSLatitude 59.3293 N; GPSLongitude 18.0686 E; Model SecretPhone")...)
	seg := []byte{0xFF, 0xE1, 0, 0}
	binary.BigEndian.PutUint16(seg[2:], uint16(len(payload)+2))
	out := append([]byte{}, jpg[:2]...)
	out = append(out, seg...)
	out = append(out, payload...)
	return append(out, jpg[2:]...)
}

// pngChunk builds one PNG chunk with its CRC.
func pngChunk(typ string, data []byte) []byte {
	var b bytes.Buffer
	binary.Write(&b, binary.BigEndian, uint32(len(data)))
	b.WriteString(typ)
	b.Write(data)
	binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(append([]byte(typ), data...)))
	return b.Bytes()
}

// pixelFlood is a tiny PNG whose header claims 100,000 × 100,000 pixels.
func pixelFlood() []byte {
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], 100000)
	binary.BigEndian.PutUint32(ihdr[4:], 100000)
	ihdr[8], ihdr[9] = 8, 2 // 8-bit RGB
	out := []byte("\x89PNG\r\n\x1a\n")
	out = append(out, pngChunk("IHDR", ihdr)...)
	out = append(out, pngChunk("IDAT", []byte{0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01})...)
	return append(out, pngChunk("IEND", nil)...)
}

func minimalPDF() []byte {
	return []byte("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n" +
		"trailer << /Root 1 0 R >>\n%%EOF\n")
}

func readFile(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

type fixture struct {
	svc      *Service
	s        *store.Store
	uploader store.Person
}

func newFixture(t *testing.T) fixture {
	t.Helper()
	s := storetest.Open(t)
	p, err := s.CreatePerson(t.Context(), store.NewPerson{Email: "up@example.org", Name: "Uploader", PasswordHash: "x"})
	if err != nil {
		t.Fatal(err)
	}
	svc := New(s, Disk{Dir: t.TempDir()})
	svc.TempDir = t.TempDir()
	return fixture{svc: svc, s: s, uploader: p}
}

func (f fixture) blob(t *testing.T, key string) []byte {
	t.Helper()
	rc, err := f.svc.Blobs.Open(t.Context(), key, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	b, _ := io.ReadAll(rc)
	return b
}

func TestIngestDecidesByContent(t *testing.T) {
	f := newFixture(t)
	img := testImage(40, 30)
	jpg := encode(t, func(w io.Writer) error { return jpeg.Encode(w, img, nil) })
	cases := []struct {
		name     string
		data     []byte
		wantType string // "" when refused
		wantCode string
	}{
		{"jpeg with exif", withExif(jpg), "image/jpeg", ""},
		{"png", encode(t, func(w io.Writer) error { return png.Encode(w, img) }), "image/png", ""},
		{"gif", encode(t, func(w io.Writer) error { return gif.Encode(w, img, nil) }), "image/gif", ""},
		{"webp", readFile(t, "tiny.webp"), "image/png", ""}, // re-encoded: Go writes no WebP
		{"mp4", readFile(t, "clip.mp4"), "video/mp4", ""},
		{"webm", readFile(t, "clip.webm"), "video/webm", ""},
		{"webm from a recorder", readFile(t, "live.webm"), "video/webm", ""},
		{"pdf", minimalPDF(), "application/pdf", ""},
		{"html named .mp4", []byte("<!doctype html><html><script>alert(document.cookie)</script></html>"), "", "type"},
		{"svg with script", []byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`), "", "type"},
		{"xml", []byte(`<?xml version="1.0"?><x/>`), "", "type"},
		{"pixel flood png", pixelFlood(), "", "dimensions"},
		{"truncated jpeg", jpg[:20], "", "broken"},
		{"mp4 magic, html body", append([]byte("\x00\x00\x00\x18ftypmp42"), []byte("<html><script>alert(1)</script>")...), "", "broken"},
		{"pdf without end", []byte("%PDF-1.4\n<html>"), "", "broken"},
		{"empty", nil, "", "type"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			u, err := f.svc.Ingest(t.Context(), f.uploader.ID, bytes.NewReader(c.data))
			if c.wantType == "" {
				var ref *Refusal
				if !errors.As(err, &ref) || ref.Code != c.wantCode {
					t.Fatalf("Ingest = %+v, %v; want refusal %q", u, err, c.wantCode)
				}
				return
			}
			if err != nil {
				t.Fatalf("Ingest: %v", err)
			}
			if u.ContentType != c.wantType {
				t.Errorf("content type = %q, want %q", u.ContentType, c.wantType)
			}
			stored := f.blob(t, u.BlobKey)
			if bytes.Contains(stored, []byte("GPSLatitude")) || bytes.Contains(stored, []byte("SecretPhone")) || bytes.Contains(stored, []byte("Exif")) {
				t.Errorf("stored file still carries EXIF/GPS metadata")
			}
			// A recording's duration is its last frame's time: 1.9 s at 10 fps.
			if u.Kind == store.KindVideo && (u.DurationMS < 1900 || u.DurationMS > 2000 || u.Width != 64 || u.Height != 48) {
				t.Errorf("video facts = %d ms %d×%d, want 1900–2000 ms 64×48", u.DurationMS, u.Width, u.Height)
			}
			if u.Kind == store.KindImage && (u.Width != 40 || u.Height != 30) {
				t.Errorf("image size = %d×%d, want 40×30", u.Width, u.Height)
			}
		})
	}
}

func TestIngestLimits(t *testing.T) {
	f := newFixture(t)
	f.svc.Limits.MaxDuration = time.Second
	_, err := f.svc.Ingest(t.Context(), f.uploader.ID, bytes.NewReader(readFile(t, "live.webm")))
	if ref := (*Refusal)(nil); !errors.As(err, &ref) || ref.Code != "duration" {
		t.Errorf("2 s clip over a 1 s limit: %v, want a duration refusal", err)
	}
	f.svc.Limits.MaxImageBytes = 100
	png := encode(t, func(w io.Writer) error { return png.Encode(w, testImage(50, 50)) })
	_, err = f.svc.Ingest(t.Context(), f.uploader.ID, bytes.NewReader(png))
	if ref := (*Refusal)(nil); !errors.As(err, &ref) || ref.MsgID != "media.refused_size_image" {
		t.Errorf("image over the image limit: %v, want refused_size_image", err)
	}
	f.svc.Limits.MaxPixels = 100
	f.svc.Limits.MaxImageBytes = 1 << 20
	_, err = f.svc.Ingest(t.Context(), f.uploader.ID, bytes.NewReader(png))
	if ref := (*Refusal)(nil); !errors.As(err, &ref) || ref.Code != "dimensions" {
		t.Errorf("2,500 pixels over a 100-pixel limit: %v, want a dimensions refusal", err)
	}
}

func TestProbeVideo(t *testing.T) {
	for _, name := range []string{"clip.webm", "live.webm"} {
		b := readFile(t, name)
		v, err := ProbeWebM(bytes.NewReader(b), int64(len(b)))
		// A live recording's duration is its last frame's time: 1.9 s at 10 fps.
		if err != nil || v.Width != 64 || v.Height != 48 || v.Duration < 1900*time.Millisecond || v.Duration > 2*time.Second {
			t.Errorf("ProbeWebM(%s) = %+v, %v; want 64×48, 1.9–2 s", name, v, err)
		}
	}
	b := readFile(t, "clip.mp4")
	v, err := ProbeMP4(bytes.NewReader(b))
	if err != nil || v.Width != 64 || v.Height != 48 || v.Duration != 2*time.Second {
		t.Errorf("ProbeMP4 = %+v, %v; want 64×48, 2 s", v, err)
	}
}

// ingestAttached stores a file and attaches it to a post in a community of
// the given visibility, returning the upload and a stranger.
func ingestAttached(t *testing.T, f fixture, data []byte, visibility string) (store.Upload, store.Person) {
	t.Helper()
	ctx := t.Context()
	u, err := f.svc.Ingest(ctx, f.uploader.ID, bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	c, err := f.s.CreateCommunity(ctx, f.uploader.ID, "c"+strconv.FormatInt(u.ID, 10), store.CommunitySettings{Name: "Closed room", Kind: store.KindSubject, Visibility: visibility})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.CreatePost(ctx, store.NewPost{CommunityID: c.ID, AuthorID: f.uploader.ID, Type: store.TypeTip, Title: "A clip of it",
		Body: "Watch this", Language: "en", Attachments: []int64{u.ID}}); err != nil {
		t.Fatal(err)
	}
	stranger, err := f.s.CreatePerson(ctx, store.NewPerson{Email: "s" + strconv.FormatInt(u.ID, 10) + "@example.org", Name: "Stranger", PasswordHash: "x"})
	if err != nil {
		t.Fatal(err)
	}
	return u, stranger
}

func serve(f fixture, v store.Viewer, id int64, variant string, header http.Header) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("GET", URL(id), nil)
	for k, vs := range header {
		req.Header[k] = vs
	}
	if !f.svc.Serve(rec, req, v, id, variant) {
		rec.Code = http.StatusNotFound
	}
	return rec
}

func TestServeChecksVisibilityAndRanges(t *testing.T) {
	f := newFixture(t)
	data := readFile(t, "clip.webm")
	u, stranger := ingestAttached(t, f, data, store.VisibilityClosed)
	me := store.Viewer{ID: f.uploader.ID}

	if rec := serve(f, store.Viewer{ID: stranger.ID}, u.ID, Original, nil); rec.Code != http.StatusNotFound || rec.Body.Len() != 0 {
		t.Errorf("non-member: status %d, %d bytes; want 404 and nothing", rec.Code, rec.Body.Len())
	}
	if rec := serve(f, me, u.ID+1000, Original, nil); rec.Code != http.StatusNotFound {
		t.Errorf("missing id: status %d, want 404", rec.Code)
	}

	rec := serve(f, me, u.ID, Original, nil)
	if rec.Code != http.StatusOK || !bytes.Equal(rec.Body.Bytes(), data) {
		t.Fatalf("member: status %d, %d bytes; want 200 and the file", rec.Code, rec.Body.Len())
	}
	h := rec.Header()
	for k, want := range map[string]string{
		"Content-Type":            "video/webm",
		"X-Content-Type-Options":  "nosniff",
		"Content-Security-Policy": "default-src 'none'; sandbox",
		"Content-Disposition":     `inline; filename="tacit-` + strconv.FormatInt(u.ID, 10) + `.webm"`,
		"Accept-Ranges":           "bytes",
	} {
		if got := h.Get(k); got != want {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}
	if !strings.HasPrefix(h.Get("Cache-Control"), "private") {
		t.Errorf("Cache-Control = %q, want private", h.Get("Cache-Control"))
	}

	rec = serve(f, me, u.ID, Original, http.Header{"Range": {"bytes=100-199"}})
	if rec.Code != http.StatusPartialContent || !bytes.Equal(rec.Body.Bytes(), data[100:200]) {
		t.Errorf("range 100-199: status %d, %d bytes; want 206 and bytes 100–199", rec.Code, rec.Body.Len())
	}
	if got, want := rec.Header().Get("Content-Range"), "bytes 100-199/"+strconv.Itoa(len(data)); got != want {
		t.Errorf("Content-Range = %q, want %q", got, want)
	}
	rec = serve(f, me, u.ID, Original, http.Header{"Range": {"bytes=-50"}})
	if rec.Code != http.StatusPartialContent || !bytes.Equal(rec.Body.Bytes(), data[len(data)-50:]) {
		t.Errorf("suffix range: status %d, want 206 and the last 50 bytes", rec.Code)
	}
}

func TestPDFIsServedAsAttachment(t *testing.T) {
	f := newFixture(t)
	u, _ := ingestAttached(t, f, minimalPDF(), store.VisibilityOpen)
	rec := serve(f, store.Viewer{ID: f.uploader.ID}, u.ID, Original, nil)
	if got := rec.Header().Get("Content-Disposition"); !strings.HasPrefix(got, "attachment;") {
		t.Errorf("PDF Content-Disposition = %q, want attachment", got)
	}
}

func runJobs(t *testing.T, f fixture) {
	t.Helper()
	r := jobs.New(f.s, nil, f.svc.Jobs())
	if _, err := r.RunDue(t.Context()); err != nil {
		t.Fatal(err)
	}
}

func TestProcessingMakesThumbnailsAndPosters(t *testing.T) {
	f := newFixture(t)
	big := encode(t, func(w io.Writer) error { return png.Encode(w, testImage(1200, 600)) })
	img, _ := ingestAttached(t, f, big, store.VisibilityOpen)
	vid, _ := ingestAttached(t, f, readFile(t, "clip.mp4"), store.VisibilityOpen)
	runJobs(t, f)
	me := store.Viewer{ID: f.uploader.ID}

	rec := serve(f, me, img.ID, Thumb, nil)
	cfg, err := jpeg.DecodeConfig(rec.Body)
	if rec.Code != http.StatusOK || err != nil || cfg.Width != ThumbSide || cfg.Height != ThumbSide/2 {
		t.Errorf("thumbnail: status %d, %+v, %v; want a %d×%d JPEG", rec.Code, cfg, err, ThumbSide, ThumbSide/2)
	}
	rec = serve(f, me, vid.ID, Poster, nil)
	if f.svc.FFmpeg == "" {
		if rec.Code != http.StatusNotFound {
			t.Errorf("poster without ffmpeg: status %d, want 404", rec.Code)
		}
		t.Log("ffmpeg not installed: posters are absent, as intended")
		return
	}
	cfg, err = jpeg.DecodeConfig(rec.Body)
	if rec.Code != http.StatusOK || err != nil || cfg.Width != 64 {
		t.Errorf("poster: status %d, %+v, %v; want a 64-wide JPEG", rec.Code, cfg, err)
	}
}

func TestPosterIsAbsentWithoutFFmpeg(t *testing.T) {
	f := newFixture(t)
	f.svc.FFmpeg = ""
	vid, _ := ingestAttached(t, f, readFile(t, "clip.webm"), store.VisibilityOpen)
	runJobs(t, f)
	u, err := f.s.UploadForJob(t.Context(), vid.ID)
	if err != nil || !u.Processed || u.PosterKey != "" {
		t.Errorf("processed without ffmpeg: %+v, %v; want processed, no poster", u, err)
	}
}

func TestOrphansAreRemoved(t *testing.T) {
	f := newFixture(t)
	f.svc.OrphanAfter = time.Millisecond
	png := encode(t, func(w io.Writer) error { return png.Encode(w, testImage(10, 10)) })
	lone, err := f.svc.Ingest(t.Context(), f.uploader.ID, bytes.NewReader(png))
	if err != nil {
		t.Fatal(err)
	}
	kept, _ := ingestAttached(t, f, png, store.VisibilityOpen)
	time.Sleep(5 * time.Millisecond) // let the orphan checks fall due
	runJobs(t, f)
	if _, err := f.s.UploadForJob(t.Context(), lone.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("orphan still recorded: %v", err)
	}
	if _, err := f.svc.Blobs.Open(context.Background(), lone.BlobKey, 0); !errors.Is(err, ErrNoBlob) {
		t.Errorf("orphan's bytes still stored: %v", err)
	}
	if _, err := f.s.UploadForJob(t.Context(), kept.ID); err != nil {
		t.Errorf("attached upload removed: %v", err)
	}
}

func TestRecordingsGetTheirDuration(t *testing.T) {
	// Browsers' recordings have no seek head: take ffmpeg's away.
	live := readFile(t, "live.webm")
	if !bytes.Equal(live[0x30:0x34], []byte{0x11, 0x4D, 0x9B, 0x74}) || live[0x34] != 0xab {
		t.Fatalf("live.webm has changed: no seek head of 43 bytes at 0x30")
	}
	live = append(append([]byte{}, live[:0x30]...), live[0x30+5+43:]...)
	var out bytes.Buffer
	ok, err := addWebMDuration(bytes.NewReader(live), int64(len(live)), 1900*time.Millisecond, &out)
	if err != nil || !ok {
		t.Fatalf("addWebMDuration = %v, %v; want the duration added", ok, err)
	}
	// Read back: the Info element now says 1.9 s, and the clusters are intact.
	v, err := ProbeWebM(bytes.NewReader(out.Bytes()), int64(out.Len()))
	if err != nil || v.Duration != 1900*time.Millisecond || v.Width != 64 {
		t.Errorf("after adding: %+v, %v; want 1.9 s, 64 wide", v, err)
	}
	// A file that has a duration is left alone.
	whole := readFile(t, "clip.webm")
	if ok, _ := addWebMDuration(bytes.NewReader(whole), int64(len(whole)), time.Second, io.Discard); ok {
		t.Errorf("a WebM with a duration was rewritten")
	}
}

// TestFirefoxRecordingGetsItsDuration: Firefox's MediaRecorder writes an
// empty seek head and a Duration of zero (testdata/firefox.webm is the first
// second of a recording made by TestBrowserFirefoxClip). The reader takes
// the length from the last block; the stored file has it filled in, in
// place, so every other byte stays where it was.
func TestFirefoxRecordingGetsItsDuration(t *testing.T) {
	data := readFile(t, "firefox.webm")
	v, err := ProbeWebM(bytes.NewReader(data), int64(len(data)))
	if err != nil || v.Duration < 500*time.Millisecond || v.Duration > 2*time.Second || v.Width != 640 || v.Height != 480 {
		t.Fatalf("ProbeWebM = %+v, %v; want 640×480 and about a second", v, err)
	}
	f := newFixture(t)
	u, err := f.svc.Ingest(t.Context(), f.uploader.ID, bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if u.DurationMS != v.Duration.Milliseconds() {
		t.Errorf("stored duration %d ms, want %d", u.DurationMS, v.Duration.Milliseconds())
	}
	stored := f.blob(t, u.BlobKey)
	if len(stored) != len(data) {
		t.Fatalf("stored %d bytes of %d: the duration must be filled in where it stands", len(stored), len(data))
	}
	differ := 0
	for i := range data {
		if data[i] != stored[i] {
			differ++
		}
	}
	if differ == 0 || differ > 8 {
		t.Errorf("%d bytes changed, want the 8 of the duration", differ)
	}
	// Now it has its duration: a second pass leaves it alone, and the
	// header says the same length as the blocks.
	if ok, _ := addWebMDuration(bytes.NewReader(stored), int64(len(stored)), time.Minute, io.Discard); ok {
		t.Errorf("the stored recording was rewritten again")
	}
	if v2, err := ProbeWebM(bytes.NewReader(stored), int64(len(stored))); err != nil || v2.Duration != v.Duration {
		t.Errorf("stored recording reads as %+v, %v; want %v", v2, err, v.Duration)
	}
}
