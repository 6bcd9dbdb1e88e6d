package api

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"reflect"
	"strconv"
	"strings"

	"github.com/tacit-org/tacit/internal/i18n"
	"github.com/tacit-org/tacit/internal/store"
)

// decode reads the request body as one JSON object into dst, strictly:
// unknown fields, trailing data and wrong types are refused with 400, and a
// body over the limit with 413 without reading it whole. An empty body is
// accepted only when the body is optional. It reports whether the handler
// may go on; when not, the answer has been written.
func (a *API) decode(w http.ResponseWriter, r *http.Request, dst any, optional bool) bool {
	if r.ContentLength > a.maxRequest {
		tooLarge(w)
		return false
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, a.maxRequest))
	dec.DisallowUnknownFields()
	err := dec.Decode(dst)
	if errors.Is(err, io.EOF) {
		if optional {
			return true
		}
		writeError(w, http.StatusBadRequest, "bad_request", "A JSON object is required as the request body.", nil)
		return false
	}
	if err == nil {
		// Exactly one value: anything after it is a mistake we should not guess about.
		if _, err = dec.Token(); errors.Is(err, io.EOF) {
			return true
		}
		if err == nil {
			err = errTrailing
		}
	}
	a.decodeError(w, err)
	return false
}

var errTrailing = errors.New("api: data after the JSON value")

// decodeError answers for a body that could not be decoded, naming the
// field when the problem is in one.
func (a *API) decodeError(w http.ResponseWriter, err error) {
	var tooBig *http.MaxBytesError
	var typeErr *json.UnmarshalTypeError
	switch {
	case errors.As(err, &tooBig):
		tooLarge(w)
	case errors.As(err, &typeErr) && typeErr.Field != "":
		writeError(w, http.StatusBadRequest, "bad_request", i18n.T("en", "error.bad_request"),
			map[string]string{typeErr.Field: "This must be " + jsonKind(typeErr.Type) + "."})
	case strings.HasPrefix(err.Error(), `json: unknown field "`):
		field := strings.TrimSuffix(strings.TrimPrefix(err.Error(), `json: unknown field "`), `"`)
		writeError(w, http.StatusBadRequest, "bad_request", i18n.T("en", "error.bad_request"),
			map[string]string{field: "This field is not known."})
	default:
		badRequest(w, "error.bad_request")
	}
}

// jsonKind names what a JSON value must be to fill a Go value of type t.
func jsonKind(t reflect.Type) string {
	if t == nil {
		return "another kind of value"
	}
	switch t.Kind() {
	case reflect.Pointer:
		return jsonKind(t.Elem())
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "a list"
	}
	return "an object"
}

// pathID reads a positive integer id from the path. A malformed id names
// nothing, so callers answer it like a missing one.
func pathID(r *http.Request, name string) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	return id, err == nil && id > 0
}

// Page sizes for lists.
const (
	defaultLimit = 20
	maxLimit     = 100
)

// page is where a list starts and how long it is.
type page struct {
	limit int
	after store.Cursor
}

// parsePage reads ?limit= (1–100, default 20) and ?cursor=. A cursor that
// does not parse is refused rather than silently restarting the list, which
// could make a client loop for ever.
func parsePage(w http.ResponseWriter, r *http.Request) (page, bool) {
	p := page{limit: defaultLimit}
	q := r.URL.Query()
	fields := map[string]string{}
	if s := q.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > maxLimit {
			fields["limit"] = "Use a whole number from 1 to 100."
		}
		p.limit = n
	}
	if s := q.Get("cursor"); s != "" {
		p.after = store.ParseCursor(s)
		if p.after.ID == 0 || p.after.At < 0 {
			fields["cursor"] = "This cursor is not valid; start again without it."
		}
	}
	if len(fields) > 0 {
		writeError(w, http.StatusBadRequest, "validation", i18n.T("en", "error.validation"), fields)
		return page{}, false
	}
	return p, true
}

// listJSON is the envelope of every list (DESIGN §5); NextCursor is empty
// on the last page.
type listJSON[T any] struct {
	Items      []T    `json:"items"`
	NextCursor string `json:"next_cursor"`
}

// writeList answers with one page of a list; an empty page is [], never null.
func writeList[T any](w http.ResponseWriter, items []T, next string) {
	if items == nil {
		items = []T{}
	}
	writeJSON(w, http.StatusOK, listJSON[T]{Items: items, NextCursor: next})
}

// window pages a short list that the store returns whole (communities,
// join requests, revisions). The cursor carries the offset of the next page
// in At and, so that it is never empty, the id of the last item given.
func window[T any](all []T, p page, id func(T) int64) ([]T, string) {
	start := int(min(p.after.At, int64(len(all))))
	end := min(start+p.limit, len(all))
	items := all[start:end]
	if end >= len(all) || len(items) == 0 {
		return items, ""
	}
	return items, store.Cursor{At: int64(end), ID: max(id(items[len(items)-1]), 1)}.String()
}
