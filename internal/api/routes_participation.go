package api

// participationTable holds the API routes of notifications, mail, follows and feeds.
func (a *API) participationTable() []route {
	return []route{
		{"GET /api/v1/notifications", scopeRead, a.notificationList},
		{"POST /api/v1/notifications/read", scopeWrite, a.notificationsRead},
		{"GET /api/v1/events", scopeRead, a.events},
	}
}
