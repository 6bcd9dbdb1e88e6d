// Package media accepts, checks, stores, processes and serves uploaded
// files: images, video clips and PDFs. A file's type is decided by its
// content alone; images are re-encoded so no metadata (EXIF, GPS) survives;
// every request for a file is checked against the visibility of what it is
// attached to, at request time, inside the store's query.
package media

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io"
	"log/slog"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"time"

	"github.com/tacit-org/tacit/internal/jobs"
	"github.com/tacit-org/tacit/internal/store"
)

// Service is the media feature, shared by the HTML and JSON surfaces.
type Service struct {
	Store   *store.Store
	Blobs   Blobs
	Limits  Limits
	TempDir string // where uploads are spooled before they are checked; "" is the system's
	FFmpeg  string // path of ffmpeg for poster frames; "" means none are made
	Prlimit string // path of prlimit, which sets ffmpeg's limits; without it no posters are made
	// FFmpegTimeout and FFmpegMemory bound one ffmpeg run: its time (and
	// processor time) and its address space in bytes. Zero: the defaults.
	FFmpegTimeout time.Duration
	FFmpegMemory  int64
	OrphanAfter   time.Duration // an upload not attached by then is removed
	Log           *slog.Logger
	// decodes bounds how many images are decoded in Go at once (uploads
	// and thumbnails together); each decode's pixels are bounded by
	// Limits.MaxPixels, so the memory of decoding is bounded too.
	decodes chan struct{}
}

// MaxDecodes is how many images are decoded in Go at once, by default.
const MaxDecodes = 2

// New returns a service with default limits; set fields to change them.
// Poster frames are made when both ffmpeg and prlimit are installed.
func New(s *store.Store, b Blobs) *Service {
	ff, _ := exec.LookPath("ffmpeg")
	pl, _ := exec.LookPath("prlimit")
	if pl == "" {
		ff = "" // ffmpeg runs only under its limits
	}
	return &Service{Store: s, Blobs: b, Limits: DefaultLimits, FFmpeg: ff, Prlimit: pl, OrphanAfter: 6 * time.Hour,
		Log: slog.New(slog.DiscardHandler), decodes: make(chan struct{}, MaxDecodes)}
}

// SetMaxDecodes changes how many images may be decoded at once (at least one).
func (m *Service) SetMaxDecodes(n int) { m.decodes = make(chan struct{}, max(n, 1)) }

