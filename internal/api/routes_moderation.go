package api

// moderationTable holds the API routes of reports, moderation and the safe zone.
func (a *API) moderationTable() []route {
	return []route{
		{"POST /api/v1/posts/{id}/reports", scopeWrite, a.reportCreate},
		{"POST /api/v1/posts/{id}/moderation", scopeWrite, a.moderate()},
		{"POST /api/v1/posts/{id}/lock", scopeWrite, a.lock()},
		{"POST /api/v1/posts/{id}/move", scopeWrite, a.move()},
		{"GET /api/v1/communities/{slug}/moderation", scopeRead, a.moderationQueue},
		{"POST /api/v1/communities/{slug}/reports/{id}/dismiss", scopeWrite, a.reportDismiss()},
		{"POST /api/v1/communities/{slug}/bans", scopeWrite, a.ban()},
		{"DELETE /api/v1/communities/{slug}/bans/{id}", scopeWrite, a.unban()},
	}
}
