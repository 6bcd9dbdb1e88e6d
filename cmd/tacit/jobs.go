package main

import (
	"log/slog"
	"maps"

	"github.com/tacit-org/tacit/internal/config"
	"github.com/tacit-org/tacit/internal/jobs"
	"github.com/tacit-org/tacit/internal/store"
)

// jobKinds lists the background job kinds the server runs. Each feature that
// enqueues jobs (mail, digests, media processing) registers its kinds here.
func jobKinds(cfg config.Config, s *store.Store, log *slog.Logger) map[string]jobs.Kind {
	kinds := map[string]jobs.Kind{}
	if m, err := newMedia(cfg, s, log); err == nil {
		maps.Copy(kinds, m.Jobs())
	} else {
		log.Error("media jobs not running", "err", err)
	}
	return kinds
}
