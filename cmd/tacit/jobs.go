package main

import (
	"log/slog"
	"maps"
	"net"
	"strconv"

	"github.com/tacit-org/tacit/internal/config"
	"github.com/tacit-org/tacit/internal/jobs"
	"github.com/tacit-org/tacit/internal/mail"
	"github.com/tacit-org/tacit/internal/store"
)

// jobKinds lists the background job kinds the server runs. Each feature that
// enqueues jobs (mail, digests, media processing) registers its kinds here.
func jobKinds(cfg config.Config, s *store.Store, log *slog.Logger) map[string]jobs.Kind {
	kinds := map[string]jobs.Kind{}
	maps.Copy(kinds, newMailer(cfg, s).Kinds())
	if m, err := newMedia(cfg, s, log); err == nil {
		maps.Copy(kinds, m.Jobs())
	} else {
		log.Error("media jobs not running", "err", err)
	}
	return kinds
}

// newMailer sends through the configured SMTP server, or writes .eml files
// into the data directory when there is none.
func newMailer(cfg config.Config, s *store.Store) *mail.Mailer {
	var sender mail.Sender = mail.Dir{Path: cfg.MailDir()}
	if cfg.SMTPHost != "" {
		sender = mail.SMTP{Addr: net.JoinHostPort(cfg.SMTPHost, strconv.Itoa(cfg.SMTPPort)), User: cfg.SMTPUser, Password: cfg.SMTPPassword}
	}
	return &mail.Mailer{Store: s, Sender: sender, BaseURL: cfg.PublicURL(), From: cfg.SMTPFrom}
}