// decodeSlot waits for a turn to decode an image, or for ctx to end. The
// returned function gives the turn back.
func (m *Service) decodeSlot(ctx context.Context) (func(), error) {
	if m.decodes == nil {
		m.decodes = make(chan struct{}, MaxDecodes)
	}
	select {
	case m.decodes <- struct{}{}:
		return func() { <-m.decodes }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// MaxRequest is the largest request body an upload may need.
func (m *Service) MaxRequest() int64 { return m.Limits.largest() + 1<<20 }

// URL is where a file is served.
func URL(id int64) string { return "/media/" + strconv.FormatInt(id, 10) }

// Ingest reads one uploaded file, checks it, stores it durably and records
// it as the uploader's unattached upload. A refused file is a *Refusal.
func (m *Service) Ingest(ctx context.Context, uploaderID int64, r io.Reader) (store.Upload, error) {
	tmp, err := os.CreateTemp(m.TempDir, "tacit-upload-*")
	if err != nil {
		return store.Upload{}, fmt.Errorf("media: spool: %w", err)
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	limit := m.Limits.largest()
	size, err := io.Copy(tmp, io.LimitReader(r, limit+1))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return store.Upload{}, m.sizeRefusal(tmp)
		}
		return store.Upload{}, fmt.Errorf("media: spool: %w", err)
	}
	if size > limit {
		return store.Upload{}, m.sizeRefusal(tmp)
	}
	if size == 0 {
		return store.Upload{}, errType
	}
	fa, err := inspect(tmp, size, m.Limits)
	if err != nil {
		return store.Upload{}, err
	}
	stored, contentType := tmp, fa.format
	if kindOf(fa.format) == store.KindImage {
		clean, err := os.CreateTemp(m.TempDir, "tacit-clean-*")
		if err != nil {
			return store.Upload{}, fmt.Errorf("media: spool: %w", err)
		}
		defer os.Remove(clean.Name())
		defer clean.Close()
		done, err := m.decodeSlot(ctx)
		if err != nil {
			return store.Upload{}, err
		}
		contentType, err = reencode(io.NewSectionReader(tmp, 0, size), fa.format, clean, m.Limits)
		done()
		if err != nil {
			var ref *Refusal
			if errors.As(err, &ref) {
				return store.Upload{}, err
			}
			return store.Upload{}, fmt.Errorf("media: re-encode: %w", err)
		}
		if size, err = clean.Seek(0, io.SeekEnd); err != nil {
			return store.Upload{}, err
		}
		stored = clean
	}
	if fa.format == fmtWebM {
		// Browser recordings carry no duration; players then cannot seek.
		fixed, err := os.CreateTemp(m.TempDir, "tacit-webm-*")
		if err != nil {
			return store.Upload{}, fmt.Errorf("media: spool: %w", err)
		}
		defer os.Remove(fixed.Name())
		defer fixed.Close()
		ok, err := addWebMDuration(tmp, size, fa.duration, fixed)
		if err != nil {
			return store.Upload{}, fmt.Errorf("media: webm duration: %w", err)
		}
		if ok {
			if size, err = fixed.Seek(0, io.SeekEnd); err != nil {
				return store.Upload{}, err
			}
			stored = fixed
		}
	}
	key := newKey("")
	if err := m.Blobs.Put(ctx, key, stored, size, contentType); err != nil {
		return store.Upload{}, err
	}
	id, err := m.Store.CreateUpload(ctx, store.NewUpload{UploaderID: uploaderID, Kind: kindOf(fa.format), ContentType: contentType,
		Size: size, BlobKey: key, Width: fa.width, Height: fa.height, DurationMS: fa.duration.Milliseconds(), OrphanAfter: m.OrphanAfter})
	if err != nil {
		_ = m.Blobs.Delete(context.WithoutCancel(ctx), key)
		return store.Upload{}, err
	}
	return m.Store.Upload(ctx, store.Viewer{ID: uploaderID}, id)
}

// sizeRefusal names the limit a too-large file broke, by what it starts as.
func (m *Service) sizeRefusal(f *os.File) error {
	head := make([]byte, 64)
	n, _ := f.ReadAt(head, 0)
	switch kindOf(sniff(head[:n])) {
	case store.KindVideo:
		return errVideoSize
	case store.KindPDF:
		return errPDFSize
	}
	if sniff(head[:n]) == "" {
		return errType
	}
	return errImageSize
}

// Variants of a file that can be served.
const (
	Original = ""
	Thumb    = "thumb"
	Poster   = "poster"
)

// Serve answers a request for a file (or its thumbnail or poster) if the
// viewer may see what it is attached to now, and reports whether it did;
// when it did not, the caller answers 404 exactly as for a missing id.
// Nothing is ever served as HTML, SVG or XML: the content type is one of the
// few the upload was checked to be, with nosniff and a sandboxing CSP.
func (m *Service) Serve(w http.ResponseWriter, r *http.Request, v store.Viewer, id int64, variant string) bool {
	u, err := m.Store.Upload(r.Context(), v, id)
	if err != nil {
		if !errors.Is(err, store.ErrNotFound) {
			m.Log.Error("media: serve", slog.Int64("upload", id), slog.Any("err", err))
		}
		return false
	}
	key, ctype, size := u.BlobKey, u.ContentType, u.Size
	switch variant {
	case Thumb:
		key, ctype, size = u.ThumbKey, "image/jpeg", -1
	case Poster:
		key, ctype, size = u.PosterKey, "image/jpeg", -1
	case Original:
	default:
		return false
	}
	if key == "" || !servable[ctype] {
		return false
	}
	if size < 0 {
		// Thumbnails and posters are small: read them whole.
		rc, err := m.Blobs.Open(r.Context(), key, 0)
		if err != nil {
			return false
		}
		b, err := io.ReadAll(io.LimitReader(rc, 16<<20))
		rc.Close()
		if err != nil {
			return false
		}
		setHeaders(w, u, ctype, key, variant)
		http.ServeContent(w, r, "", u.CreatedAt, bytes.NewReader(b))
		return true
	}
	br := &blobReader{ctx: r.Context(), b: m.Blobs, key: key, size: size}
	defer br.Close()
	setHeaders(w, u, ctype, key, variant)
	http.ServeContent(w, r, "", u.CreatedAt, br)
	return true
}

// servable are the only content types ever sent.
var servable = map[string]bool{fmtJPEG: true, fmtPNG: true, fmtGIF: true, fmtMP4: true, fmtWebM: true, fmtPDF: true}

var extensions = map[string]string{fmtJPEG: ".jpg", fmtPNG: ".png", fmtGIF: ".gif", fmtMP4: ".mp4", fmtWebM: ".webm", fmtPDF: ".pdf"}

func setHeaders(w http.ResponseWriter, u store.Upload, ctype, key, variant string) {
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "default-src 'none'; sandbox")
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
	// Never kept by the browser: a person who loses access (or signs out on a
	// shared computer) leaves no copy behind (docs/security.md).
	h.Set("Cache-Control", "private, no-store")
	h.Set("ETag", `"`+key+`"`)
	// A server-chosen name: nothing of the uploader or the original name.
	name := "tacit-" + strconv.FormatInt(u.ID, 10)
	if variant != "" {
		name += "-" + variant
	}
	name += extensions[ctype]
	disp := "inline"
	if ctype == fmtPDF {
		disp = "attachment"
	}
	h.Set("Content-Disposition", disp+`; filename="`+name+`"`)
}

// Job kinds, with their time limits, for the server's runner.
func (m *Service) Jobs() map[string]jobs.Kind {
	return map[string]jobs.Kind{
		store.JobMediaProcess: {Handle: m.process, Timeout: 2 * time.Minute},
		store.JobMediaOrphan:  {Handle: m.removeOrphan, Timeout: time.Minute},
		store.JobMediaRemove:  {Handle: m.removeFiles, Timeout: time.Minute},
	}
}

