package web

// participationRoutes are the pages of notifications, mail, follows and feeds.
func (w *Web) participationRoutes() []route {
	in := w.signedIn
	return []route{
		{"GET /notifications", in(w.notificationList)},
		{"POST /notifications/read", in(w.notificationsRead)},
		{"GET /mentions", in(w.mentionSuggest)},
		{"GET /events", in(w.events)},
		{"POST /settings/follows/remove", in(w.followRemove)},
		{"GET /settings/mail", in(w.mailSettings)},
		{"POST /settings/mail", in(w.mailSettingsSave)},
		// Unsubscribe links work signed out: the secret in the link is the key.
		{"GET /mail/unsubscribe/{token}", w.unsubscribeForm},
		{"POST /mail/unsubscribe/{token}", w.unsubscribe},
		// Feeds take no session: open content by URL, the rest with ?token=.
		{"GET /feed.atom", w.homeAtom},
		{"GET /c/{slug}/feed.atom", w.communityAtom},
		{"GET /t/{tag}/feed.atom", w.tagAtom},
		{"GET /u/{id}/feed.atom", w.personAtom},
		{"GET /settings/feeds", in(w.feedSettings)},
		{"POST /settings/feeds", in(w.feedTokenCreate)},
		{"POST /settings/feeds/revoke", in(w.feedTokenRevoke)},
	}
}
