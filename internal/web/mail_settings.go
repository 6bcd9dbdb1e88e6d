package web

import (
	"errors"
	"net/http"

	"github.com/tacit-org/tacit/internal/i18n"
	"github.com/tacit-org/tacit/internal/store"
)

type mailKind struct{ Kind, Delivery string }

type mailSettingsData struct {
	Digest     string
	Kinds      []mailKind
	Rhythms    []string
	Deliveries []string
}

// mailNote is the admin page's line about where mail goes.
func (w *Web) mailNote(r *http.Request) string {
	lang := state(r).lang
	switch {
	case w.opt.MailNote.SMTP != "":
		return i18n.T(lang, "mail.admin_smtp", "Addr", w.opt.MailNote.SMTP)
	case w.opt.MailNote.Dir != "":
		return i18n.T(lang, "mail.admin_no_smtp", "Dir", w.opt.MailNote.Dir)
	}
	return ""
}

// mailSettings shows, per kind of notification, how it is mailed, and the digest rhythm.
func (w *Web) mailSettings(rw http.ResponseWriter, r *http.Request) {
	ms, err := w.store.MailSettings(r.Context(), state(r).me.ID)
	if err != nil {
		w.serverError(rw, r, err)
		return
	}
	d := mailSettingsData{Digest: ms.Digest, Rhythms: store.DigestRhythms, Deliveries: store.Deliveries}
	for _, k := range store.NotificationKinds {
		d.Kinds = append(d.Kinds, mailKind{Kind: k, Delivery: ms.Delivery[k]})
	}
	w.render(rw, r, http.StatusOK, "settings", w.settingsPage(r, "mail", settingsData{Mail: d}))
}

func (w *Web) mailSettingsSave(rw http.ResponseWriter, r *http.Request) {
	if !w.parseForm(rw, r) {
		return
	}
	delivery := map[string]string{}
	for _, k := range store.NotificationKinds {
		if v := r.PostForm.Get("kind." + k); v != "" {
			delivery[k] = v
		}
	}
	if err := w.store.SetMailSettings(r.Context(), state(r).me.ID, r.PostForm.Get("digest"), delivery); err != nil {
		w.serverError(rw, r, err)
		return
	}
	w.flash(rw, "mail.saved")
	redirect(rw, r, "/settings/mail")
}

// unsubscribeForm is where an unsubscribe link leads: it asks, and changes
// nothing (RFC 8058: only the POST unsubscribes, so link scanners cannot).
func (w *Web) unsubscribeForm(rw http.ResponseWriter, r *http.Request) {
	p, err := w.store.UnsubscribePerson(r.Context(), r.PathValue("token"))
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	kind := r.URL.Query().Get("kind")
	w.render(rw, r, http.StatusOK, "unsubscribe", w.newPage(r, "mail.unsubscribe_title",
		map[string]any{"Email": p.Email, "Kind": kind, "What": unsubscribeWhat(state(r).lang, kind), "Done": false}))
}

// unsubscribe answers the one-click POST (from a mail program) and the
// confirm button alike.
func (w *Web) unsubscribe(rw http.ResponseWriter, r *http.Request) {
	if !w.parseForm(rw, r) {
		return
	}
	kind := r.URL.Query().Get("kind")
	if k := r.PostForm.Get("kind"); k != "" {
		kind = k
	}
	p, err := w.store.Unsubscribe(r.Context(), r.PathValue("token"), kind)
	if errors.Is(err, store.ErrNotFound) {
		w.notFound(rw, r)
		return
	}
	if err != nil {
		w.serverError(rw, r, err)
		return
	}
	w.render(rw, r, http.StatusOK, "unsubscribe", w.newPage(r, "mail.unsubscribe_title",
		map[string]any{"Email": p.Email, "Kind": kind, "What": unsubscribeWhat(state(r).lang, kind), "Done": true}))
}

func unsubscribeWhat(lang, kind string) string {
	switch kind {
	case "":
		return i18n.T(lang, "mail.what.all")
	case "digest":
		return i18n.T(lang, "mail.what.digest")
	}
	return i18n.T(lang, "mail.kind."+kind)
}
