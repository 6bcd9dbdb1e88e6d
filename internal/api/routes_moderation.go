package api

// moderationTable holds the API routes of reports, moderation and the safe zone.
func (a *API) moderationTable() []route {
	return nil
}