type jobPayload struct {
	Upload int64 `json:"upload"`
}

// process makes an image's thumbnail or a video's poster frame. Safe to run
// again: it only adds what is missing.
func (m *Service) process(ctx context.Context, job *store.Job) error {
	var p jobPayload
	if err := json.Unmarshal([]byte(job.Payload), &p); err != nil {
		return fmt.Errorf("media: payload: %w", err)
	}
	u, err := m.Store.UploadForJob(ctx, p.Upload)
	if errors.Is(err, store.ErrNotFound) {
		return nil // removed as an orphan meanwhile
	}
	if err != nil {
		return err
	}
	facts := store.MediaFacts{ThumbKey: u.ThumbKey, PosterKey: u.PosterKey}
	switch u.Kind {
	case store.KindImage:
		if facts.ThumbKey == "" {
			if facts.ThumbKey, err = m.makeThumb(ctx, u); err != nil {
				return err
			}
		}
	case store.KindVideo:
		if facts.PosterKey == "" && m.FFmpeg != "" {
			if facts.PosterKey, err = m.makePoster(ctx, u); err != nil {
				return err
			}
		}
	}
	err = m.Store.FinishUpload(ctx, u.ID, facts)
	if errors.Is(err, store.ErrNotFound) {
		// Removed while this ran (its post deleted, or taken off it): what
		// was made here has nothing pointing to it.
		for _, k := range []string{facts.ThumbKey, facts.PosterKey} {
			if k != "" && k != u.ThumbKey && k != u.PosterKey {
				if err := m.Blobs.Delete(ctx, k); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return err
}

// ThumbSide is the longer side of a thumbnail in pixels.
const ThumbSide = 480

func (m *Service) makeThumb(ctx context.Context, u store.Upload) (string, error) {
	done, err := m.decodeSlot(ctx)
	if err != nil {
		return "", err
	}
	defer done()
	rc, err := m.Blobs.Open(ctx, u.BlobKey, 0)
	if err != nil {
		return "", err
	}
	defer rc.Close()
	var img image.Image
	switch u.ContentType {
	case fmtJPEG:
		img, err = jpeg.Decode(rc)
	case fmtPNG:
		img, err = png.Decode(rc)
	case fmtGIF:
		img, err = gif.Decode(rc) // the first frame
	default:
		return "", fmt.Errorf("media: no thumbnail for %s", u.ContentType)
	}
	if err != nil {
		return "", fmt.Errorf("media: thumbnail: %w", err)
	}
	t := thumbnail(img, ThumbSide)
	// Transparent parts become white, as JPEG has no alpha.
	flat := image.NewRGBA(t.Bounds())
	draw.Draw(flat, flat.Bounds(), &image.Uniform{color.White}, image.Point{}, draw.Src)
	draw.Draw(flat, flat.Bounds(), t, t.Bounds().Min, draw.Over)
	return m.putTemp(ctx, ".thumb", func(w io.Writer) error { return jpeg.Encode(w, flat, &jpeg.Options{Quality: 82}) })
}

// putTemp writes a derived file through a temporary file into the blob store.
func (m *Service) putTemp(ctx context.Context, suffix string, write func(io.Writer) error) (string, error) {
	f, err := os.CreateTemp(m.TempDir, "tacit-derived-*")
	if err != nil {
		return "", err
	}
	defer os.Remove(f.Name())
	defer f.Close()
	if err := write(f); err != nil {
		return "", err
	}
	size, err := f.Seek(0, io.SeekEnd)
	if err != nil {
		return "", err
	}
	key := newKey(suffix)
	return key, m.Blobs.Put(ctx, key, f, size, "image/jpeg")
}

// removeFiles deletes the bytes of files whose rows a committed change
// removed (a deleted post or reply, an attachment taken off). Deleting a
// missing key is no error, so running it again is safe.
func (m *Service) removeFiles(ctx context.Context, job *store.Job) error {
	var p store.RemovedFiles
	if err := json.Unmarshal([]byte(job.Payload), &p); err != nil {
		return fmt.Errorf("media: payload: %w", err)
	}
	for _, k := range p.Keys {
		if err := m.Blobs.Delete(ctx, k); err != nil {
			return fmt.Errorf("media: remove %s: %w", k, err)
		}
	}
	return nil
}

// removeOrphan removes an upload that was never attached, bytes and row.
func (m *Service) removeOrphan(ctx context.Context, job *store.Job) error {
	var p jobPayload
	if err := json.Unmarshal([]byte(job.Payload), &p); err != nil {
		return fmt.Errorf("media: payload: %w", err)
	}
	keys, err := m.Store.DeleteOrphan(ctx, p.Upload)
	if errors.Is(err, store.ErrNotFound) {
		return nil // attached, or already gone
	}
	if err != nil {
		return err
	}
	for _, k := range keys {
		if err := m.Blobs.Delete(ctx, k); err != nil {
			m.Log.Warn("media: orphan blob left behind", slog.String("key", k), slog.Any("err", err))
		}
	}
	return nil
}
