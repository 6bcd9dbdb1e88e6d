package api

import (
	_ "embed"
	"net/http"
)

// openAPIDoc describes every route; a test keeps it and the route table in step.
//
//go:embed openapi.json
var openAPIDoc []byte

// openAPI answers GET /openapi.json without a token, so tools can read the
// API's description before anyone has one.
func (a *API) openAPI(w http.ResponseWriter, r *http.Request, _ caller) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	_, _ = w.Write(openAPIDoc)
}
