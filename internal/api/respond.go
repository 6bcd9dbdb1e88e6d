package api

import (
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"

	"github.com/tacit-org/tacit/internal/i18n"
	"github.com/tacit-org/tacit/internal/store"
)

// apiError is the body of every error answer (DESIGN §5). Code is stable
// for programs; Message and Fields are for people, in English.
type apiError struct {
	Code    string            `json:"code"`
	Message string            `json:"message"`
	Fields  map[string]string `json:"fields,omitempty"`
}

// writeJSON answers with v as JSON.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// writeError answers with the error shape.
func writeError(w http.ResponseWriter, status int, code, message string, fields map[string]string) {
	writeJSON(w, status, map[string]apiError{"error": {Code: code, Message: message, Fields: fields}})
}

// notFound is the one answer for anything missing or hidden from the
// caller; it is the same bytes whatever the reason (DESIGN §3 rule 2).
func notFound(w http.ResponseWriter) {
	writeError(w, http.StatusNotFound, "not_found", i18n.T("en", "error.not_found"), nil)
}

// forbidden answers 403 for something the caller can see but may not do.
func forbidden(w http.ResponseWriter, message string) {
	if message == "" {
		message = i18n.T("en", "error.forbidden")
	}
	writeError(w, http.StatusForbidden, "forbidden", message, nil)
}

// badRequest answers 400 for a request that is well-formed but cannot be done.
func badRequest(w http.ResponseWriter, messageID string) {
	writeError(w, http.StatusBadRequest, "bad_request", i18n.T("en", messageID), nil)
}

// invalid answers 400 with a message per field, from the store's message ids.
func invalid(w http.ResponseWriter, fe store.FieldErrors) {
	fields := make(map[string]string, len(fe))
	for f, id := range fe {
		fields[f] = i18n.T("en", id)
	}
	writeError(w, http.StatusBadRequest, "validation", i18n.T("en", "error.validation"), fields)
}

// conflict answers 409.
func conflict(w http.ResponseWriter, messageID string, fields store.FieldErrors) {
	var fm map[string]string
	if len(fields) > 0 {
		fm = map[string]string{}
		for f, id := range fields {
			fm[f] = i18n.T("en", id)
		}
	}
	writeError(w, http.StatusConflict, "conflict", i18n.T("en", messageID), fm)
}

// fail answers for an error from the store or the request body. Known
// errors get their status; anything else is logged once, with the request,
// and the client gets a generic 500 — never the error's text.
func (a *API) fail(w http.ResponseWriter, r *http.Request, err error) {
	var tooBig *http.MaxBytesError
	switch {
	case errors.Is(err, store.ErrNotFound):
		notFound(w)
	case errors.Is(err, store.ErrLastOwner):
		conflict(w, "error.last_owner", nil)
	case errors.Is(err, store.ErrConflict):
		conflict(w, "error.conflict", nil)
	case errors.Is(err, store.ErrNotAllowed):
		forbidden(w, "")
	case errors.As(err, &tooBig):
		tooLarge(w)
	default:
		a.log.ErrorContext(r.Context(), "api: request failed", append(logAttrs(r), slog.Any("err", err))...)
		writeError(w, http.StatusInternalServerError, "internal", i18n.T("en", "error.server"), nil)
	}
}

func tooLarge(w http.ResponseWriter) {
	writeError(w, http.StatusRequestEntityTooLarge, "too_large", i18n.T("en", "error.body_too_large"), nil)
}
