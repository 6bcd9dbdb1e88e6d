package api

import (
	"net/http"

	"github.com/tacit-org/tacit/internal/store"
)

// auditList answers GET /audit-log, newest first, for organisation admins
// with an admin token.
func (a *API) auditList(w http.ResponseWriter, r *http.Request, c caller) {
	p, ok := parsePage(w, r)
	if !ok {
		return
	}
	entries, err := a.store.AuditLog(r.Context(), p.after.ID, p.limit+1)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	next := ""
	if len(entries) > p.limit {
		entries = entries[:p.limit]
		next = store.Cursor{ID: entries[len(entries)-1].ID}.String()
	}
	writeList(w, entries, next)
}
