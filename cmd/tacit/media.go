package main

import (
	"log/slog"
	"path/filepath"

	"github.com/tacit-org/tacit/internal/config"
	"github.com/tacit-org/tacit/internal/media"
	"github.com/tacit-org/tacit/internal/store"
)

// newMedia sets up uploads as configured: files in the data directory, or
// in an S3-compatible object store when TACIT_S3_ENDPOINT is set.
func newMedia(cfg config.Config, s *store.Store, log *slog.Logger) (*media.Service, error) {
	var blobs media.Blobs = media.Disk{Dir: filepath.Join(cfg.DataDir, "media")}
	if c := cfg.Media.S3; c.Endpoint != "" {
		s3, err := media.NewS3(c.Endpoint, c.Bucket, c.Region, c.AccessKey, c.SecretKey)
		if err != nil {
			return nil, err
		}
		blobs = s3
	}
	m := media.New(s, blobs)
	m.Limits.MaxImageBytes = cfg.Media.MaxImageBytes
	m.Limits.MaxVideoBytes = cfg.Media.MaxVideoBytes
	m.Limits.MaxPDFBytes = cfg.Media.MaxPDFBytes
	m.Limits.MaxDuration = cfg.Media.MaxDuration
	m.OrphanAfter = cfg.Media.OrphanAfter
	m.FFmpegTimeout, m.FFmpegMemory = cfg.Media.FFmpegTimeout, cfg.Media.FFmpegMemory
	m.Log = log
	return m, nil
}
