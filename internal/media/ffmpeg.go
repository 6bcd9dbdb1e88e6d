package media

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image/jpeg"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"time"

	"github.com/tacit-org/tacit/internal/store"
)

// Default limits of one ffmpeg run, whatever the job's own limit.
const (
	DefaultFFmpegTimeout = 60 * time.Second
	DefaultFFmpegMemory  = 1 << 30 // bytes of address space
)

// makePoster takes one frame of a video with ffmpeg. ffmpeg reads only a
// local copy under a name the server chose: no network protocol (the
// whitelist is "file"), no standard input, one thread. It runs under
// prlimit (util-linux) with a limit on its address space (RLIMIT_AS) and
// its processor time (RLIMIT_CPU), set before ffmpeg starts, and is killed
// with its whole process group at the time limit: a clip that makes ffmpeg
// grow or spin fails this attempt and nothing else.
func (m *Service) makePoster(ctx context.Context, u store.Upload) (string, error) {
	dir, err := os.MkdirTemp(m.TempDir, "tacit-poster-*")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "in"+extensions[u.ContentType])
	out := filepath.Join(dir, "poster.jpg")
	if err := m.copyLocal(ctx, u.BlobKey, in); err != nil {
		return "", err
	}
	at := time.Second
	if d := time.Duration(u.DurationMS) * time.Millisecond; d > 0 && d < 2*time.Second {
		at = d / 2
	}
	timeout, memory := m.FFmpegTimeout, m.FFmpegMemory
	if timeout <= 0 {
		timeout = DefaultFFmpegTimeout
	}
	if memory <= 0 {
		memory = DefaultFFmpegMemory
	}
	if m.Prlimit == "" {
		return "", errors.New("media: prlimit is missing: ffmpeg runs only with its limits")
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	cpu := int64((timeout + time.Second - 1) / time.Second)
	cmd := exec.CommandContext(ctx, m.Prlimit,
		"--as="+strconv.FormatInt(memory, 10), "--cpu="+strconv.FormatInt(cpu, 10), "--core=0", "--nofile=64", "--",
		m.FFmpeg, "-nostdin", "-hide_banner", "-loglevel", "error",
		"-protocol_whitelist", "file", "-threads", "1",
		"-ss", strconv.FormatFloat(at.Seconds(), 'f', 3, 64), "-i", in,
		"-frames:v", "1", "-vf", "scale='min(960,iw)':-2", "-f", "image2", "-c:v", "mjpeg", "-y", out)
	cmd.Dir = dir
	cmd.Env = []string{"PATH=/usr/bin:/bin"}
	// Its own process group, killed whole at the time limit, so nothing it
	// started outlives it; and no waiting long for pipes a killed child held.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 5 * time.Second
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			err = fmt.Errorf("%w (time limit %s)", err, timeout)
		}
		return "", fmt.Errorf("media: ffmpeg: %w: %.300s", err, stderr.String())
	}
	f, err := os.Open(out)
	if err != nil {
		return "", fmt.Errorf("media: ffmpeg made no poster: %w", err)
	}
	defer f.Close()
	// Only a real JPEG is kept.
	if _, err := jpeg.DecodeConfig(f); err != nil {
		return "", fmt.Errorf("media: ffmpeg poster: %w", err)
	}
	size, err := f.Seek(0, io.SeekEnd)
	if err != nil {
		return "", err
	}
	key := newKey(".poster")
	return key, m.Blobs.Put(ctx, key, f, size, "image/jpeg")
}

// copyLocal copies a blob to a local file, so ffmpeg never reads from the
// object store or anything but a plain file.
func (m *Service) copyLocal(ctx context.Context, key, path string) error {
	rc, err := m.Blobs.Open(ctx, key, 0)
	if err != nil {
		return err
	}
	defer rc.Close()
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, rc); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
