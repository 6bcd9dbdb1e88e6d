package media

import (
	"bytes"
	"os"
	"testing"
	"time"
)

// The parsers read files from anyone: they must never panic, loop or
// allocate by what a header claims. Seeds: the real test clips, plus the
// corpus under testdata/fuzz.
func FuzzProbeWebM(f *testing.F) {
	for _, name := range []string{"testdata/clip.webm", "testdata/live.webm", "testdata/firefox.webm"} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
		f.Add(b[:len(b)/2])
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		v, err := ProbeWebM(bytes.NewReader(b), int64(len(b)))
		if err == nil && (v.Duration < 0 || v.Width < 0 || v.Height < 0) {
			t.Errorf("ProbeWebM = %+v: negative facts", v)
		}
	})
}

// FuzzAddWebMDuration: rewriting a recording's header never panics, and
// what it writes is the file with a duration added or filled in: never
// shorter, and still a WebM the reader accepts with the duration given.
func FuzzAddWebMDuration(f *testing.F) {
	for _, name := range []string{"testdata/clip.webm", "testdata/live.webm", "testdata/firefox.webm"} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, int64(time.Second))
		f.Add(b[:len(b)/3], int64(2500*time.Millisecond))
	}
	f.Fuzz(func(t *testing.T, b []byte, d int64) {
		if d <= 0 || d > int64(time.Hour) {
			return
		}
		var out bytes.Buffer
		ok, err := addWebMDuration(bytes.NewReader(b), int64(len(b)), time.Duration(d), &out)
		if err != nil || !ok {
			return
		}
		if out.Len() < len(b) {
			t.Errorf("rewritten to %d bytes from %d", out.Len(), len(b))
		}
		if _, err := ProbeWebM(bytes.NewReader(out.Bytes()), int64(out.Len())); err != nil {
			if _, before := ProbeWebM(bytes.NewReader(b), int64(len(b))); before == nil {
				t.Errorf("a readable WebM became unreadable: %v", err)
			}
		}
	})
}

func FuzzProbeMP4(f *testing.F) {
	b, err := os.ReadFile("testdata/clip.mp4")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add(b[:len(b)/2])
	f.Fuzz(func(t *testing.T, b []byte) {
		v, err := ProbeMP4(bytes.NewReader(b))
		if err == nil && v.Duration < 0 {
			t.Errorf("ProbeMP4 = %+v: negative duration", v)
		}
	})
}

// FuzzInspect runs the whole content check, images included, under small
// limits, so a crafted header cannot make it decode a flood of pixels.
func FuzzInspect(f *testing.F) {
	for _, name := range []string{"testdata/tiny.webp", "testdata/clip.mp4"} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add(pixelFlood())
	f.Add(minimalPDF())
	f.Add([]byte("GIF89a\x01\x00\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"))
	limits := Limits{MaxImageBytes: 1 << 20, MaxVideoBytes: 1 << 20, MaxPDFBytes: 1 << 20, MaxDuration: time.Minute, MaxPixels: 1 << 20, MaxSide: 4096}
	f.Fuzz(func(t *testing.T, b []byte) {
		tmp, err := os.CreateTemp(t.TempDir(), "in")
		if err != nil {
			t.Fatal(err)
		}
		defer tmp.Close()
		tmp.Write(b)
		fa, err := inspect(tmp, int64(len(b)), limits)
		if err != nil {
			return
		}
		if int64(fa.width)*int64(fa.height) > limits.MaxPixels {
			t.Errorf("accepted %d×%d over the pixel limit", fa.width, fa.height)
		}
		if kindOf(fa.format) == "image" {
			var out bytes.Buffer
			_, _ = reencode(bytes.NewReader(b), fa.format, &out, limits)
		}
	})
}
