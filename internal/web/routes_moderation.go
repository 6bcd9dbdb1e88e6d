package web

// moderationRoutes are the pages of reports, moderation and the safe zone.
func (w *Web) moderationRoutes() []route {
	in, admin := w.signedIn, w.adminOnly
	return []route{
		{"POST /p/{id}/report", in(w.reportCreate)},
		{"POST /p/{id}/moderate", in(w.moderate)},
		{"POST /p/{id}/lock", in(w.lock)},
		{"POST /p/{id}/move", in(w.move)},
		{"GET /c/{slug}/moderation", in(w.moderationQueue)},
		{"POST /c/{slug}/reports/{id}/dismiss", in(w.reportDismiss())},
		{"POST /c/{slug}/bans", in(w.ban())},
		{"POST /c/{slug}/bans/{id}/lift", in(w.unban())},
		{"GET /admin/words", admin(w.watchedWords)},
		{"POST /admin/words", admin(w.watchedWordAdd)},
		{"POST /admin/words/{id}/delete", admin(w.watchedWordDelete)},
		{"GET /admin/audit/export", admin(w.auditExport)},
	}
}
