package media

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io"
	"os"
	"time"

	"golang.org/x/image/webp"

	"github.com/tacit-org/tacit/internal/store"
)

// Refusal is why an upload was not accepted, as a message id people can
// read in their language; API callers get its code.
type Refusal struct {
	Code  string // type, size, duration, dimensions, broken
	MsgID string
}

func (r *Refusal) Error() string { return "media: refused: " + r.Code }

var (
	errType       = &Refusal{"type", "media.refused_type"}
	errBroken     = &Refusal{"broken", "media.refused_broken"}
	errDimensions = &Refusal{"dimensions", "media.refused_dimensions"}
	errDuration   = &Refusal{"duration", "media.refused_duration"}
	errImageSize  = &Refusal{"size", "media.refused_size_image"}
	errVideoSize  = &Refusal{"size", "media.refused_size_video"}
	errPDFSize    = &Refusal{"size", "media.refused_size_pdf"}
)

// Formats the server recognises by their first bytes.
const (
	fmtJPEG = "image/jpeg"
	fmtPNG  = "image/png"
	fmtGIF  = "image/gif"
	fmtWebP = "image/webp"
	fmtMP4  = "video/mp4"
	fmtWebM = "video/webm"
	fmtPDF  = "application/pdf"
)

// sniff names the format of a file from its first bytes (magic numbers),
// never from its name or what the client claimed. "" means not allowed.
func sniff(head []byte) string {
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xD8, 0xFF}):
		return fmtJPEG
	case bytes.HasPrefix(head, []byte("\x89PNG\r\n\x1a\n")):
		return fmtPNG
	case bytes.HasPrefix(head, []byte("GIF87a")), bytes.HasPrefix(head, []byte("GIF89a")):
		return fmtGIF
	case len(head) >= 12 && string(head[:4]) == "RIFF" && string(head[8:12]) == "WEBP":
		return fmtWebP
	case len(head) >= 12 && string(head[4:8]) == "ftyp":
		return fmtMP4
	case bytes.HasPrefix(head, []byte{0x1A, 0x45, 0xDF, 0xA3}):
		return fmtWebM // confirmed by the EBML DocType when parsed
	case bytes.HasPrefix(head, []byte("%PDF-")):
		return fmtPDF
	}
	return ""
}

func kindOf(format string) string {
	switch format {
	case fmtMP4, fmtWebM:
		return store.KindVideo
	case fmtPDF:
		return store.KindPDF
	}
	return store.KindImage
}

// Limits bound what is accepted.
type Limits struct {
	MaxImageBytes int64
	MaxVideoBytes int64
	MaxPDFBytes   int64
	MaxDuration   time.Duration
	MaxPixels     int64 // width × height of an image, checked before decoding
	MaxSide       int   // the longer side of an image or video
}

// DefaultLimits are DESIGN's defaults: video 200 MB and 5 minutes, images and PDFs 20 MB.
var DefaultLimits = Limits{
	MaxImageBytes: 20 << 20,
	MaxVideoBytes: 200 << 20,
	MaxPDFBytes:   20 << 20,
	MaxDuration:   5 * time.Minute,
	MaxPixels:     40_000_000,
	MaxSide:       16384,
}

func (l Limits) largest() int64 { return max(l.MaxImageBytes, l.MaxVideoBytes, l.MaxPDFBytes) }

// facts are what checking a file learned.
type facts struct {
	format   string
	width    int
	height   int
	duration time.Duration
}

// inspect decides whether f (size bytes) is an allowed file, by its content
// alone: magic bytes, then parsing. Images are only decoded after their
// header's dimensions pass (no pixel floods).
func inspect(f *os.File, size int64, l Limits) (facts, error) {
	head := make([]byte, 64)
	n, _ := f.ReadAt(head, 0)
	format := sniff(head[:n])
	if format == "" {
		return facts{}, errType
	}
	fa := facts{format: format}
	switch kindOf(format) {
	case store.KindImage:
		if size > l.MaxImageBytes {
			return fa, errImageSize
		}
		cfg, err := decodeConfig(io.NewSectionReader(f, 0, size), format)
		if err != nil {
			return fa, errBroken
		}
		if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width > l.MaxSide || cfg.Height > l.MaxSide || int64(cfg.Width)*int64(cfg.Height) > l.MaxPixels {
			return fa, errDimensions
		}
		if format == fmtGIF {
			// Every frame is decoded at once: count them before decoding.
			frames, err := gifFrames(io.NewSectionReader(f, 0, size))
			if err != nil || frames == 0 {
				return fa, errBroken
			}
			if int64(frames)*int64(cfg.Width)*int64(cfg.Height) > 4*l.MaxPixels {
				return fa, errDimensions
			}
		}
		fa.width, fa.height = cfg.Width, cfg.Height
	case store.KindVideo:
		if size > l.MaxVideoBytes {
			return fa, errVideoSize
		}
		var v VideoInfo
		var err error
		if format == fmtMP4 {
			v, err = ProbeMP4(io.NewSectionReader(f, 0, size))
		} else {
			v, err = ProbeWebM(f, size)
		}
		if err != nil {
			return fa, errBroken
		}
		if v.Width > l.MaxSide || v.Height > l.MaxSide {
			return fa, errDimensions
		}
		if v.Duration > l.MaxDuration {
			return fa, errDuration
		}
		fa.width, fa.height, fa.duration = v.Width, v.Height, v.Duration
	case store.KindPDF:
		if size > l.MaxPDFBytes {
			return fa, errPDFSize
		}
		if err := checkPDF(f, size); err != nil {
			return fa, errBroken
		}
	}
	return fa, nil
}

func decodeConfig(r io.Reader, format string) (image.Config, error) {
	switch format {
	case fmtJPEG:
		return jpeg.DecodeConfig(r)
	case fmtPNG:
		return png.DecodeConfig(r)
	case fmtGIF:
		return gif.DecodeConfig(r)
	case fmtWebP:
		return webp.DecodeConfig(r)
	}
	return image.Config{}, fmt.Errorf("media: not an image: %s", format)
}

// checkPDF looks for the header and the end-of-file marker in the last
// kilobyte, as PDF readers do. The PDF is never rendered by the server and
// is only ever served as a download.
func checkPDF(f *os.File, size int64) error {
	tail := make([]byte, min(size, 1024))
	if _, err := f.ReadAt(tail, size-int64(len(tail))); err != nil {
		return err
	}
	if !bytes.Contains(tail, []byte("%%EOF")) {
		return errors.New("media: pdf without %%EOF")
	}
	return nil
}
