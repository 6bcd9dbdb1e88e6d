package api

// participationTable holds the API routes of notifications, mail, follows and feeds.
func (a *API) participationTable() []route {
	return nil
}
