package api

import (
	"net/http"

	"github.com/tacit-org/tacit/internal/store"
)

// auditList answers GET /audit-log, newest first, for organisation admins
// with an admin token. Filters: action (exact, or a prefix ending in "."),
// actor (a person id or "system"), from and to (dates, to inclusive).
// Entries name people and objects; an anonymous author is never named.
func (a *API) auditList(w http.ResponseWriter, r *http.Request, c caller) {
	p, ok := parsePage(w, r)
	if !ok {
		return
	}
	f, fe := store.ParseAuditFilter(r.URL.Query())
	if len(fe) > 0 {
		invalid(w, fe)
		return
	}
	f.Viewer, f.BeforeID, f.Limit = c.viewer(), p.after.ID, p.limit+1
	entries, err := a.store.AuditLog(r.Context(), f)
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
